import { DateTime } from 'luxon';
import type { Translate } from './index.ts';

/** The time zone every time on the page is written in. */
export const ZONE = 'Europe/Warsaw';

/** Formats instants the local way, in Europe/Warsaw, relative to one "now". */
export interface TimeFormat {
  /** `27 stycznia` (with the year when it is not this year's). */
  day(ms: number): string;
  /** `27 stycznia 2026`: always with the year (statements and tickets are read years later). */
  fullDay(ms: number): string;
  /** The same for a calendar day `YYYY-MM-DD`; fast, for the 90-day history. */
  calendarDay(isoDay: string): string;
  /** `27 stycznia, 22:00`. */
  at(ms: number): string;
  /** `27 stycznia, 22:00–23:00`; across days `27 stycznia, 22:00 – 28 stycznia, 2:00`; open-ended `od 27 stycznia, 22:00 (…)`. */
  range(startMs: number, endMs: number | null): string;
  /** `przed chwilą`, `2 min temu`, `5 godz. temu`, `3 dni temu`. */
  ago(ms: number): string;
  /** A percentage in local notation, never rounded up to 100. */
  percent(ratio: number): string;
}

/** A formatter for one language at one instant. */
export function timeFormat(t: Translate, now: number): TimeFormat {
  const locale = t('locale');
  const zoned = (ms: number): DateTime => DateTime.fromMillis(ms, { zone: ZONE }).setLocale(locale);
  const thisYear = zoned(now).year;
  const day = (ms: number): string => {
    const d = zoned(ms);
    return d.toFormat(d.year === thisYear ? t('fmt.day') : t('fmt.dayYear'));
  };
  const time = (ms: number): string => zoned(ms).toFormat(t('fmt.time'));
  const percentFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  // Luxon is too slow for hundreds of labels per render; Intl formatters are built once.
  const intl = t('fmt.intlLocale');
  const dayOnly = new Intl.DateTimeFormat(intl, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const dayYear = new Intl.DateTimeFormat(intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    day,
    fullDay: (ms) => zoned(ms).toFormat(t('fmt.dayYear')),
    calendarDay(isoDay) {
      const date = new Date(`${isoDay}T12:00:00Z`);
      return (date.getUTCFullYear() === thisYear ? dayOnly : dayYear).format(date);
    },
    at: (ms) => t('time.at', { day: day(ms), time: time(ms) }),
    range(startMs, endMs) {
      if (endMs === null) return t('time.openEnd', { day: day(startMs), from: time(startMs) });
      const start = zoned(startMs);
      const end = zoned(endMs);
      const sameDay = start.hasSame(end, 'day');
      // Polish notices end nights at "24:00": keep that form rather than a second date.
      const endsAtMidnight = end.hour === 0 && end.minute === 0 && start.plus({ days: 1 }).hasSame(end, 'day') && endMs > startMs;
      if (sameDay || endsAtMidnight) {
        return t('time.sameDay', { day: day(startMs), from: time(startMs), to: endsAtMidnight ? '24:00' : time(endMs) });
      }
      return t('time.multiDay', { fromDay: day(startMs), from: time(startMs), toDay: day(endMs), to: time(endMs) });
    },
    ago(ms) {
      const seconds = Math.max(0, (now - ms) / 1000);
      if (seconds < 60) return t('time.justNow');
      const unit = seconds < 3_600 ? 'minutes' : seconds < 86_400 ? 'hours' : 'days';
      return zoned(ms).toRelative({ base: zoned(now), locale, style: 'short', unit }) ?? t('time.justNow');
    },
    percent(ratio) {
      const floored = Math.floor(ratio * 10_000) / 100;
      return t('num.percent', { n: percentFormat.format(floored) });
    },
  };
}
