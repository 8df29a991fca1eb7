import { z } from 'zod';
import type { Config } from '../config/schema.ts';
import { AppError } from '../domain/errors.ts';
import { BANK_TOKEN } from '../engine/index.ts';
import { classifyErrorText } from './error-text.ts';
import { fieldError, uniqueFields, type FieldError, type ValidationKey } from './field-errors.ts';
import { findPeselField } from './pesel.ts';
import { warsawDay } from '../domain/warsaw.ts';
import { readDay, readInstant, type DateProblem } from './time-input.ts';
import { METHODS, SYMPTOMS, type Method, type ProfileDates, type TriageInput } from './types.ts';

/** Largest request body the triage faces accept (express body-parser notation). */
export const BODY_LIMIT = '16kb';
/** Longest error text accepted (a copied message, not an essay). */
export const MAX_ERROR_TEXT = 2_000;
/** How far back `occurredAt` may go: the history kept for past-time questions. */
export const MAX_PAST_DAYS = 90;
// Clocks of patients' phones drift: a few minutes ahead is still "now".
const FUTURE_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

// Absent and null mean the same: helpdesk tools often send nulls for empty fields.
const opt = <T extends z.ZodType>(t: T) => t.nullish();
const dateText = z.string().max(40);

/** The triage body: strict (unknown fields are errors), types only; meaning is checked in `parseTriageInput`. */
export const triageBodySchema = z.strictObject({
  method: opt(z.enum(METHODS)),
  bank: opt(z.string().min(1).max(64)),
  occurredAt: opt(dateText),
  symptom: opt(z.enum(SYMPTOMS)),
  errorText: opt(z.string().max(MAX_ERROR_TEXT)),
  profile: opt(z.strictObject({ validUntil: opt(dateText), confirmedAt: opt(dateText), extendedAt: opt(dateText) })),
});
/** The triage body as sent. */
export type TriageBody = z.infer<typeof triageBodySchema>;

const FIELD_MESSAGE: Record<string, ValidationKey> = {
  method: 'method',
  symptom: 'symptom',
  occurredAt: 'dateTime',
  'profile.validUntil': 'date',
  'profile.confirmedAt': 'date',
  'profile.extendedAt': 'date',
};

// A well-formed date the calendar does not have is told as such ("nie ma takiego dnia"), not as a wrong format.
const DATE_MESSAGE: Record<DateProblem, ValidationKey> = { format: 'date', noSuchDay: 'noSuchDay', noSuchTime: 'noSuchTime' };

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p).slice(0, 64))).join('.').replace(/\.\[/g, '[');
}

/** Turns zod issues into one error per bad field, each in Polish and English. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return uniqueFields(
    issues.flatMap((issue) => {
      const at = pathText(issue.path);
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => fieldError(pathText([...issue.path, k]), 'unknownField'));
      if (issue.code === 'too_big' && issue.origin === 'string') return [fieldError(at, 'tooLong')];
      return [fieldError(at || 'body', FIELD_MESSAGE[at] ?? 'invalidType')];
    }),
  );
}

/** Rejects a PESEL anywhere in a request part, naming only the field (the value is never echoed). */
export function rejectPesel(value: unknown): void {
  const field = findPeselField(value);
  if (field !== null) throw new AppError('PESEL_REJECTED', undefined, [fieldError(field, 'pesel')]);
}

/** Methods whose path goes through a bank, with the banks that offer each. */
export function bankMethods(config: Config): Map<string, string[]> {
  return new Map(config.loginMethods.filter((m) => m.path.includes(BANK_TOKEN)).map((m) => [m.id, m.banks ?? []]));
}

function checkBank(method: Method, raw: string | null | undefined, config: Config, errors: FieldError[]): { method: Method; bank: string | null } {
  if (!raw) return { method, bank: null };
  const bank = raw.startsWith('bank:') ? raw.slice(5) : raw;
  const byMethod = bankMethods(config);
  if (!config.components.some((c) => c.kind === 'bank' && c.id === `bank:${bank}`)) errors.push(fieldError('bank', 'bankUnknown'));
  else if (method === 'unknown') {
    // The bank tells which method the patient uses (mBank is mojeID, PKO BP is Profil Zaufany).
    const inferred = [...byMethod].find(([, banks]) => banks.includes(bank))?.[0];
    if (inferred && (METHODS as readonly string[]).includes(inferred)) return { method: inferred as Method, bank };
  } else if (!byMethod.has(method)) errors.push(fieldError('bank', 'bankNotApplicable'));
  else if (!byMethod.get(method)!.includes(bank)) errors.push(fieldError('bank', 'bankNotForMethod'));
  return { method, bank };
}

/** Checks profile dates (real dates; confirmation and extension not in the future; extension not before confirmation), pushing field errors. */
export function checkProfile(p: TriageBody['profile'], now: number, errors: FieldError[]): ProfileDates | null {
  if (!p) return null;
  const today = warsawDay(now);
  const out: ProfileDates = {};
  for (const key of ['validUntil', 'confirmedAt', 'extendedAt'] as const) {
    const raw = p[key];
    if (!raw) continue;
    const day = readDay(raw);
    if (!day.ok) errors.push(fieldError(`profile.${key}`, DATE_MESSAGE[day.problem]));
    else if (key !== 'validUntil' && day.value > today) errors.push(fieldError(`profile.${key}`, 'dateInFuture'));
    else out[key] = day.value;
  }
  if (out.confirmedAt && out.extendedAt && out.extendedAt < out.confirmedAt) errors.push(fieldError('profile.extendedAt', 'extendedBeforeConfirmed'));
  return Object.keys(out).length > 0 ? out : null;
}

function checkOccurredAt(raw: string | null | undefined, now: number, errors: FieldError[]): number {
  if (!raw) return now;
  const read = readInstant(raw);
  const at = read.ok ? read.value : null;
  if (!read.ok) errors.push(fieldError('occurredAt', read.problem === 'format' ? 'dateTime' : DATE_MESSAGE[read.problem]));
  else if (at! > now + FUTURE_SKEW_MS) errors.push(fieldError('occurredAt', 'occurredInFuture'));
  else if (at! < now - MAX_PAST_DAYS * DAY_MS) errors.push(fieldError('occurredAt', 'occurredTooOld'));
  else return Math.min(at!, now);
  return now;
}

/**
 * Validates a triage body: PESEL first (before anything else happens), then types, then meaning
 * against the config and `now`. Throws AppError PESEL_REJECTED or VALIDATION_FAILED naming every bad field.
 */
export function parseTriageInput(body: unknown, config: Config, now: number): TriageInput {
  rejectPesel(body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', undefined, [fieldError('body', 'notAnObject')]);
  const parsed = triageBodySchema.safeParse(body);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, issuesToFields(parsed.error.issues));
  const b = parsed.data;
  const errors: FieldError[] = [];
  const { method, bank } = checkBank(b.method ?? 'unknown', b.bank, config, errors);
  const occurredAt = checkOccurredAt(b.occurredAt, now, errors);
  const profile = checkProfile(b.profile, now, errors);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', undefined, uniqueFields(errors));
  return {
    method,
    bank,
    occurredAt,
    symptom: b.symptom ?? null,
    errorTextClasses: b.errorText ? classifyErrorText(b.errorText) : [],
    profile,
  };
}
