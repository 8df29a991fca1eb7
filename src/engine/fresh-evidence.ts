import type { ProbeConfig } from '../config/schema.ts';
import type { ProbeState } from '../domain/types.ts';
import { reportedComponents } from './probe-components.ts';

/** Probe states as evidence after maintenance: what the engine may read, and which probes wait for a check. */
export interface Evidence {
  states: ReadonlyMap<string, ProbeState>;
  /** Probes whose state says nothing yet: checked only before the maintenance ended, or counting failures since. */
  awaiting: ReadonlySet<string>;
}

/**
 * The probe states as evidence after the maintenance that ended over their components (pure; see
 * maintenance-ends.ts). A probe reports on its own component and, for a journey, every hop's, so a
 * window over IKP also holds back every journey that passes through IKP.
 *
 * A failure seen during a window was expected: after the window a probe needs a check taken since
 * its end, and it is down only once it has failed as many times since the end as its threshold
 * asks. Until then it reads as a probe that just started: unknown while failing, up at its first
 * pass (no success threshold to climb back over failures the window explains).
 */
export function evidenceAfterMaintenance(
  probes: readonly ProbeConfig[],
  states: ReadonlyMap<string, ProbeState>,
  ends: ReadonlyMap<string, number> | undefined,
  failureThreshold: (p: ProbeConfig) => number,
): Evidence {
  if (ends === undefined || ends.size === 0) return { states, awaiting: new Set() };
  let latest = -Infinity;
  for (const at of ends.values()) latest = Math.max(latest, at);
  let out: Map<string, ProbeState> | null = null;
  const awaiting = new Set<string>();
  for (const p of probes) {
    const st = states.get(p.id);
    // Cheap exit for the many probes nothing can have changed for: checked since every end, not down.
    if (st === undefined || st.lastCheckedAt === null || (st.lastCheckedAt >= latest && st.status !== 'down')) continue;
    const from = endOver(p, ends);
    if (from === undefined) continue;
    const next = asEvidenceAfter(st, from, failureThreshold(p));
    if (next === st) continue;
    out ??= new Map(states);
    if (next === null) out.delete(p.id);
    else out.set(p.id, next);
    if (next === null || next.status === 'unknown') awaiting.add(p.id);
  }
  return { states: out ?? states, awaiting };
}

/** The latest maintenance end over the components a probe reports on. */
function endOver(p: ProbeConfig, ends: ReadonlyMap<string, number>): number | undefined {
  let from: number | undefined;
  for (const c of reportedComponents(p)) {
    const at = ends.get(c);
    if (at !== undefined && (from === undefined || at > from)) from = at;
  }
  return from;
}

/**
 * One probe state as evidence after a maintenance that ended at `from` (pure): null when its latest
 * check predates the end; the state itself when it already speaks only of checks since; else the
 * state a probe started at `from` would have now.
 */
export function asEvidenceAfter(st: ProbeState, from: number, failureThreshold: number): ProbeState | null {
  if (st.lastCheckedAt === null) return st;
  if (st.lastCheckedAt < from) return null;
  if (st.status !== 'down') return st;
  // States written before failure times were kept: a status that turned down after the end is trusted.
  const since = st.failedAt === undefined ? (st.since >= from ? failureThreshold : 0) : st.failedAt.filter((at) => at >= from).length;
  if (since >= failureThreshold) return st.since >= from ? st : { ...st, since: from };
  const fresh: ProbeState = { ...st, since: from };
  delete fresh.statusReason;
  delete fresh.failedStep;
  if (!st.lastOk) return { ...fresh, status: 'unknown' };
  // A fresh probe's first pass decides at once: up, or degraded when it was slow.
  return st.lastReason === 'ok' ? { ...fresh, status: 'up' } : { ...fresh, status: 'degraded', statusReason: st.lastReason };
}
