import { DateTime } from 'luxon';
import { UPTIME_CLASSES, type UptimeClass } from '../../domain/types.ts';

/** Seconds per uptime class in one daily bucket. */
export type DaySeconds = Record<UptimeClass, number>;

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
  return Object.fromEntries(UPTIME_CLASSES.map((s) => [s, 0])) as DaySeconds;
}
