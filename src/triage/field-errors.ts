import { en } from './i18n/en.ts';
import { pl } from './i18n/pl.ts';

/** A field-level problem, named by its dotted path, in both languages (the AppError `fields` shape). */
export interface FieldError {
  field: string;
  pl: string;
  en: string;
}

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
