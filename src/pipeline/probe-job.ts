import { runProbe } from '../probes/index.ts';
import type { ProbeConfig } from '../config/schema.ts';
import type { PipelineDeps } from './context.ts';
import { applyNotices } from './notices.ts';
import { recordResult } from './record-result.ts';

/** Runs a probe for one scheduled fire and feeds its result down the pipeline. */
export async function runProbeFire(deps: PipelineDeps, probe: ProbeConfig, fireAt: number, shutdown: AbortSignal): Promise<void> {
  const outcome = await runProbe(probe, {
    signal: shutdown,
    userAgent: deps.config.scheduler.userAgent,
    clock: deps.clock,
    parser: deps.parser,
  });
  // Notice items live on as window evidence; the result history keeps only the verdict.
  const { notices, ...verdict } = outcome;
  const result = { ...verdict, probeId: probe.id, component: probe.component ?? null, at: fireAt };
  deps.observer?.probeFinished(probe, result);
  if (outcome.reason === 'parse_error') deps.observer?.noticeParseFailed(probe.id);
  // Windows first, so the re-evaluation in recordResult already sees them.
  if (probe.kind === 'notices' && outcome.ok) await applyNotices(deps, probe, notices ?? [], fireAt);
  await recordResult(deps, probe, result);
  deps.logger.debug({ probe: probe.id, ok: outcome.ok, reason: outcome.reason, ms: Math.round(outcome.durationMs) }, 'probe fired');
}
