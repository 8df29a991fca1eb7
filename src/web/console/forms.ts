import type { Request } from 'express';
import { DateTime } from 'luxon';
import { WARSAW } from '../../admin/warsaw-time.ts';

/** A posted form body as a plain record (urlencoded bodies; anything else reads as empty). */
export function formOf(req: Request): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
}

/** A trimmed text field, or undefined when absent or blank (so optional inputs stay optional). */
export function textField(form: Record<string, unknown>, name: string): string | undefined {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

/** A multi-valued field (checkboxes): always a list of strings. */
export function listField(form: Record<string, unknown>, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/**
 * Polish text with optional English, as the admin inputs take it. A blank optional text is left out;
 * a blank required one stays an object, so the error names its Polish field (`title.pl`).
 */
export function localizedField(form: Record<string, unknown>, name: string, optional = false): { pl: string | undefined; en?: string } | undefined {
  const pl = textField(form, `${name}_pl`);
  const en = textField(form, `${name}_en`);
  if (optional && pl === undefined && en === undefined) return undefined;
  return en === undefined ? { pl } : { pl, en };
}

/** A named route parameter as a string (express types it loosely when middleware precedes the handler). */
export function routeParam(req: Request, name: string): string {
  const v = (req.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
}

/** Typed values of a form, for re-rendering it after an error or a preview. */
export type FormDraft = Record<string, string | string[] | undefined>;

/** The named text fields of a posted form (blank ones as undefined). */
export function pickFields(form: Record<string, unknown>, names: string[]): FormDraft {
  return Object.fromEntries(names.map((n) => [n, textField(form, n)]));
}

/** A `datetime-local` value for an instant, in Warsaw wall-clock time (what the form shows and takes back). */
export function localInput(ms: number): string {
  return DateTime.fromMillis(ms, { zone: WARSAW }).toFormat("yyyy-MM-dd'T'HH:mm");
}
