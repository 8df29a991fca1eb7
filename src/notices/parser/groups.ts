/** Splits recognized items into window groups: one anchoring day (or night) plus its times. */
import { isDateItem, type DateItem, type Item } from './items.ts';

/** The items that describe one window, or one list of windows sharing hours. */
export interface Group {
  /** The day/night the window is on; null when the text names only hours. */
  start: DateItem | null;
  /** A second day closing a multi-day range ("od piątku … do poniedziałku …"). */
  end: DateItem | null;
  /** Times, day parts and connectors, in order. */
  items: Item[];
  /** Index in `items` of the "do" that separates start hours from end hours in a range. */
  splitAt: number;
  /** Index of the sentence/clause the group came from. */
  segment: number;
}

/** Groups items clause by clause; a second day either closes a range or starts a new group. */
export function buildGroups(items: readonly Item[]): Group[] {
  const groups: Group[] = [];
  let segment = 0;
  for (const clause of splitClauses(items).filter((c) => !c.some((it) => it.t === 'aside'))) {
    let group: Group = emptyGroup(segment);
    for (const item of dropRedundantDstNight(clause)) {
      if (!isDateItem(item)) {
        group.items.push(item);
      } else if (group.start === null) {
        group.start = item;
      } else if (group.end === null && linkIndex(group, item) !== null) {
        group.end = item;
        group.splitAt = linkIndex(group, item) ?? group.items.length;
      } else {
        // "w nocy z 29 na 30 września: od godz. 23:00 w piątek do …": the hour belongs to the new day.
        const carried = trailingStartTime(group, item);
        groups.push(group);
        group = { ...emptyGroup(segment), start: item, items: carried };
      }
    }
    groups.push(group);
    segment += 1;
  }
  return groups.filter((g) => g.start !== null || g.items.some((it) => it.t === 'time' || it.t === 'dayPart'));
}

// A trailing "[od] <time>" right before a weekday ("23:00 w piątek") moves to that weekday's group.
function trailingStartTime(group: Group, item: DateItem): Item[] {
  if (item.t !== 'day' || item.spec.kind !== 'weekday') return [];
  const last = group.items[group.items.length - 1];
  if (last?.t !== 'time' || item.at - last.end > 1 || (group.start && last.at < group.start.at)) return [];
  const before = group.items[group.items.length - 2];
  const take = before?.t === 'from' ? 2 : 1;
  return group.items.splice(group.items.length - take, take);
}

function emptyGroup(segment: number): Group {
  return { start: null, end: null, items: [], splitAt: -1, segment };
}

function splitClauses(items: readonly Item[]): Item[][] {
  const clauses: Item[][] = [[]];
  for (const item of items) {
    if (item.t === 'sep') clauses.push([]);
    else clauses[clauses.length - 1]?.push(item);
  }
  return clauses;
}

// "W nocy ze zmianą czasu (z 24 na 25 października)": the explicit night wins.
function dropRedundantDstNight(clause: readonly Item[]): Item[] {
  const hasExplicit = clause.some((it) => isDateItem(it) && it.t !== 'dstNight');
  return hasExplicit ? clause.filter((it) => it.t !== 'dstNight') : [...clause];
}

/**
 * A day closes the group's range when a "do"/dash sits right before it (with at most one
 * hour in between, "do 6:00 w poniedziałek") and the start carries at most one hour. So
 * "od 27 stycznia 22:00 do 28 stycznia 6:00" is one window while "27 stycznia 8-9, 28
 * stycznia 8-9" is two.
 */
function linkIndex(group: Group, item: DateItem): number | null {
  if (item.t !== 'day' || group.start?.t !== 'day') return null;
  let k = group.items.length - 1;
  if (group.items[k]?.t === 'time') k -= 1;
  const link = group.items[k];
  if (link?.t !== 'to' || link.at < group.start.at) return null;
  const timesBefore = group.items.slice(0, k).filter((it) => it.t === 'time').length;
  return timesBefore <= 1 ? k : null;
}
