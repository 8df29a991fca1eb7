import { DateTime } from 'luxon';
import { ZONE } from './profile-expiry.ts';

/** `YYYY-MM-DD`. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO date-time; seconds, fraction and offset optional (no offset means Warsaw local time, as a form's datetime-local sends). */
export const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Why a date or date-time was refused: its shape, a day the calendar does not have (2024-02-30), or an hour that does not exist (25:00). */
export type DateProblem = 'format' | 'noSuchDay' | 'noSuchTime';

/** A parsed value, or what is wrong with the text. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: DateProblem };

// The shape is right: only the calendar (day within its month) or the clock (hour, minute, second) can be wrong.
function calendarProblem(text: string): DateProblem {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = DateTime.fromObject({ year: y, month: m, day: 1 }, { zone: ZONE });
  if (!day.isValid || d < 1 || d > day.daysInMonth!) return 'noSuchDay';
  return 'noSuchTime';
}

/** Epoch ms of an ISO date-time, or why it is not one (malformed, or not a real calendar day or time). */
export function readInstant(text: string): Parsed<number> {
  if (!DATETIME_RE.test(text)) return { ok: false, problem: 'format' };
  const dt = DateTime.fromISO(text, { zone: ZONE });
  return dt.isValid ? { ok: true, value: dt.toMillis() } : { ok: false, problem: calendarProblem(text) };
}

/** The Warsaw calendar day of a date or date-time, or why it is not one. */
export function readDay(text: string): Parsed<string> {
  if (DATE_RE.test(text)) {
    const dt = DateTime.fromISO(text, { zone: ZONE });
    return dt.isValid ? { ok: true, value: dt.toISODate()! } : { ok: false, problem: calendarProblem(text) };
  }
  const at = readInstant(text);
  return at.ok ? { ok: true, value: DateTime.fromMillis(at.value, { zone: ZONE }).toISODate()! } : at;
}

/** ISO-8601 with the Warsaw offset, second precision. */
export function warsawIsoSeconds(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}
