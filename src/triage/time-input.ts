import { DateTime } from 'luxon';
import { ZONE } from './profile-expiry.ts';

/** `YYYY-MM-DD`. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO date-time; seconds, fraction and offset optional (no offset means Warsaw local time, as a form's datetime-local sends). */
export const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Epoch ms of an ISO date-time, or null when it is malformed or not a real calendar time. */
export function parseInstant(text: string): number | null {
  if (!DATETIME_RE.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone: ZONE });
  return dt.isValid ? dt.toMillis() : null;
}

/** The Warsaw calendar day of a date or date-time, or null when it is malformed or not a real date. */
export function parseDay(text: string): string | null {
  if (DATE_RE.test(text)) {
    const dt = DateTime.fromISO(text, { zone: ZONE });
    return dt.isValid ? dt.toISODate() : null;
  }
  const ms = parseInstant(text);
  return ms === null ? null : DateTime.fromMillis(ms, { zone: ZONE }).toISODate();
}

/** ISO-8601 with the Warsaw offset, second precision. */
export function warsawIsoSeconds(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

/** "2026-05-01 10:30" in Warsaw time, for people. */
export function warsawHuman(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
}
