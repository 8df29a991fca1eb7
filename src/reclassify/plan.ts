import { DateTime } from 'luxon';
import type { StatusTransition } from '../domain/types.ts';

/** What reclassifying one period changes. */
export interface ReclassifyPlan {
  /** History entries to write; each replaces the stored entry at the same instant (one entry per instant). */
  transitions: StatusTransition[];
  /** Outage seconds within the period, per Warsaw day (YYYY-MM-DD), to move to maintenance in the uptime buckets. */
  seconds: Map<string, number>;
}

/**
 * Plans re-booking the outage time of [from, to) as maintenance (pure). `history` is what
 * `HistoryPort.getTransitions(component, from, to)` returns: the entry in force at `from` plus those
 * within. Outage entries inside the period become maintenance; an outage already in force at
 * `from` gets a maintenance entry at `from`; an outage still in force at `to` is restored by an
 * entry at `to`. The seconds come from the same timeline, so history and uptime agree by
 * construction. Other statuses are left alone.
 */
export function planReclassification(component: string, history: StatusTransition[], from: number, to: number): ReclassifyPlan {
  const sorted = history.filter((t) => t.component === component && t.at <= to).sort((a, b) => a.at - b.at);
  const inForceAt = (instant: number): StatusTransition | undefined => sorted.filter((t) => t.at <= instant).at(-1);
  const within = sorted.filter((t) => t.at >= from && t.at < to);
  const transitions: StatusTransition[] = [];
  const atFrom = inForceAt(from);
  if (atFrom?.status === 'outage' && atFrom.at < from) transitions.push(asMaintenance({ ...atFrom, at: from }));
  for (const t of within) if (t.status === 'outage') transitions.push(asMaintenance(t));
  const beforeTo = sorted.filter((t) => t.at < to).at(-1);
  if (beforeTo?.status === 'outage' && !sorted.some((t) => t.at === to)) transitions.push({ ...beforeTo, at: to });

  const seconds = new Map<string, number>();
  const edges = [from, ...within.map((t) => t.at).filter((at) => at > from), to];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    if (inForceAt(start)?.status === 'outage') addByDay(seconds, start, edges[i + 1]!);
  }
  return { transitions, seconds };
}

function asMaintenance(t: StatusTransition): StatusTransition {
  return { component: t.component, at: t.at, status: 'maintenance', reason: 'maintenance', rootCause: null };
}

/** Adds the seconds of [start, end) to `out`, split at Warsaw midnights. */
function addByDay(out: Map<string, number>, start: number, end: number): void {
  let cursor = DateTime.fromMillis(start, { zone: 'Europe/Warsaw' });
  while (cursor.toMillis() < end) {
    const nextMidnight = cursor.startOf('day').plus({ days: 1 });
    const sliceEnd = Math.min(end, nextMidnight.toMillis());
    const day = cursor.toISODate() ?? '';
    out.set(day, (out.get(day) ?? 0) + (sliceEnd - cursor.toMillis()) / 1000);
    cursor = DateTime.fromMillis(sliceEnd, { zone: 'Europe/Warsaw' });
  }
}
