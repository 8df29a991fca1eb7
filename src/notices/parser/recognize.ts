/** Walks the tokens once and lists the temporal items of a notice in text order. */
import { isPunct, isTemporalStart, monthAt, skipApprox, wordAt } from './cursor.ts';
import { parseDayCompound, parseDaySpec, parseNight } from './dayspec.ts';
import type { Item, ItemBody } from './items.ts';
import { ABBREVIATIONS, ASIDE_PREFIXES, AVAILABLE_PREFIXES, DAY_PARTS, END_VERBS, RESTART_WORDS, TIME_INTRODUCERS, WINDOW_LEADS } from './lexicon.ts';
import { refineItems } from './refine.ts';
import { DURATION_UNITS, hmIsTime, parseTime } from './timespec.ts';
import type { Token } from './tokens.ts';

// Words that do not end the reach of "godz." over the numbers that follow.
const KEEPS_TIME_CONTEXT = new Set(['od', 'do', 'ok', 'okolo', 'i', 'oraz', 'h', 'a']);
const STANDALONE_PARTS = new Set(['rana', 'rano', 'wieczorem']);
const LEAD_OBJECTS = new Set(['nocy', 'noc', 'dniu', 'dniach']);

interface Step {
  body?: ItemBody;
  next: number;
  /** New value of the time context; unchanged when undefined. */
  timeContext?: boolean;
}

/** Lists the temporal items of a tokenized notice (dates, nights, times, connectors, boundaries). */
export function recognize(tokens: readonly Token[]): Item[] {
  const items: Item[] = [];
  let inTimeContext = false;
  let i = 0;
  while (i < tokens.length) {
    const step: Step = temporalStep(tokens, i, inTimeContext, items) ?? wordStep(tokens, i, items);
    if (step.body) items.push({ ...step.body, at: i, end: step.next });
    if (step.timeContext !== undefined) inTimeContext = step.timeContext;
    i = Math.max(step.next, i + 1);
  }
  return refineItems(items, tokens);
}

function temporalStep(tokens: readonly Token[], i: number, inTimeContext: boolean, items: readonly Item[]): Step | null {
  const tok = tokens[i];
  // "Aktualizacja (godz. 10:15):", "Stan na 12:00": when the notice was written, not a window.
  if ((tok?.kind === 'hm' || tok?.kind === 'dmy' || tok?.kind === 'num') && isStamp(tokens, i)) return { next: i + 1, timeContext: false };
  const numeric = tok?.kind === 'num' || tok?.kind === 'hm';
  // Under "godz." a number is an hour unless a month name follows it.
  if (inTimeContext && numeric && monthAt(tokens, i + 1) === null) {
    const time = parseTime(tokens, i, { inTimeContext, items });
    if (time) return { body: { t: 'time', time: time.value }, next: time.next };
  }
  const night = parseNight(tokens, i) ?? parseDayCompound(tokens, i);
  if (night) return { body: night.value, next: night.next, timeContext: false };
  if (!(tok?.kind === 'hm' && hmIsTime(tokens, i, inTimeContext))) {
    const day = parseDaySpec(tokens, i, { allowBare: false, allowDayMonth: true });
    // "awaria z 20 stycznia", "komunikat z dnia 15 stycznia": a reference to the past, not a window.
    const reference = wordAt(tokens, i - 1) === 'z'; // not "ze": "że" folds to it
    if (day) return { body: reference ? undefined : { t: 'day', spec: day.value }, next: day.next, timeContext: false };
  }
  const w = wordAt(tokens, i);
  const w2 = wordAt(tokens, i + 1);
  if (((w === 'nastepnego' || w === 'kolejnego') && w2 === 'dnia') || (w === 'dnia' && (w2 === 'nastepnego' || w2 === 'kolejnego'))) {
    return { body: { t: 'day', spec: { kind: 'nextDay' } }, next: i + 2, timeContext: false };
  }
  const time = parseTime(tokens, i, { inTimeContext, items });
  if (time) return { body: { t: 'time', time: time.value }, next: time.next };
  return null;
}

function wordStep(tokens: readonly Token[], i: number, items: readonly Item[]): Step {
  const tok = tokens[i];
  const next = i + 1;
  if (tok?.kind === 'punct') return punctStep(tokens, i);
  const w = wordAt(tokens, i);
  if (w === null) return { next };
  if (w === 'od') return isTemporalStart(tokens, next) ? { body: { t: 'from' }, next } : { next };
  if (w === 'do') {
    if (wordAt(tokens, next) === 'odwolania') return { body: { t: 'openEnd' }, next: next + 1, timeContext: false };
    if (!isTemporalStart(tokens, next)) return { next, timeContext: false };
    // "dostępne do 16:00": the service stops at 16:00, so the window starts there.
    return { body: { t: availableBefore(tokens, i) ? 'from' : 'to' }, next };
  }
  // "…, a skończy w niedzielę o 4:00", "ponowne uruchomienie nastąpi 4 stycznia o 8:00": an end.
  if ((END_VERBS.has(w) || RESTART_WORDS.has(w)) && temporalWithin(tokens, next, 3)) return { body: { t: 'to' }, next };
  if (TIME_INTRODUCERS.has(w)) {
    const k = isPunct(tokens, next, '.') ? next + 1 : next;
    const part = DAY_PARTS[wordAt(tokens, k) ?? ''];
    if (part) return { body: { t: 'dayPart', part }, next: k + 1, timeContext: false };
    return { next, timeContext: true };
  }
  if (STANDALONE_PARTS.has(w)) return { body: { t: 'dayPart', part: DAY_PARTS[w] ?? { startHour: 6, endHour: 12 } }, next };
  if (w === 'po' && wordAt(tokens, next) === 'poludniu') {
    return { body: { t: 'dayPart', part: { startHour: 12, endHour: 18 } }, next: next + 1 };
  }
  if (w === 'polnocy' || w === 'polnoc') {
    const hour = items[items.length - 1]?.t === 'to' ? 24 : 0;
    return { body: { t: 'time', time: { hour, minute: 0 } }, next };
  }
  if (w === 'poludnia' || w === 'poludnie') return { body: { t: 'time', time: { hour: 12, minute: 0 } }, next };
  if ((w === 'oraz' || w === 'i') && startsWindow(tokens, next)) return { body: { t: 'sep' }, next };
  // "między godz. 20:00 a 22:00"
  const lastItem = items[items.length - 1];
  const afterTimeOrDay = lastItem?.t === 'time' || (lastItem?.t === 'day' && items[items.length - 2]?.t === 'time');
  if (w === 'a' && afterTimeOrDay && isTemporalStart(tokens, next) && afterMiedzy(tokens, i)) {
    return { body: { t: 'to' }, next };
  }
  if (ASIDE_PREFIXES.some((prefix) => w.startsWith(prefix))) return { body: { t: 'aside' }, next, timeContext: false };
  if (w === 'a' && ['takze', 'nastepnie', 'potem', 'ponadto'].includes(wordAt(tokens, next) ?? '')) {
    return { body: { t: 'sep' }, next: next + 1 };
  }
  return KEEPS_TIME_CONTEXT.has(w) || TIME_INTRODUCERS.has(w) ? { next } : { next, timeContext: false };
}

function punctStep(tokens: readonly Token[], i: number): Step {
  const next = i + 1;
  const mark = tokens[i]?.text;
  if (mark === '-') return isTemporalStart(tokens, next) ? { body: { t: 'to' }, next } : { next };
  if (mark === ';') return { body: { t: 'sep' }, next, timeContext: false };
  if (mark === ',') {
    if (wordAt(tokens, next) === 'a' && END_VERBS.has(wordAt(tokens, next + 1) ?? '')) return { next: next + 1 };
    if (wordAt(tokens, next) === 'a') return { body: { t: 'sep' }, next: next + 1 };
    return { body: { t: 'comma' }, next };
  }
  if (mark === '.') {
    const before = wordAt(tokens, i - 1);
    if (before !== null && ABBREVIATIONS.has(before)) return { next };
    return { body: { t: 'sep' }, next, timeContext: false };
  }
  return { next };
}

// "oraz"/"i" start a new window only when a date or time follows: "… oraz w nocy z 27 na 28 …".
function startsWindow(tokens: readonly Token[], i: number): boolean {
  if (isTemporalStart(tokens, i)) return true;
  const lead = wordAt(tokens, i);
  if (lead === null || !WINDOW_LEADS.has(lead)) return false;
  return isTemporalStart(tokens, i + 1) || LEAD_OBJECTS.has(wordAt(tokens, i + 1) ?? '');
}

const STAMP_HEADS = new Set(['aktualizacja', 'aktualizacji', 'opublikowano', 'zaktualizowano', 'aktualizowano', 'stan']);
const STAMP_FILLER = new Set(['godz', 'z', 'dnia', 'o', 'na', 'dzien', 'r']);

// The nearest word before i, skipping punctuation and filler, is a stamp head.
function isStamp(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 6); k -= 1) {
    const tok = tokens[k];
    if (tok?.kind === 'punct' || tok?.kind === 'dmy' || tok?.kind === 'hm') continue;
    const w = wordAt(tokens, k);
    if (w === null) return false;
    if (STAMP_FILLER.has(w)) continue;
    return STAMP_HEADS.has(w);
  }
  return false;
}

function afterMiedzy(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5); k -= 1) if (wordAt(tokens, k) === 'miedzy' || wordAt(tokens, k) === 'pomiedzy') return true;
  return false;
}

// A date or time starts within `reach` tokens, skipping filler like "nastąpi", "się", "w dniu".
function temporalWithin(tokens: readonly Token[], i: number, reach: number): boolean {
  for (let k = i; k < i + reach; k += 1) {
    // "potrwa od … do …" is a full range that "od"/"do" already mark.
    if (wordAt(tokens, k) === 'od' || wordAt(tokens, k) === 'do') return false;
    // "potrwa ok. 2 godzin": a duration follows, not an end.
    const n = skipApprox(tokens, k);
    if (tokens[n]?.kind === 'num' && DURATION_UNITS.has(wordAt(tokens, n + 1) ?? '')) return false;
    if (isTemporalStart(tokens, k)) return true;
    if (tokens[k]?.kind !== 'word') return false;
  }
  return false;
}

// "będą w tym dniu dostępne do", "dostępny do": availability that ends, not a negated one.
function availableBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k -= 1) {
    const w = wordAt(tokens, k);
    if (w === null) return false;
    if (w === 'nie') return false;
    if (AVAILABLE_PREFIXES.some((p) => w.startsWith(p))) return !['nie'].includes(wordAt(tokens, k - 1) ?? '') && !hasNieBefore(tokens, k);
  }
  return false;
}

function hasNieBefore(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j -= 1) if (wordAt(tokens, j) === 'nie') return true;
  return false;
}
