import { DateTime } from 'luxon';

/** Languages texts written outside the page (incidents, notifications) come in. */
export type TextLang = 'pl' | 'en';

// Same patterns as the page's dictionaries (fmt.dayYear, fmt.time): one look for a date wherever it is read.
const PATTERN: Record<TextLang, string> = { pl: 'd MMMM yyyy, H:mm', en: 'd MMMM yyyy, HH:mm' };

/**
 * An instant as prose writes it, Polish time, always with the year: `7 grudnia 2026, 14:05`
 * (never `7.12.2026`). Incidents and notifications are read later, maybe in another year.
 */
export function writtenDateTime(ms: number, lang: TextLang = 'pl'): string {
  return DateTime.fromMillis(ms, { zone: 'Europe/Warsaw' }).setLocale(lang).toFormat(PATTERN[lang]);
}
