import { DateTime } from 'luxon';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { fieldError, type FieldError } from './field-errors.ts';
import { checkProfile, issuesToFields, rejectPesel } from './input-schema.ts';
import { EXPIRING_SOON_DAYS, judgeProfile, profileExpiry, ZONE, type ProfileExpiry } from './profile-expiry.ts';
import { profileText } from './profile-text.ts';
import type { ProfileVerdict } from './types.ts';

/** Query of GET /api/v1/profile-expiry: confirmation and/or last extension date (strict). */
export const expiryQuerySchema = z.strictObject({
  confirmedAt: z.string().max(40).optional(),
  extendedAt: z.string().max(40).optional(),
});

/** The body of GET /api/v1/profile-expiry. */
export interface ExpiryAnswer {
  basis: 'confirmedAt' | 'extendedAt';
  start: string;
  lastValidDay: string;
  validThrough: string;
  /** First instant the profile is no longer valid, ISO-8601 Warsaw. */
  expiresAt: string;
  /** Judged now. */
  status: ProfileVerdict['status'];
  daysLeft: number;
  /** The validity in words (the last day counts in full). */
  text: { pl: string; en: string };
  /** Day to be reminded on (30 days before the last valid day) and where to get the .ics. */
  reminder: { date: string; ics: string };
  rule: { pl: string; en: string };
}

const RULE = {
  pl: 'Profil Zaufany jest ważny 3 lata od potwierdzenia lub ostatniego przedłużenia; termin liczy się wg art. 112 k.c. (29 lutego + 3 lata = 28 lutego) i kończy z końcem dnia w czasie polskim.',
  en: 'A Trusted Profile is valid for 3 years from confirmation or the last extension; the term follows art. 112 of the Polish Civil Code (29 Feb + 3 years = 28 Feb) and ends at the end of that day, Polish time.',
};

/** Validates the query (PESEL first) and computes the expiry; throws AppError naming the bad field. */
export function computeExpiry(query: unknown, now: number): { expiry: ProfileExpiry & { basis: 'confirmedAt' | 'extendedAt'; start: string }; reminderDay: string; query: string } {
  rejectPesel(query);
  const parsed = expiryQuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, issuesToFields(parsed.error.issues));
  const errors: FieldError[] = [];
  const dates = checkProfile(parsed.data, now, errors);
  // checkProfile names fields profile.x; this endpoint's fields are top-level query parameters.
  const named = errors.map((e) => ({ ...e, field: e.field.replace(/^profile\./, '') }));
  if (named.length > 0) throw new AppError('VALIDATION_FAILED', undefined, named);
  const expiry = dates ? profileExpiry(dates) : null;
  if (!expiry || expiry.start === null || expiry.basis === 'validUntil') throw new AppError('VALIDATION_FAILED', undefined, [fieldError('confirmedAt', 'profileNeedsDate')]);
  // A reminder in the past is never shown: within the last 30 days it falls on today.
  const wanted = DateTime.fromISO(expiry.lastValidDay, { zone: ZONE }).minus({ days: EXPIRING_SOON_DAYS }).toISODate()!;
  const today = DateTime.fromMillis(now, { zone: ZONE }).toISODate()!;
  const reminderDay = wanted < today ? today : wanted;
  const qs = new URLSearchParams({ ...(dates?.confirmedAt ? { confirmedAt: dates.confirmedAt } : {}), ...(dates?.extendedAt ? { extendedAt: dates.extendedAt } : {}) });
  return { expiry: { ...expiry, basis: expiry.basis, start: expiry.start }, reminderDay, query: qs.toString() };
}

/** The JSON answer: computed date, status now and the reminder. Stateless: nothing is stored. */
export function expiryAnswer(query: unknown, now: number): ExpiryAnswer {
  const { expiry, reminderDay, query: qs } = computeExpiry(query, now);
  const verdict = judgeProfile(expiry, now);
  return {
    basis: expiry.basis,
    start: expiry.start,
    lastValidDay: expiry.lastValidDay,
    validThrough: expiry.validThrough,
    expiresAt: DateTime.fromMillis(expiry.expiresAt, { zone: ZONE }).toISO()!,
    status: verdict.status,
    daysLeft: verdict.daysLeft,
    text: profileText(verdict),
    reminder: { date: reminderDay, ics: `/api/v1/profile-expiry.ics?${qs}` },
    rule: RULE,
  };
}
