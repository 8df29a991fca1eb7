/** Recognizers for times of day: "22:00", "22.00", "3 w nocy", "6 rano", "w godz. 22-6". */
import { isPunct, numAt, wordAt } from './cursor.ts';
import { MONTHS } from './lexicon.ts';
import { isDayMonth, type Match } from './dayspec.ts';
import type { Item } from './items.ts';
import { isValidTime, type TimeOfDay } from './times.ts';
import type { Token } from './tokens.ts';

/** What the time recognizer needs to know about the surroundings. */
export interface TimeContext {
  /** A time introducer ("godz.", "w godzinach") governs the current numbers. */
  inTimeContext: boolean;
  /** Items recognized so far. */
  items: readonly Item[];
}

/**
 * True when the `a.b` / `a:b` token at i is a time rather than a day.month date. A colon,
 * minutes of 00 or 13-59, a time introducer, or a time on the other side of a range settle it;
 * otherwise "09.06" is a date.
 */
export function hmIsTime(tokens: readonly Token[], i: number, inTimeContext: boolean): boolean {
  const tok = tokens[i];
  if (tok?.kind !== 'hm' || !isValidTime(tok.a, tok.b)) return false;
  if (tok.sep === ':' || !isDayMonth(tok.a, tok.b) || inTimeContext) return true;
  // "od 23:30 do 17.05 do 3:30": a time cannot end one range and start another, so it is a day.
  if (wordAt(tokens, i - 1) === 'do' && wordAt(tokens, i + 1) === 'do') return false;
  return isPlainTime(tokens, i + 2) && isRangeMark(tokens, i + 1) || isPlainTime(tokens, i - 2) && isRangeMark(tokens, i - 1);
}

function isPlainTime(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  return tok?.kind === 'hm' && isValidTime(tok.a, tok.b) && (tok.sep === ':' || !isDayMonth(tok.a, tok.b));
}

function isRangeMark(tokens: readonly Token[], i: number): boolean {
  return isPunct(tokens, i, '-') || wordAt(tokens, i) === 'do';
}

/** Reads a time at i, with its trailing modifiers ("rano", "w nocy", "czasu zimowego"). */
export function parseTime(tokens: readonly Token[], i: number, ctx: TimeContext): Match<TimeOfDay> | null {
  const tok = tokens[i];
  let hour: number;
  let minute = 0;
  if (tok?.kind === 'hm') {
    if (!hmIsTime(tokens, i, ctx.inTimeContext)) return null;
    [hour, minute] = [tok.a, tok.b];
  } else {
    const n = numAt(tokens, i);
    if (n === null || n > 24) return null;
    // "ok. 2 godzin", "3 godziny": a duration, not a time of day.
    if (DURATION_UNITS.has(wordAt(tokens, i + 1) ?? '')) return null;
    // "od 6 do 8" (no month after): bare hours on both ends of a range.
    const bareRange = wordAt(tokens, i - 1) === 'od' && wordAt(tokens, i + 1) === 'do' && isBareHour(tokens, i + 2);
    const bareIsTime = ctx.inTimeContext || bareRange || modifierAt(tokens, i + 1) !== null || isRangePartner(tokens, i, ctx.items) || closesBareRange(tokens, i, ctx.items);
    if (!bareIsTime) return null;
    hour = n;
  }
  let next = i + 1;
  let season: TimeOfDay['season'];
  for (let guard = 0; guard < 2; guard += 1) {
    const mod = modifierAt(tokens, next);
    if (mod === null) break;
    next = mod.next;
    if (mod.kind === 'evening' && hour < 12) hour += 12;
    if (mod.kind === 'night' && hour === 12) hour = 0;
    if (mod.kind === 'night' && hour >= 9 && hour < 12) hour += 12;
    if (mod.kind === 'summer') season = 'summer';
    if (mod.kind === 'winter') season = 'winter';
  }
  if (!isValidTime(hour, minute)) return null;
  return { value: season ? { hour, minute, season } : { hour, minute }, next };
}

/** Words after a number that make it a duration ("2 godziny", "30 minut"). */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['godzin', 'godziny', 'godzine', 'minut', 'minuty', 'min', 'dni', 'dnia']);

// A bare number 0-24 not followed by a month or a duration unit.
function isBareHour(tokens: readonly Token[], i: number): boolean {
  const n = numAt(tokens, i);
  if (n === null || n > 24) return false;
  const next = wordAt(tokens, i + 1) ?? '';
  return !DURATION_UNITS.has(next) && !(next in MONTHS);
}

// The "8" of "od 6 do 8" once "6" was read as an hour.
function closesBareRange(tokens: readonly Token[], i: number, items: readonly Item[]): boolean {
  const last = items[items.length - 1];
  const beforeLast = items[items.length - 2];
  return last?.t === 'to' && last.end === i && beforeLast?.t === 'time' && wordAt(tokens, i - 1) === 'do' && isBareHour(tokens, i);
}

type Modifier = { kind: 'morning' | 'evening' | 'night' | 'summer' | 'winter'; next: number };

// Words after an hour that fix its meaning: "6 rano", "3 w nocy", "8 wieczorem", "2:30 czasu zimowego".
function modifierAt(tokens: readonly Token[], i: number): Modifier | null {
  const w = wordAt(tokens, i);
  if (w === 'rano') return { kind: 'morning', next: i + 1 };
  if (w === 'wieczorem') return { kind: 'evening', next: i + 1 };
  if (w === 'po' && wordAt(tokens, i + 1) === 'poludniu') return { kind: 'evening', next: i + 2 };
  if (w === 'w' && wordAt(tokens, i + 1) === 'nocy') {
    const after = tokens[i + 2];
    const startsNight = wordAt(tokens, i + 2) === 'z' || wordAt(tokens, i + 2) === 'ze' || after?.kind === 'num';
    return startsNight ? null : { kind: 'night', next: i + 2 };
  }
  // "2:40 czasu zimowego", "1:00 (czasu zimowego)".
  const paren = isPunct(tokens, i, '(');
  const at = paren ? i + 1 : i;
  if (wordAt(tokens, at) === 'czasu') {
    const season = wordAt(tokens, at + 1) ?? '';
    const end = paren && isPunct(tokens, at + 2, ')') ? at + 3 : at + 2;
    if (season.startsWith('letn')) return { kind: 'summer', next: end };
    if (season.startsWith('zimow')) return { kind: 'winter', next: end };
  }
  return null;
}

// A bare number on the far side of a range from a time: "22:00-6", "od 22 do 6:00".
function isRangePartner(tokens: readonly Token[], i: number, items: readonly Item[]): boolean {
  const last = items[items.length - 1];
  const beforeLast = items[items.length - 2];
  if (last?.t === 'to' && last.end === i && beforeLast?.t === 'time') return true;
  return isRangeMark(tokens, i + 1) && (isPlainTime(tokens, i + 2) || (numAt(tokens, i + 2) !== null && modifierAt(tokens, i + 3) !== null));
}
