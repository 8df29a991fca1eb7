import { DateTime } from 'luxon';
import { timeFormat, ZONE } from '../i18n/format.ts';
import { translator } from '../i18n/index.ts';

/** Dates in triage text written the local way, always with the year ("28 listopada 2026", "30 listopada 2026, 4:00"). */
export interface HumanDates {
  /** A Warsaw calendar day `YYYY-MM-DD`. */
  day(isoDay: string): string;
  /** An instant, epoch ms. */
  at(ms: number): string;
}

/** Always with the year: an answer or a ticket is read later, maybe in another year. */
export function humanDates(lang: 'pl' | 'en'): HumanDates {
  const t = translator(lang);
  const fmt = timeFormat(t, 0);
  const time = (ms: number): string => DateTime.fromMillis(ms, { zone: ZONE }).toFormat(t('fmt.time'));
  return {
    day: (d) => fmt.fullDay(DateTime.fromISO(d, { zone: ZONE }).set({ hour: 12 }).toMillis()),
    at: (ms) => t('time.at', { day: fmt.fullDay(ms), time: time(ms) }),
  };
}
