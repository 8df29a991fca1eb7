/** Calendar-date arithmetic and the rules that turn partial Polish dates into full ones. */

/** A wall-calendar date with no zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * How a day was written. `month: null` means the month comes from a neighbour
 * ("z 26 na 27 kwietnia"); `year: null` means it is inferred.
 */
export type DaySpec =
  | { kind: 'date'; day: number; month: number | null; year: number | null }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'relative'; offset: number }
  | { kind: 'nextDay' };

/**
 * How many days a date without a year may lie before its reference and still keep the
 * reference's year: a notice published on 29 January about "27 stycznia" means this year,
 * one published on 20 December about "2 stycznia" means next year.
 */
export const PAST_GRACE_DAYS = 7;

/** Builds a LocalDate, or null when the day does not exist (31 kwietnia). */
export function makeDate(year: number, month: number, day: number): LocalDate | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

/** Adds whole calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  // Plain UTC arithmetic: calendar days have no zone, so no DST and no luxon needed.
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO weekday, 1 = Monday. */
export function weekdayOf(date: LocalDate): number {
  const js = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** The first date on or after `ref` that falls on `weekday`. */
export function nextWeekday(ref: LocalDate, weekday: number): LocalDate {
  return addDays(ref, (weekday - weekdayOf(ref) + 7) % 7);
}

/**
 * Resolves a day and month without a year: the earliest of last, this and next year's
 * occurrence that is no more than `graceDays` before `ref`.
 */
export function inferYear(month: number, day: number, ref: LocalDate, graceDays: number): LocalDate | null {
  const earliest = addDays(ref, -graceDays);
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const candidate = makeDate(year, month, day);
    if (candidate && compareDates(candidate, earliest) >= 0) return candidate;
  }
  return null;
}

/** What a DaySpec is resolved against. */
export interface DayContext {
  /** Publication date in the notice's zone: the base of "dziś" and "jutro". */
  publication: LocalDate;
  /** Publication date for a window's start; the start date for its end. */
  ref: LocalDate;
  /** PAST_GRACE_DAYS for a start, 0 for an end (an end never precedes its start). */
  graceDays: number;
  /** The date "następnego dnia" counts from. */
  previous: LocalDate | null;
}

/** Turns a DaySpec into a date, or null when it names no real day. */
export function resolveDay(spec: DaySpec, ctx: DayContext): LocalDate | null {
  switch (spec.kind) {
    case 'date':
      if (spec.month === null) return null;
      return spec.year === null
        ? inferYear(spec.month, spec.day, ctx.ref, ctx.graceDays)
        : makeDate(spec.year, spec.month, spec.day);
    case 'weekday':
      return nextWeekday(ctx.ref, spec.weekday);
    case 'relative':
      return addDays(ctx.publication, spec.offset);
    case 'nextDay':
      return addDays(ctx.previous ?? ctx.publication, 1);
  }
}
