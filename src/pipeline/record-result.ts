import { applyResult, initialProbeState } from '../engine/index.ts';
import type { ProbeConfig } from '../config/schema.ts';
import type { ProbeResult } from '../domain/types.ts';
import type { PipelineDeps } from './context.ts';
import { reevaluate } from './reevaluate.ts';

/** Stores one probe result, advances that probe's threshold state and re-evaluates components. */
export async function recordResult(deps: PipelineDeps, probe: ProbeConfig, result: ProbeResult): Promise<void> {
  const { store, config } = deps;
  await store.appendResult(result, config.store.resultsPerProbe);
  const prev = (await store.getProbeStates()).get(probe.id) ?? initialProbeState(probe.id, result.at);
  const next = applyResult(prev, result, {
    failureThreshold: probe.failureThreshold ?? config.engine.failureThreshold,
    successThreshold: probe.successThreshold ?? config.engine.successThreshold,
  });
  await store.setProbeState(next);
  await reevaluate(deps);
}
