import type { ProbeResult, ProbeState } from '../domain/types.ts';

/** Consecutive-run thresholds for one probe. */
export interface Thresholds {
  failureThreshold: number;
  successThreshold: number;
}

/** The state of a probe that has never run. */
export function initialProbeState(probeId: string, now: number): ProbeState {
  return {
    probeId,
    status: 'unknown',
    consecutiveFailures: 0,
    consecutiveSuccesses: 0,
    consecutiveSlow: 0,
    consecutiveFast: 0,
    lastOk: false,
    lastReason: 'ok',
    lastCheckedAt: null,
    since: now,
  };
}

/** A probe's own thresholds, falling back to the engine defaults. */
export function thresholdsFor(probe: Partial<Thresholds>, defaults: Thresholds): Thresholds {
  return {
    failureThreshold: probe.failureThreshold ?? defaults.failureThreshold,
    successThreshold: probe.successThreshold ?? defaults.successThreshold,
  };
}

type Kind = 'fail' | 'slow' | 'fast';

function kindOf(result: ProbeResult): Kind {
  if (!result.ok) return 'fail';
  return result.degraded ? 'slow' : 'fast';
}

function nextStatus(prev: ProbeState['status'], kind: Kind, c: Counters, t: Thresholds): ProbeState['status'] {
  if (kind === 'fail') return c.consecutiveFailures >= t.failureThreshold ? 'down' : prev;
  const healthy = kind === 'slow' ? 'degraded' : 'up';
  switch (prev) {
    // With no history the first passing run is all we know, so it decides at once.
    case 'unknown':
      return healthy;
    case 'down':
      return c.consecutiveSuccesses >= t.successThreshold ? healthy : 'down';
    case 'up':
      return kind === 'slow' && c.consecutiveSlow >= t.failureThreshold ? 'degraded' : 'up';
    case 'degraded':
      return kind === 'fast' && c.consecutiveFast >= t.successThreshold ? 'up' : 'degraded';
  }
}

type Counters = Pick<ProbeState, 'consecutiveFailures' | 'consecutiveSuccesses' | 'consecutiveSlow' | 'consecutiveFast'>;

function nextCounters(prev: ProbeState, kind: Kind): Counters {
  if (kind === 'fail') return { consecutiveFailures: prev.consecutiveFailures + 1, consecutiveSuccesses: 0, consecutiveSlow: 0, consecutiveFast: 0 };
  return {
    consecutiveFailures: 0,
    consecutiveSuccesses: prev.consecutiveSuccesses + 1,
    consecutiveSlow: kind === 'slow' ? prev.consecutiveSlow + 1 : 0,
    consecutiveFast: kind === 'fast' ? prev.consecutiveFast + 1 : 0,
  };
}

const AGREES: Record<ProbeState['status'], Kind[]> = {
  down: ['fail'],
  degraded: ['slow'],
  up: ['fast'],
  unknown: ['fail', 'slow', 'fast'],
};

/** Advances a probe's threshold state machine by one result (pure; ignores results older than the latest applied). */
export function applyResult(prev: ProbeState, result: ProbeResult, t: Thresholds): ProbeState {
  // A late result (e.g. from a slow replica) must not rewind the state.
  if (prev.lastCheckedAt !== null && result.at < prev.lastCheckedAt) return prev;
  const kind = kindOf(result);
  const counters = nextCounters(prev, kind);
  const status = nextStatus(prev.status, kind, counters, t);
  const next: ProbeState = {
    probeId: prev.probeId,
    status,
    ...counters,
    lastOk: result.ok,
    lastReason: result.reason,
    lastCheckedAt: result.at,
    since: status === prev.status ? prev.since : result.at,
    lastDurationMs: result.durationMs,
  };
  if (result.detail !== undefined) next.lastDetail = result.detail;
  const agrees = AGREES[status].includes(kind);
  const statusReason = agrees ? result.reason : prev.statusReason;
  if (statusReason !== undefined) next.statusReason = statusReason;
  // Journeys: the failed step travels with the status reason, so a recovering journey still names it.
  const failedStep = agrees ? result.failedStep : prev.failedStep;
  if (failedStep !== undefined) next.failedStep = failedStep;
  // As many failure times as the threshold needs: enough to count the failures after a window's end.
  const failedAt = kind === 'fail' ? [...(prev.failedAt ?? []), result.at].slice(-Math.max(1, t.failureThreshold)) : prev.failedAt;
  if (failedAt !== undefined) next.failedAt = failedAt;
  return next;
}

/**
 * When the probe's latest failed run was taken: from `failedAt`, else (a state written before it
 * existed) the latest run when that failed, else unknown (null).
 */
export function lastFailureAt(st: ProbeState): number | null {
  return st.failedAt?.at(-1) ?? (st.lastOk ? null : st.lastCheckedAt);
}
