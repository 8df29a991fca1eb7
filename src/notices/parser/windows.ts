/** Turns window groups into real windows (instants in the notice's zone). */
import type { DateTime } from 'luxon';
import { addDays, compareDates, PAST_GRACE_DAYS, resolveDay, type DayContext, type DaySpec, type LocalDate } from './dates.ts';
import { findDstNight } from './dst.ts';
import type { Group } from './groups.ts';
import type { DateItem } from './items.ts';
import { buildSpans, type Span } from './spans.ts';
import { zonedInstant, type TimeOfDay } from './times.ts';

/** A window as instants; `end` null = open-ended. */
export interface InstantWindow {
  start: DateTime;
  end: DateTime | null;
}

/** The days a group stands on, used by later hour-only groups too. */
type Anchor =
  | { kind: 'days'; dates: LocalDate[] }
  | { kind: 'night'; from: LocalDate; to: LocalDate }
  | { kind: 'range'; from: LocalDate; to: LocalDate };

interface Env {
  published: DateTime;
  publication: LocalDate;
  zone: string;
}

const MIDNIGHT: TimeOfDay = { hour: 0, minute: 0 };
const END_OF_DAY: TimeOfDay = { hour: 24, minute: 0 };
// Documented convention for a night named without hours ("w nocy z 26 na 27 kwietnia").
const NIGHT_START: TimeOfDay = { hour: 22, minute: 0 };
const NIGHT_END: TimeOfDay = { hour: 6, minute: 0 };

/** Resolves every group; hour-only groups borrow the previous group's day(s). */
export function resolveWindows(groups: readonly Group[], published: DateTime, zone: string): InstantWindow[] {
  const env: Env = { published, publication: { year: published.year, month: published.month, day: published.day }, zone };
  const windows: InstantWindow[] = [];
  let anchor: Anchor | null = null;
  for (const [index, group] of groups.entries()) {
    const spans = buildSpans(group.end ? group.items.slice(0, group.splitAt) : group.items);
    const next = groups[index + 1];
    // "27 stycznia IKP będzie niedostępne. Przerwa potrwa od 22:00 do 23:00.": the day only sets context.
    const contextOnly = spans.length === 0 && !group.end && next !== undefined && next.start === null && next.segment > group.segment;
    if (group.start && group.end) {
      const range = resolveRange(group, group.start, group.end, env);
      if (range) {
        windows.push(range.window);
        anchor = { kind: 'days', dates: [range.endDate] };
      }
      continue;
    }
    const resolved: Anchor | null = group.start ? resolveAnchor(group.start, env) : (anchor ?? { kind: 'days', dates: [env.publication] });
    if (resolved === null) continue;
    anchor = resolved;
    if (contextOnly) continue;
    const openDay = group.items.some((it) => (it.t === 'from' && group.start !== null && it.end === group.start.at) || it.t === 'openEnd');
    windows.push(...windowsOn(resolved, spans, openDay, env));
  }
  return windows;
}

function dayContext(env: Env, ref: LocalDate, graceDays: number, previous: LocalDate | null): DayContext {
  return { publication: env.publication, ref, graceDays, previous };
}

function resolveAnchor(item: DateItem, env: Env): Anchor | null {
  const ctx = dayContext(env, env.publication, PAST_GRACE_DAYS, null);
  const one = (spec: DaySpec): LocalDate | null => resolveDay(spec, ctx);
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
      const from = one(item.from);
      const to = from ? resolveDay(item.to, dayContext(env, from, 0, from)) : null;
      return from && to ? { kind: 'night', from, to } : null;
    }
    case 'dstNight': {
      const night = findDstNight(env.publication, item.direction, env.zone);
      return night ? { kind: 'night', ...night } : null;
    }
    case 'dayRange': {
      const from = one(item.from);
      const to = from ? resolveDay(item.to, dayContext(env, from, 0, from)) : null;
      return from && to ? { kind: 'range', from, to } : null;
    }
  }
}

// Start and end on different days: "od piątku 19 stycznia od godz. 22:00 do poniedziałku 22 stycznia do godz. 6:00".
function resolveRange(group: Group, startItem: DateItem, endItem: DateItem, env: Env): { window: InstantWindow; endDate: LocalDate } | null {
  if (startItem.t !== 'day' || endItem.t !== 'day') return null;
  const from = resolveDay(startItem.spec, dayContext(env, env.publication, PAST_GRACE_DAYS, null));
  if (!from) return null;
  const to = resolveDay(endItem.spec, dayContext(env, from, 0, from));
  if (!to) return null;
  const fromTime = buildSpans(group.items.slice(0, group.splitAt))[0]?.start ?? MIDNIGHT;
  const toSpan = buildSpans(group.items.slice(group.splitAt))[0];
  const toTime = toSpan ? (toSpan.end ?? toSpan.start ?? END_OF_DAY) : END_OF_DAY;
  return { window: bounded(from, fromTime, to, toTime, env.zone), endDate: to };
}

function windowsOn(anchor: Anchor, spans: readonly Span[], openDay: boolean, env: Env): InstantWindow[] {
  if (anchor.kind === 'night') {
    if (spans.length === 0) return [bounded(anchor.from, NIGHT_START, anchor.to, NIGHT_END, env.zone)];
    return spans.map((span) => {
      const day = (span.start?.hour ?? NIGHT_START.hour) >= 12 ? anchor.from : anchor.to;
      return onDay(day, { start: span.start ?? NIGHT_START, end: span.end }, env, anchor.from);
    });
  }
  if (anchor.kind === 'range') {
    // "w dniach 26-27 stycznia [w godz. 8-16]": one continuous window from the first day to the last.
    const span = spans[0];
    return [bounded(anchor.from, span?.start ?? MIDNIGHT, anchor.to, span ? (span.end ?? null) : END_OF_DAY, env.zone)];
  }
  return anchor.dates.flatMap((day) => {
    if (spans.length > 0) return spans.map((span) => onDay(day, span, env, day));
    const start = zonedInstant(day, MIDNIGHT, env.zone);
    return [{ start, end: openDay ? null : zonedInstant(day, END_OF_DAY, env.zone) }];
  });
}

function onDay(day: LocalDate, span: Span, env: Env, startOfDayFallback: LocalDate): InstantWindow {
  if (span.start === null) {
    const end = span.end ? zonedInstant(day, span.end, env.zone) : null;
    const publishedToday = compareDates(env.publication, day) === 0 && end !== null && env.published < end;
    return { start: publishedToday ? env.published : zonedInstant(startOfDayFallback, MIDNIGHT, env.zone), end };
  }
  const start = zonedInstant(day, span.start, env.zone);
  if (!span.end) return { start, end: null };
  return { start, end: endAfter(start, day, span.end, env.zone) };
}

function bounded(fromDay: LocalDate, fromTime: TimeOfDay, toDay: LocalDate, toTime: TimeOfDay | null, zone: string): InstantWindow {
  const start = zonedInstant(fromDay, fromTime, zone);
  return { start, end: toTime === null ? null : endAfter(start, toDay, toTime, zone) };
}

// An end at or before its start means the next day ("22:00-6:00").
function endAfter(start: DateTime, day: LocalDate, time: TimeOfDay, zone: string): DateTime {
  const end = zonedInstant(day, time, zone);
  return end > start ? end : zonedInstant(addDays(day, 1), time, zone);
}
