import { runProbe } from '../probes/index.ts';
import type { ProbeConfig } from '../config/schema.ts';
import type { PipelineDeps } from './context.ts';
import { recordResult } from './record-result.ts';

/** Runs a probe for one scheduled fire and feeds its result down the pipeline. */
export async function runProbeFire(deps: PipelineDeps, probe: ProbeConfig, fireAt: number, shutdown: AbortSignal): Promise<void> {
  const outcome = await runProbe(probe, {
    signal: shutdown,
    userAgent: deps.config.scheduler.userAgent,
    clock: deps.clock,
  });
  const result = { ...outcome, probeId: probe.id, component: probe.component ?? null, at: fireAt };
  deps.observer?.probeFinished(probe, result);
  if (outcome.reason === 'parse_error') deps.observer?.noticeParseFailed(probe.id);
  await recordResult(deps, probe, result);
  deps.logger.debug({ probe: probe.id, ok: outcome.ok, reason: outcome.reason, ms: Math.round(outcome.durationMs) }, 'probe fired');
}
