import { DateTime } from 'luxon';
import { timeFormat } from '../web/i18n/format.ts';
import { translator } from '../web/i18n/index.ts';

/** Dates in triage text written the local way ("28 listopada 2026", "30 listopada, 4:00"), the year shown unless it is `now`'s. */
export interface HumanDates {
  /** A Warsaw calendar day `YYYY-MM-DD`. */
  day(isoDay: string): string;
  /** An instant, epoch ms. */
  at(ms: number): string;
}

/** Always with the year: a ticket or an answer is read later, maybe next year. */
export function humanDates(lang: 'pl' | 'en'): HumanDates {
  // A "now" far in the past makes every date carry its year.
  const fmt = timeFormat(translator(lang), DateTime.fromISO('1970-06-01T00:00:00Z').toMillis());
  return { day: (d) => fmt.calendarDay(d), at: (ms) => fmt.at(ms) };
}
