/** Turns window groups into real windows (instants in the notice's zone). */
import type { DateTime } from 'luxon';
import { PAST_GRACE_DAYS, resolveDay, type DayContext, type DaySpec, type LocalDate } from './dates.ts';
import { findDstNight } from './dst.ts';
import type { Group } from './groups.ts';
import type { DateItem } from './items.ts';
import {
  bounded,
  daysBetween,
  END_OF_DAY,
  endAfter,
  isComplete,
  MIDNIGHT,
  NIGHT_END,
  NIGHT_START,
  placeOnDay,
  placeOnNight,
  type InstantWindow,
  type PlaceEnv,
} from './place.ts';
import type { SourcedWindow } from './resolve.ts';
import { buildSpans, type Span } from './spans.ts';
import { ZoneClock } from './times.ts';
import type { Token } from './tokens.ts';

export type { InstantWindow } from './place.ts';

/** The days a group stands on; hour-only groups that follow reuse it. */
type Anchor =
  | { kind: 'days'; dates: LocalDate[] }
  | { kind: 'night'; from: LocalDate; to: LocalDate }
  | { kind: 'range'; from: LocalDate; to: LocalDate };

/** Resolves every group in order. */
export function resolveWindows(groups: readonly Group[], published: DateTime, zone: string, tokens: readonly Token[], normalized: string): SourcedWindow[] {
  const env: PlaceEnv = { published, publication: { year: published.year, month: published.month, day: published.day }, clock: new ZoneClock(zone) };
  const windows: InstantWindow[] = [];
  const sources: { phrase: string; precise: boolean }[] = [];
  let anchor: Anchor | null = null;
  for (const [index, group] of groups.entries()) {
    const mark = windows.length;
    let closedPrevious = false;
    const source = { phrase: groupPhrase(group, tokens, normalized), precise: group.items.some((it) => it.t === 'time') };
    try {
      const resolved: Anchor | null = group.start && group.end ? resolveLinkedRange(group, group.start, group.end, env) : group.start ? resolveAnchor(group.start, env) : anchor;
      const current: Anchor = resolved ?? { kind: 'days', dates: [env.publication] };
      if (group.start && resolved === null) continue;
      anchor = current;
      const spans = group.end ? [] : buildSpans(group.items);
      if (group.end) {
        windows.push(...rangeWindows(group, current, env));
        continue;
      }
      const next = groups[index + 1];
      // "27 stycznia IKP będzie niedostępne. Przerwa potrwa od 22:00 do 23:00.": the day only sets context.
      if (spans.length === 0 && next !== undefined && next.start === null && next.segment > group.segment) continue;
      // "Awaria trwa od rana. Dostęp zostanie przywrócony do godz. 15:00.": the end closes the open window.
      // "Dostępne do 16:00. Ponowne uruchomienie nastąpi 4 stycznia o 8:00.": a dated end closes it too.
      const last = windows[windows.length - 1];
      if (last && last.end === null && spans.length > 0 && spans.every((s) => s.start === null && s.end)) {
        const endTime = spans[0]?.end;
        const endDay = group.start && current.kind === 'days' ? current.dates[0] : dayOf(last.start);
        if (endTime && endDay) windows[windows.length - 1] = { start: last.start, end: endAfter(last.start, endDay, endTime, env.clock) };
        closedPrevious = true;
        continue;
      }
      // "od 27 stycznia" / "do odwołania" leave the day open; in "od 2 do 4 lutego" the "od" belongs to the range.
      const fromDay = current.kind !== 'range' && group.items.some((it) => it.t === 'from' && it.end === group.start?.at);
      const openDay = fromDay || group.items.some((it) => it.t === 'openEnd');
      windows.push(...windowsOn(current, spans, openDay, env));
    } finally {
      // Windows this group added carry its phrase; a window it closed gains the phrase too.
      const prev = sources[mark - 1];
      if (closedPrevious && prev) sources[mark - 1] = { phrase: `${prev.phrase} … ${source.phrase}`, precise: prev.precise };
      for (let k = mark; k < windows.length; k += 1) sources[k] = source;
    }
  }
  return windows.map((w, k) => ({ ...w, ...(sources[k] ?? { phrase: '', precise: false }) }));
}

// The normalized text a group spans, from its first to its last item.
function groupPhrase(group: Group, tokens: readonly Token[], normalized: string): string {
  const items = [...group.items, ...(group.start ? [group.start] : []), ...(group.end ? [group.end] : [])];
  if (items.length === 0) return '';
  const first = Math.min(...items.map((it) => it.at));
  const last = Math.max(...items.map((it) => it.end)) - 1;
  const from = tokens[first]?.pos ?? 0;
  const lastTok = tokens[last];
  const to = lastTok ? lastTok.pos + lastTok.text.length : normalized.length;
  return normalized.slice(from, to).replace(/^[\s,;:.(-]+|[\s,;:.(-]+$/g, '');
}

function dayOf(dt: DateTime): LocalDate {
  return { year: dt.year, month: dt.month, day: dt.day };
}

function dayContext(env: PlaceEnv, ref: LocalDate, graceDays: number, previous: LocalDate | null): DayContext {
  return { publication: env.publication, ref, graceDays, previous };
}

function resolveAnchor(item: DateItem, env: PlaceEnv): Anchor | null {
  const one = (spec: DaySpec): LocalDate | null => resolveDay(spec, dayContext(env, env.publication, PAST_GRACE_DAYS, null));
  const pair = (fromSpec: DaySpec, toSpec: DaySpec): { from: LocalDate; to: LocalDate } | null => {
    const from = one(fromSpec);
    const to = from ? resolveDay(toSpec, dayContext(env, from, 0, from)) : null;
    return from && to ? { from, to } : null;
  };
  switch (item.t) {
    case 'day': {
      const date = one(item.spec);
      return date ? { kind: 'days', dates: [date] } : null;
    }
    case 'dayList': {
      const dates = item.days.map(one).filter((d): d is LocalDate => d !== null);
      return dates.length > 0 ? { kind: 'days', dates } : null;
    }
    case 'night': {
      const night = pair(item.from, item.to);
      return night ? { kind: 'night', ...night } : null;
    }
    case 'dstNight': {
      const night = findDstNight(env.publication, item.direction, env.clock.zone);
      return night ? { kind: 'night', ...night } : null;
    }
    case 'dayRange': {
      const range = pair(item.from, item.to);
      return range ? { kind: 'range', ...range } : null;
    }
  }
}

// "od piątku 19 stycznia … do poniedziałku 22 stycznia …": the end day counts from the start day.
function resolveLinkedRange(group: Group, startItem: DateItem, endItem: DateItem, env: PlaceEnv): Anchor | null {
  if (startItem.t !== 'day' || endItem.t !== 'day') return null;
  const from = resolveDay(startItem.spec, dayContext(env, env.publication, PAST_GRACE_DAYS, null));
  const to = from ? resolveDay(endItem.spec, dayContext(env, from, 0, from)) : null;
  return from && to && group.end ? { kind: 'range', from, to } : null;
}

/**
 * Hours on each end ("od 25 października godz. 22:00 do 26 października godz. 4:00") make one
 * continuous window; full hours only after the end day ("od poniedziałku do piątku w godz.
 * 22-23") repeat on every day.
 */
function rangeWindows(group: Group, anchor: Anchor, env: PlaceEnv): InstantWindow[] {
  if (anchor.kind !== 'range') return [];
  const fromSpans = buildSpans(group.items.slice(0, group.splitAt));
  const toSpans = buildSpans(group.items.slice(group.splitAt + 1));
  if (fromSpans.length === 0 && isComplete(toSpans[0])) return daily(anchor.from, anchor.to, toSpans, env);
  const toSpan = toSpans[0];
  const toTime = toSpan ? (toSpan.end ?? toSpan.start ?? END_OF_DAY) : END_OF_DAY;
  return [bounded(anchor.from, fromSpans[0]?.start ?? MIDNIGHT, anchor.to, toTime, env.clock)];
}

function daily(from: LocalDate, to: LocalDate, spans: readonly Span[], env: PlaceEnv): InstantWindow[] {
  return daysBetween(from, to).flatMap((day) => spans.map((span) => placeOnDay(day, span, env)));
}

function windowsOn(anchor: Anchor, spans: readonly Span[], openDay: boolean, env: PlaceEnv): InstantWindow[] {
  if (anchor.kind === 'night') {
    if (spans.length === 0) return [bounded(anchor.from, NIGHT_START, anchor.to, NIGHT_END, env.clock)];
    return spans.map((span) => placeOnNight(anchor.from, anchor.to, span, env));
  }
  if (anchor.kind === 'range') {
    // "w dniach 26-27 lutego": whole days; "w dniach 27-28 stycznia w godz. 8-16": those hours each day.
    if (spans.some(isComplete)) return daily(anchor.from, anchor.to, spans, env);
    return [bounded(anchor.from, spans[0]?.start ?? MIDNIGHT, anchor.to, openDay ? null : END_OF_DAY, env.clock)];
  }
  return anchor.dates.flatMap((day) => {
    if (spans.length > 0) return spans.map((span) => placeOnDay(day, span, env));
    return [bounded(day, MIDNIGHT, day, openDay ? null : END_OF_DAY, env.clock)];
  });
}
