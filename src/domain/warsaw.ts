import { DateTime } from 'luxon';

/*
 * Instants as Poland tells them: every face, the history's day buckets and triage's dates use
 * these, so one day boundary and one ISO form hold everywhere.
 */

const WARSAW = 'Europe/Warsaw';

/** ISO-8601 with the Europe/Warsaw offset. */
export function warsawIso(ms: number): string {
  return DateTime.fromMillis(ms, { zone: WARSAW }).toISO() ?? new Date(ms).toISOString();
}

/** The Warsaw calendar day of an instant, as YYYY-MM-DD. */
export function warsawDay(ms: number): string {
  return DateTime.fromMillis(ms, { zone: WARSAW }).toISODate() ?? '';
}
