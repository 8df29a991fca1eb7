/**
 * Parses a Polish maintenance/outage notice into its kind, time windows and components.
 *
 * Conventions (deterministic, so the same notice always gives the same windows):
 * - Output instants use luxon `toISO()`: `2026-01-27T22:00:00.000+01:00`.
 * - A date without a year is the earliest occurrence no more than 7 days before publication
 *   (dates.ts PAST_GRACE_DAYS); weekdays are the next such day on/after publication.
 * - Spring-forward gap times move forward (02:30 -> 03:30+02:00); autumn repeated times take
 *   the earlier instant (+02:00) unless written "czasu zimowego" (times.ts).
 * - Day parts: morning 06-12 ("od godzin porannych" = from 06:00), afternoon 12-18, evening
 *   18-22, night 22-06; a night named without hours is 22:00-06:00 (lexicon.ts, place.ts).
 * - A day without hours is the whole day; "od <day>" or "do odwołania" leaves the end open.
 * - Only maintenance and outage notices carry windows; text without a date or hour has none.
 */
import { DateTime } from 'luxon';
import { AppError } from '../../domain/errors.ts';
import { classify, type NoticeKind } from './classify.ts';
import { findComponents, mergeKeywords, type KeywordTable } from './components.ts';
import { buildGroups } from './groups.ts';
import { normalizeText } from './normalize.ts';
import { recognize } from './recognize.ts';
import { tokenize } from './tokens.ts';
import { resolveOverlaps } from './resolve.ts';
import { resolveWindows } from './windows.ts';

export type { NoticeKind } from './classify.ts';
export { BANK_KEYWORDS, COMPONENT_KEYWORDS } from './lexicon.ts';
export { normalizeText } from './normalize.ts';

/** One announced window; ISO-8601 with the zone's offset, `end` null when open-ended. */
export interface NoticeWindow {
  start: string;
  end: string | null;
}

/** What a notice says: its kind, its windows (only for maintenance/outage) and its components. */
export interface ParsedNotice {
  kind: NoticeKind;
  windows: NoticeWindow[];
  components: string[];
}

/**
 * Parses one notice. Dates without a year, weekdays and "dziś"/"jutro" are resolved against
 * `publishedAt` in `timezone`. `extraKeywords` (componentId -> keywords) extends the built-in
 * keyword tables, e.g. with a bank added in config. Throws AppError VALIDATION_FAILED when
 * `publishedAt` or `timezone` is invalid.
 */
export function parseNotice(
  text: string,
  publishedAt: string | Date,
  timezone = 'Europe/Warsaw',
  extraKeywords?: KeywordTable,
): ParsedNotice {
  const published = toZoned(publishedAt, timezone);
  const normalized = normalizeText(text);
  const { kind } = classify(normalized);
  const components = findComponents(normalized, mergeKeywords(extraKeywords), { trouble: kind === 'maintenance' || kind === 'outage' });
  if (kind !== 'maintenance' && kind !== 'outage') return { kind, windows: [], components };
  const tokens = tokenize(normalized);
  const placed = resolveOverlaps(resolveWindows(buildGroups(recognize(tokens)), published, timezone, tokens, normalized));
  const windows = placed.map((w) => ({ start: iso(w.start), end: w.end ? iso(w.end) : null }));
  return { kind, windows, components };
}

function toZoned(publishedAt: string | Date, zone: string): DateTime {
  const dt = typeof publishedAt === 'string' ? DateTime.fromISO(publishedAt, { zone }) : DateTime.fromJSDate(publishedAt, { zone });
  if (!dt.isValid) throw new AppError('VALIDATION_FAILED', `Invalid publishedAt or timezone: ${dt.invalidReason ?? 'unknown'}`);
  return dt;
}

// One output format everywhere: 2026-01-27T22:00:00.000+01:00.
function iso(dt: DateTime): string {
  const text = dt.toISO();
  if (text === null) throw new AppError('INTERNAL', 'Window instant is invalid');
  return text;
}
