import type { ProbeResult, ProbeState } from '../domain/types.ts';
import { applyResult, type Thresholds } from './probe-state.ts';

/** One canary run as the sight judgement needs it. */
export interface CanaryRun {
  at: number;
  ok: boolean;
}

/** Whether a failing result may count toward a threshold: yes, no (taken blind), or not yet known. */
export type FailureVerdict = 'count' | 'discard' | 'wait';

/** Failures kept waiting for a canary verdict, per probe; older ones go first (they would be judged blind anyway). */
export const MAX_PENDING_FAILURES = 20;

/**
 * Judges a failure taken at `at` by the canaries on both sides of it (pure). The monitor could see
 * the internet at `at` only if a canary passed on the same fire window after it, and the canaries
 * before it were not all failing: a failure collected while blind, or at either edge of a blind
 * spell, must never count. `canaries` holds each configured canary's recent runs (any order);
 * an empty map means no canary is configured, so there is no guard.
 */
export function judgeFailure(at: number, canaries: Map<string, CanaryRun[]>): FailureVerdict {
  if (canaries.size === 0) return 'count';
  const before: CanaryRun[] = [];
  const after: CanaryRun[] = [];
  for (const runs of canaries.values()) {
    // A canary run of the same instant belongs to the same fire window: it speaks for both sides.
    const last = latest(runs.filter((r) => r.at <= at));
    const next = earliest(runs.filter((r) => r.at >= at));
    if (last) before.push(last);
    if (next) after.push(next);
  }
  if (before.length === canaries.size && before.every((r) => !r.ok)) return 'discard';
  if (after.some((r) => r.ok)) return 'count';
  if (after.length === canaries.size) return 'discard';
  return 'wait';
}

/**
 * Feeds one probe result through the sight guard (pure): successes and confirmed failures advance
 * the threshold state, failures taken blind are dropped, undecided ones wait in `pendingFailures`.
 * A success is itself proof of sight, so the failures waiting before it are counted first.
 */
export function admitResult(prev: ProbeState, result: ProbeResult, canaries: Map<string, CanaryRun[]>, t: Thresholds): ProbeState {
  if (result.ok) return applyResult(settle(prev, canaries, t, true), result, t);
  const queued = { ...prev, pendingFailures: [...(prev.pendingFailures ?? []), pendingOf(result)].slice(-MAX_PENDING_FAILURES) };
  return settle(queued, canaries, t, false);
}

/**
 * Re-judges a probe's waiting failures in order (pure; called again whenever a canary reports):
 * each is counted or dropped, stopping at the first still undecided so order is kept.
 * `sighted` forces every waiting failure to count (a later success proved the monitor could see).
 */
export function settle(prev: ProbeState, canaries: Map<string, CanaryRun[]>, t: Thresholds, sighted = false): ProbeState {
  const pending = prev.pendingFailures ?? [];
  if (pending.length === 0) return prev;
  let state: ProbeState = { ...prev };
  delete state.pendingFailures;
  let i = 0;
  for (; i < pending.length; i++) {
    const failure = pending[i]!;
    const verdict = sighted ? 'count' : judgeFailure(failure.at, canaries);
    if (verdict === 'wait') break;
    if (verdict === 'count') state = applyResult(state, failure, t);
  }
  const rest = pending.slice(i);
  return rest.length > 0 ? { ...state, pendingFailures: rest } : state;
}

/** The part of a failure the threshold machine needs (notices and HTTP details are not kept). */
function pendingOf(r: ProbeResult): ProbeResult {
  const p: ProbeResult = { probeId: r.probeId, component: r.component, at: r.at, ok: r.ok, degraded: r.degraded, reason: r.reason, durationMs: r.durationMs };
  if (r.detail !== undefined) p.detail = r.detail;
  return p;
}

function latest(runs: CanaryRun[]): CanaryRun | undefined {
  return runs.reduce<CanaryRun | undefined>((a, b) => (a === undefined || b.at > a.at ? b : a), undefined);
}

function earliest(runs: CanaryRun[]): CanaryRun | undefined {
  return runs.reduce<CanaryRun | undefined>((a, b) => (a === undefined || b.at < a.at ? b : a), undefined);
}
