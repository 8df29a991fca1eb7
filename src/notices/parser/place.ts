/** Places hour spans on calendar days, producing instant windows. */
import type { DateTime } from 'luxon';
import { addDays, compareDates, type LocalDate } from './dates.ts';
import type { Span } from './spans.ts';
import type { TimeOfDay, ZoneClock } from './times.ts';

/** A window as instants; `end` null = open-ended. */
export interface InstantWindow {
  start: DateTime;
  end: DateTime | null;
}

/** What placing needs besides the span: the zone and the publication instant. */
export interface PlaceEnv {
  published: DateTime;
  publication: LocalDate;
  clock: ZoneClock;
}

/** 00:00, the start of a day. */
export const MIDNIGHT: TimeOfDay = { hour: 0, minute: 0 };
/** 24:00, the end of a day. */
export const END_OF_DAY: TimeOfDay = { hour: 24, minute: 0 };
/** Documented convention for a night named without hours ("w nocy z 26 na 27 kwietnia"): 22:00-06:00. */
export const NIGHT_START: TimeOfDay = { hour: 22, minute: 0 };
/** See NIGHT_START. */
export const NIGHT_END: TimeOfDay = { hour: 6, minute: 0 };
/** Upper bound on days expanded from one range, so a typo ("1-31 grudnia") stays cheap. */
export const MAX_RANGE_DAYS = 62;

/**
 * A span on one day. An end at or before the start means the next day. A span with only an
 * end ("dziś do godz. 14:00") starts at publication when published that day before the end,
 * else at the day's midnight.
 */
export function placeOnDay(day: LocalDate, span: Span, env: PlaceEnv): InstantWindow {
  if (span.start === null) {
    const end = span.end ? env.clock.instant(day, span.end) : null;
    const publishedThatDay = compareDates(env.publication, day) === 0 && end !== null && env.published < end;
    return { start: publishedThatDay ? env.published : env.clock.instant(day, MIDNIGHT), end };
  }
  const start = env.clock.instant(day, span.start);
  return { start, end: span.end ? endAfter(start, day, span.end, env.clock) : null };
}

/** A span on a night: hours from noon on fall on the first day, earlier hours on the second. */
export function placeOnNight(from: LocalDate, to: LocalDate, span: Span, env: PlaceEnv): InstantWindow {
  const start = span.start ?? NIGHT_START;
  return placeOnDay(start.hour >= 12 ? from : to, { start, end: span.end }, env);
}

/** From one day and time to another; `toTime` null = open-ended. */
export function bounded(fromDay: LocalDate, fromTime: TimeOfDay, toDay: LocalDate, toTime: TimeOfDay | null, clock: ZoneClock): InstantWindow {
  const start = clock.instant(fromDay, fromTime);
  return { start, end: toTime === null ? null : endAfter(start, toDay, toTime, clock) };
}

/**
 * The wall time on `day`, moved a day later while it would not come after `start` ("22:00-6:00";
 * a start of 24:00 needs two days). May still precede `start` when the text names an earlier day.
 */
export function endAfter(start: DateTime, day: LocalDate, time: TimeOfDay, clock: ZoneClock): DateTime {
  let end = clock.instant(day, time);
  for (let extra = 1; extra <= 2 && end <= start; extra += 1) end = clock.instant(addDays(day, extra), time);
  return end;
}

/** Every day from `from` to `to` inclusive (at most MAX_RANGE_DAYS). */
export function daysBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = from; compareDates(d, to) <= 0 && days.length < MAX_RANGE_DAYS; d = addDays(d, 1)) days.push(d);
  return days;
}

/** True when a span has both ends, i.e. it describes daily hours ("w godz. 8-16"). */
export function isComplete(span: Span | undefined): boolean {
  return span !== undefined && span.start !== null && span.end !== undefined && span.end !== null;
}
