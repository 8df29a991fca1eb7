import type { FieldProblem } from '../domain/errors.ts';
import { en } from './i18n/en.ts';
import { pl } from './i18n/pl.ts';

/** A field-level problem (the AppError `fields` shape). */
export type FieldError = FieldProblem;

/** A validation message key. */
export type ValidationKey = keyof typeof pl.validation;

/** Builds a field error from the validation dictionaries. */
export function fieldError(field: string, key: ValidationKey): FieldError {
  return { field, pl: pl.validation[key], en: en.validation[key] };
}

/** Keeps the first error per field, in order. */
export function uniqueFields(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}
