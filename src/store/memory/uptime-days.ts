import { DateTime } from 'luxon';
import { COMPONENT_STATUSES, type ComponentStatus } from '../../domain/types.ts';

/** Seconds per status in one daily bucket. */
export type DaySeconds = Record<ComponentStatus, number>;

/** Whether `day` is a real YYYY-MM-DD date (a malformed day would sort after every real one). */
export function isUptimeDay(day: string): boolean {
  return DateTime.fromFormat(day, 'yyyy-MM-dd', { zone: 'utc' }).isValid;
}

/** Oldest day kept when `newest` is the newest day written; older days are dropped. */
export function retentionCutoff(newest: string, retainDays: number): string {
  return DateTime.fromISO(newest, { zone: 'utc' }).minus({ days: retainDays }).toISODate() ?? newest;
}

/** A bucket with zero seconds in every status. */
export function emptySeconds(): DaySeconds {
  return Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as DaySeconds;
}
