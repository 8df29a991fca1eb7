/** The temporal pieces the recognizer finds in a notice, in text order. */
import type { DaySpec } from './dates.ts';
import type { DayPart } from './lexicon.ts';
import type { TimeOfDay } from './times.ts';

/** A recognized piece; `at`/`end` are token indexes (end exclusive). */
export type Item = ItemBody & { at: number; end: number };

/** The piece itself. */
export type ItemBody =
  /** One day ("27 stycznia", "w sobotę", "jutro", "następnego dnia"). */
  | { t: 'day'; spec: DaySpec }
  /** A night from one day to the next ("w nocy z 26 na 27 kwietnia", "6/7 września"). */
  | { t: 'night'; from: DaySpec; to: DaySpec }
  /** The night the clocks change ("w nocy ze zmianą czasu z letniego na zimowy"). */
  | { t: 'dstNight'; direction: 'toWinter' | 'toSummer' | null }
  /** Several days sharing the same hours ("26 i 27 stycznia"). */
  | { t: 'dayList'; days: DaySpec[] }
  /** Consecutive days ("26-27 stycznia", "od 26 do 28 stycznia"). */
  | { t: 'dayRange'; from: DaySpec; to: DaySpec }
  | { t: 'time'; time: TimeOfDay }
  /** A conventional part of the day ("godzin porannych"). */
  | { t: 'dayPart'; part: DayPart }
  /** "od" before a temporal expression. */
  | { t: 'from' }
  /** "do" or a dash before a temporal expression. */
  | { t: 'to' }
  /** "do odwołania": explicitly no end. */
  | { t: 'openEnd' }
  | { t: 'comma' }
  /** A boundary between independent windows (sentence end, "oraz w…", ";"). */
  | { t: 'sep' }
  /** A word showing the clause is about something else, e.g. helpdesk hours ("infolinia czynna w godz. 8-18"). */
  | { t: 'aside' };

/** Items that name one or more days. */
export type DateItem = Item & { t: 'day' | 'night' | 'dstNight' | 'dayList' | 'dayRange' };

/** True for items that name days. */
export function isDateItem(item: Item): item is DateItem {
  return item.t === 'day' || item.t === 'night' || item.t === 'dstNight' || item.t === 'dayList' || item.t === 'dayRange';
}

/** True when a date item is only a weekday/relative word, which an adjacent explicit date overrides. */
export function isSoftDate(item: DateItem): boolean {
  const soft = (s: DaySpec): boolean => s.kind === 'weekday' || s.kind === 'relative';
  if (item.t === 'day') return soft(item.spec);
  if (item.t === 'night') return soft(item.from) && soft(item.to);
  return item.t === 'dstNight';
}
