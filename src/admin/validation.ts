import type { z } from 'zod';
import { AppError, type FieldProblem } from '../domain/errors.ts';
import { valueAt } from '../domain/object-path.ts';

export type { FieldProblem };

/** Options for a zod refinement or custom issue whose message exists in both languages. */
export function bilingual(pl: string, en: string): { message: string; params: { pl: string } } {
  return { message: en, params: { pl } };
}

/** Parses `raw` with `schema`, or throws VALIDATION_FAILED naming every bad field in Polish and English. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((i) => describe(i as Issue, raw));
  // One problem per field: the first is the most basic (empty before too short).
  const seen = new Set<string>();
  throw new AppError('VALIDATION_FAILED', undefined, problems.filter((p) => !seen.has(p.field) && seen.add(p.field)));
}

/** Throws VALIDATION_FAILED for one field. */
export function fieldFailure(field: string, pl: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ field, pl, en }]);
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  params?: { pl?: string };
}

function describe(issue: Issue, raw: unknown): FieldProblem[] {
  const field = issue.path.map(String).join('.') || 'body';
  const at = (pl: string, en: string): FieldProblem[] => [{ field, pl, en }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((k) => ({ field: [...issue.path.map(String), k].join('.'), pl: 'Nieznane pole.', en: 'Unknown field.' }));
    case 'invalid_type':
      return valueAt(raw, issue.path) === undefined ? at('Pole jest wymagane.', 'This field is required.') : at('Nieprawidłowy typ wartości.', 'Wrong type of value.');
    case 'too_small':
      return issue.origin === 'array'
        ? at(`Za mało elementów (co najmniej ${issue.minimum}).`, `Too few items (at least ${issue.minimum}).`)
        : issue.origin === 'string'
          ? at(issue.minimum === 1 ? 'Pole nie może być puste.' : `Za krótkie (co najmniej ${issue.minimum} znaków).`, issue.minimum === 1 ? 'Must not be empty.' : `Too short (at least ${issue.minimum} characters).`)
          : at(`Za mała wartość (co najmniej ${issue.minimum}).`, `Too small (at least ${issue.minimum}).`);
    case 'too_big':
      return issue.origin === 'array'
        ? at(`Za dużo elementów (najwyżej ${issue.maximum}).`, `Too many items (at most ${issue.maximum}).`)
        : issue.origin === 'string'
          ? at(`Za długie (najwyżej ${issue.maximum} znaków).`, `Too long (at most ${issue.maximum} characters).`)
          : at(`Za duża wartość (najwyżej ${issue.maximum}).`, `Too large (at most ${issue.maximum}).`);
    case 'invalid_value': {
      const list = (issue.values ?? []).map(String).join(', ');
      return at(`Dozwolone wartości: ${list}.`, `Allowed values: ${list}.`);
    }
    case 'invalid_format':
      return at('Nieprawidłowy format.', 'Invalid format.');
    default:
      return at(issue.params?.pl ?? issue.message, issue.message);
  }
}

