import { admitResult, applyResult, initialProbeState, settle, type CanaryRun, type Thresholds } from '../engine/index.ts';
import type { ProbeConfig } from '../config/schema.ts';
import type { ProbeResult, ProbeState } from '../domain/types.ts';
import type { PipelineDeps } from './context.ts';
import { reevaluate } from './reevaluate.ts';

/** Canary runs read back per canary: enough to cover the fire windows around any waiting failure. */
const CANARY_HISTORY = 20;

/**
 * Stores one probe result, advances that probe's threshold state through the sight guard and
 * re-evaluates the components it can change. A failure counts only once the canaries show the monitor could see the
 * internet when it was taken; a canary run settles every probe's waiting failures.
 */
export async function recordResult(deps: PipelineDeps, probe: ProbeConfig, result: ProbeResult): Promise<void> {
  const { results } = deps.stores;
  const keep = deps.config.store.resultsPerProbe;
  if (probe.canary) {
    // A canary settles every probe's waiting failures, so it reads them all (canaries are few).
    const states = await results.getProbeStates();
    const prev = states.get(probe.id) ?? initialProbeState(probe.id, result.at);
    await results.recordRun(result, applyResult(prev, result, thresholds(deps, probe)), keep);
    await settleWaiting(deps, states);
  } else {
    // One read and one write per result, whatever the number of probes.
    const [states, canaries] = await Promise.all([results.getProbeStatesOf([probe.id]), canaryRuns(deps, result.ok)]);
    const prev = states.get(probe.id) ?? initialProbeState(probe.id, result.at);
    const next = admitResult(prev, result, canaries, thresholds(deps, probe));
    await results.recordRun(result, next, keep);
    if ((next.pendingFailures?.length ?? 0) > (prev.pendingFailures?.length ?? 0)) {
      deps.logger.debug({ probe: probe.id, at: result.at }, 'failure waits for a canary verdict before it counts');
    }
  }
  // Only the components this probe can change are judged again, batched with results arriving alongside.
  if (deps.evaluator) await deps.evaluator.resultOf(probe.id);
  else await reevaluate(deps);
}

/** Re-judges every probe's waiting failures after a canary reported. */
async function settleWaiting(deps: PipelineDeps, states: Map<string, ProbeState>): Promise<void> {
  const waiting = deps.config.probes.filter((p) => (states.get(p.id)?.pendingFailures?.length ?? 0) > 0);
  if (waiting.length === 0) return;
  const canaries = await canaryRuns(deps, false);
  for (const p of waiting) {
    const prev = states.get(p.id)!;
    const next = settle(prev, canaries, thresholds(deps, p));
    if (next !== prev) await deps.stores.results.setProbeState(next);
  }
}

/** Recent runs of every configured canary (none needed when a success settles things by itself). */
async function canaryRuns(deps: PipelineDeps, skip: boolean): Promise<Map<string, CanaryRun[]>> {
  // A success settles waiting failures by itself: no canary runs needed (and no scan of every probe per result).
  if (skip) return new Map();
  const canaries = deps.evaluator?.canaries ?? deps.config.probes.filter((p) => p.canary);
  if (canaries.length === 0) return new Map();
  const runs = await Promise.all(canaries.map((c) => deps.stores.results.recentResults(c.id, CANARY_HISTORY)));
  return new Map(canaries.map((c, i) => [c.id, runs[i]!.map((r) => ({ at: r.at, ok: r.ok }))]));
}

function thresholds(deps: PipelineDeps, probe: ProbeConfig): Thresholds {
  return {
    failureThreshold: probe.failureThreshold ?? deps.config.engine.failureThreshold,
    successThreshold: probe.successThreshold ?? deps.config.engine.successThreshold,
  };
}
