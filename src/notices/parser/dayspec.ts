/** Recognizers for days: single dates, nights, lists and ranges of days. */
import type { DaySpec } from './dates.ts';
import { isPunct, monthAt, numAt, wordAt } from './cursor.ts';
import type { ItemBody } from './items.ts';
import { RELATIVE_DAYS, RELATIVE_NIGHTS, WEEKDAYS } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** A recognizer's answer: what it found and the index of the first token after it. */
export interface Match<T> {
  value: T;
  next: number;
}

/** Options for parseDaySpec. */
export interface DaySpecOptions {
  /** Accept a bare day number whose month comes from a neighbour ("z 26 na 27 kwietnia"). */
  allowBare: boolean;
  /** Accept "09.06" as 9 June (false when the context says it is a time). */
  allowDayMonth: boolean;
}

/**
 * Reads one day at i: "[dnia] [weekday[,]] (D month [YYYY] [r.] | D.MM.YYYY | D.MM)", a weekday
 * alone, or a relative word. An explicit date wins over the weekday written next to it.
 */
export function parseDaySpec(tokens: readonly Token[], i: number, opts: DaySpecOptions): Match<DaySpec> | null {
  let j = wordAt(tokens, i) === 'dnia' ? i + 1 : i;
  const relative = RELATIVE_DAYS[wordAt(tokens, j) ?? ''];
  if (relative !== undefined) return { value: { kind: 'relative', offset: relative }, next: j + 1 };
  const weekday = WEEKDAYS[wordAt(tokens, j) ?? ''];
  if (weekday !== undefined) {
    j += 1;
    const k = isPunct(tokens, j, ',') ? j + 1 : j;
    const explicit = parseExplicitDate(tokens, wordAt(tokens, k) === 'dnia' ? k + 1 : k, opts);
    return explicit ?? { value: { kind: 'weekday', weekday }, next: j };
  }
  return parseExplicitDate(tokens, j, opts);
}

function parseExplicitDate(tokens: readonly Token[], i: number, opts: DaySpecOptions): Match<DaySpec> | null {
  const tok = tokens[i];
  if (tok?.kind === 'dmy') {
    return { value: { kind: 'date', day: tok.day, month: tok.month, year: tok.year }, next: skipYearSuffix(tokens, i + 1) };
  }
  if (tok?.kind === 'hm' && tok.sep === '.' && opts.allowDayMonth && isDayMonth(tok.a, tok.b)) {
    return { value: { kind: 'date', day: tok.a, month: tok.b, year: null }, next: i + 1 };
  }
  const day = numAt(tokens, i);
  if (day === null || day < 1 || day > 31) return null;
  const month = monthAt(tokens, i + 1);
  if (month === null) {
    return opts.allowBare ? { value: { kind: 'date', day, month: null, year: null }, next: i + 1 } : null;
  }
  const year = numAt(tokens, i + 2);
  if (year !== null && year >= 1900 && year <= 2200) {
    return { value: { kind: 'date', day, month, year }, next: skipYearSuffix(tokens, i + 3) };
  }
  return { value: { kind: 'date', day, month, year: null }, next: i + 2 };
}

/** True when a.b can be read as day.month. */
export function isDayMonth(a: number, b: number): boolean {
  return a >= 1 && a <= 31 && b >= 1 && b <= 12;
}

// "2026 r." / "2026 roku": the mark belongs to the year, not to the sentence.
function skipYearSuffix(tokens: readonly Token[], i: number): number {
  const w = wordAt(tokens, i);
  if (w === 'roku') return i + 1;
  if (w !== 'r') return i;
  return isPunct(tokens, i + 1, '.') ? i + 2 : i + 1;
}

/**
 * Reads a night at i: "[w] noc[y] z X na Y", "z X na Y", "X/Y month", "dzisiejszej nocy",
 * or the DST night ("w nocy ze zmianą czasu z letniego na zimowy").
 */
export function parseNight(tokens: readonly Token[], i: number): Match<ItemBody> | null {
  const relNight = RELATIVE_NIGHTS[wordAt(tokens, i) ?? ''];
  if (relNight !== undefined && isNightWord(wordAt(tokens, i + 1))) {
    const from: DaySpec = { kind: 'relative', offset: relNight };
    return { value: { t: 'night', from, to: { kind: 'relative', offset: relNight + 1 } }, next: i + 2 };
  }
  let j = i;
  let sawNight = false;
  if (wordAt(tokens, j) === 'w' && isNightWord(wordAt(tokens, j + 1))) [j, sawNight] = [j + 2, true];
  else if (isNightWord(wordAt(tokens, j))) [j, sawNight] = [j + 1, true];
  if (sawNight) {
    const dst = parseDstChange(tokens, j);
    if (dst) return dst;
  }
  const hadZ = wordAt(tokens, j) === 'z' || wordAt(tokens, j) === 'ze';
  if (hadZ) j += 1;
  const a = parseDaySpec(tokens, j, { allowBare: true, allowDayMonth: true });
  if (!a) return null;
  const slash = isPunct(tokens, a.next, '/');
  if (!slash && !(wordAt(tokens, a.next) === 'na' && (hadZ || sawNight))) return null;
  const b = parseDaySpec(tokens, a.next + 1, { allowBare: !slash, allowDayMonth: true });
  if (!b) return null;
  if (slash && (a.value.kind !== 'date' || b.value.kind !== 'date' || b.value.month === null)) return null;
  if ((a.value.kind === 'date') !== (b.value.kind === 'date')) return null;
  return { value: { t: 'night', from: borrowMonth(a.value, b.value), to: b.value }, next: b.next };
}

function isNightWord(w: string | null): boolean {
  return w === 'nocy' || w === 'noc';
}

// "zmianą czasu [z letniego] na zimowy" within a few words after "w nocy".
function parseDstChange(tokens: readonly Token[], j: number): Match<ItemBody> | null {
  for (let k = j; k < j + 6; k += 1) {
    if (!(wordAt(tokens, k) ?? '').startsWith('zmian') || wordAt(tokens, k + 1) !== 'czasu') continue;
    let next = k + 2;
    let direction: 'toWinter' | 'toSummer' | null = null;
    for (let m = k + 2; m < k + 8; m += 1) {
      if (wordAt(tokens, m) !== 'na') continue;
      for (const n of [m + 1, m + 2]) {
        const w = wordAt(tokens, n) ?? '';
        if (w.startsWith('zimow')) direction = 'toWinter';
        else if (w.startsWith('letn')) direction = 'toSummer';
        if (direction) {
          next = n + 1;
          break;
        }
      }
      if (direction) break;
    }
    return { value: { t: 'dstNight', direction }, next };
  }
  return null;
}

/**
 * Gives a bare first day the month and year of the second: "z 26 na 27 kwietnia" -> 26 April,
 * "z 31 na 1 lutego" -> 31 January.
 */
export function borrowMonth(first: DaySpec, second: DaySpec): DaySpec {
  if (first.kind !== 'date' || first.month !== null || second.kind !== 'date' || second.month === null) return first;
  if (first.day <= second.day) return { ...first, month: second.month, year: second.year };
  const month = second.month === 1 ? 12 : second.month - 1;
  const year = second.year === null ? null : second.month === 1 ? second.year - 1 : second.year;
  return { ...first, month, year };
}

/**
 * Reads "26 i 27 stycznia", "26, 27 i 28 stycznia" (a list) or "26-27 stycznia", "26 do 28
 * stycznia" (a range). Only a bare first day starts one; "26 stycznia i 27 stycznia" is two days.
 */
export function parseDayCompound(tokens: readonly Token[], i: number): Match<ItemBody> | null {
  const weekdays = parseWeekdayList(tokens, i);
  if (weekdays) return weekdays;
  const first = parseDaySpec(tokens, i, { allowBare: true, allowDayMonth: false });
  if (!first || first.value.kind !== 'date' || first.value.month !== null) return null;
  const sep = tokens[first.next];
  const isRange = sep?.kind === 'punct' ? sep.text === '-' : wordAt(tokens, first.next) === 'do';
  if (isRange) {
    const last = parseDaySpec(tokens, first.next + 1, { allowBare: false, allowDayMonth: false });
    if (!last || last.value.kind !== 'date') return null;
    return { value: { t: 'dayRange', from: borrowMonth(first.value, last.value), to: last.value }, next: last.next };
  }
  const days: DaySpec[] = [first.value];
  let j = first.next;
  while (isPunct(tokens, j, ',') || wordAt(tokens, j) === 'i' || wordAt(tokens, j) === 'oraz') {
    const spec = parseDaySpec(tokens, j + 1, { allowBare: true, allowDayMonth: false });
    if (!spec || spec.value.kind !== 'date') return null;
    days.push(spec.value);
    j = spec.next;
    const last = spec.value;
    if (last.month !== null) return { value: { t: 'dayList', days: days.map((d) => borrowMonth(d, last)) }, next: j };
  }
  return null;
}

const LIST_JOINERS = new Set(['i', 'oraz']);

// "w sobotę i niedzielę", "w sobotę, niedzielę i w poniedziałek": weekdays sharing the same hours.
function parseWeekdayList(tokens: readonly Token[], i: number): Match<ItemBody> | null {
  const first = WEEKDAYS[wordAt(tokens, i) ?? ''];
  if (first === undefined) return null;
  const days: DaySpec[] = [{ kind: 'weekday', weekday: first }];
  let j = i + 1;
  for (;;) {
    if (!isPunct(tokens, j, ',') && !LIST_JOINERS.has(wordAt(tokens, j) ?? '')) break;
    let k = j + 1;
    if (wordAt(tokens, k) === 'w' || wordAt(tokens, k) === 'we') k += 1;
    const weekday = WEEKDAYS[wordAt(tokens, k) ?? ''];
    if (weekday === undefined) break;
    days.push({ kind: 'weekday', weekday });
    j = k + 1;
  }
  return days.length > 1 ? { value: { t: 'dayList', days }, next: j } : null;
}
