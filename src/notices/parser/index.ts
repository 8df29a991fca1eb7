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
 * - A vaguer window containing a precise one is context, not a second window; overlapping
 *   windows merge (resolve.ts). Components come from spans, longest first (components.ts).
 */
import { DateTime } from 'luxon';
import { AppError } from '../../domain/errors.ts';
import { classify, type NoticeKind } from './classify.ts';
import { attribute, mergeKeywords, type KeywordTable } from './components.ts';
import { buildGroups } from './groups.ts';
import { normalizeText } from './normalize.ts';
import { recognize } from './recognize.ts';
import { tokenize } from './tokens.ts';
import { applyDuration, statedDuration } from './duration.ts';
import { resolveOverlaps, type SourcedWindow } from './resolve.ts';
import { resolveWindows } from './windows.ts';

export type { NoticeKind } from './classify.ts';
export { BANK_KEYWORDS, COMPONENT_KEYWORDS } from './lexicon.ts';
export { normalizeText } from './normalize.ts';

/** One announced window; ISO-8601 with the zone's offset, `end` null when open-ended. */
export interface NoticeWindow {
  start: string;
  end: string | null;
}

/** Why the parser decided what it did: the phrases (normalized text) behind each part. */
export interface NoticeEvidence {
  /** Phrases that decided the kind, strongest first. */
  kind: string[];
  /** For each window (same order as `windows`): the phrase it was read from. */
  windows: { start: string; end: string | null; phrase: string; precise: boolean }[];
  /** The mention behind each component. */
  components: { id: string; phrase: string }[];
}

/** What a notice says: its kind, its windows (only for maintenance/outage) and its components. */
export interface ParsedNotice {
  kind: NoticeKind;
  windows: NoticeWindow[];
  components: string[];
  /** How sure the parser is, 0..1 (see noticeConfidence). */
  confidence: number;
  evidence: NoticeEvidence;
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
  const classification = classify(normalized);
  const { kind } = classification;
  const mentions = attribute(normalized, mergeKeywords(extraKeywords), { trouble: kind === 'maintenance' || kind === 'outage' });
  const components = [...new Set(mentions.map((m) => m.id))].sort();
  const placed = kind === 'maintenance' || kind === 'outage' ? placeWindows(normalized, published, timezone) : [];
  const windows = placed.map((w) => ({ start: iso(w.start), end: w.end ? iso(w.end) : null }));
  const evidence: NoticeEvidence = {
    kind: classification.phrases,
    windows: placed.map((w, k) => ({ ...(windows[k] ?? { start: '', end: null }), phrase: w.phrase, precise: w.precise })),
    components: mentions.map((m) => ({ id: m.id, phrase: m.phrase })),
  };
  return { kind, windows, components, confidence: noticeConfidence(classification.confidence, kind, placed, components), evidence };
}

function placeWindows(normalized: string, published: DateTime, timezone: string): SourcedWindow[] {
  const tokens = tokenize(normalized);
  const placed = resolveWindows(buildGroups(recognize(tokens)), published, timezone, tokens, normalized);
  return resolveOverlaps(applyDuration(placed, statedDuration(normalized)));
}

/**
 * Confidence = how sure the kind is, lowered when the rest is thin: planned work with no time
 * (x0.5), a window resting on a convention rather than written hours, such as a whole day or a
 * night taken as 22:00-06:00 (x0.85 each, at most twice), a notice naming no component (x0.8).
 */
export function noticeConfidence(kindConfidence: number, kind: NoticeKind, windows: readonly SourcedWindow[], components: readonly string[]): number {
  let c = kindConfidence;
  if (kind === 'maintenance' && windows.length === 0) c *= 0.5;
  const vague = windows.filter((w) => !w.precise).length;
  c *= 0.85 ** Math.min(vague, 2);
  if (components.length === 0) c *= 0.8;
  return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
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
