import type { ProbeOutcome } from '../domain/types.ts';
import type { PipelineObserver } from '../pipeline/context.ts';
import type { Metrics } from './definitions.ts';

/** The `result` label of `ikpstatus_probe_runs_total`. */
export function probeResultLabel(outcome: Pick<ProbeOutcome, 'ok' | 'degraded'>): 'ok' | 'degraded' | 'failed' {
  if (!outcome.ok) return 'failed';
  return outcome.degraded ? 'degraded' : 'ok';
}

/** Turns pipeline events into this replica's probe and notice metrics. */
export function metricsObserver(metrics: Metrics): PipelineObserver {
  return {
    probeFinished(probe, result) {
      metrics.probeDuration.observe({ probe: probe.id }, result.durationMs / 1000);
      metrics.probeRuns.inc({ probe: probe.id, result: probeResultLabel(result), reason: result.reason });
      if (probe.kind === 'http') metrics.probeHttpStatus.set({ probe: probe.id }, result.httpStatus ?? 0);
      for (const [phase, ms] of Object.entries(result.phases ?? {})) metrics.probeHttpPhases.set({ probe: probe.id, phase }, ms / 1000);
      if (result.tlsNotAfter !== undefined) metrics.probeSslExpiry.set({ probe: probe.id }, Math.floor(result.tlsNotAfter / 1000));
    },
    componentsEvaluated(count) {
      metrics.componentEvaluations.inc(count);
    },
    noticeParseFailed(source) {
      metrics.noticeParseFailures.inc({ source });
    },
    journeySteps(probe, steps) {
      if (probe.kind !== 'journey') return;
      for (const s of steps) {
        metrics.journeyStepDuration.observe({ probe: probe.id, step: s.id }, s.durationMs / 1000);
        metrics.journeyStepSuccess.set({ probe: probe.id, step: s.id }, s.ok ? 1 : 0);
      }
      // Only configured step ids become labels, so the series stay bounded; steps not reached have no verdict.
      const ran = new Set(steps.map((s) => s.id));
      for (const step of probe.journey.steps) if (!ran.has(step.id)) metrics.journeyStepSuccess.remove({ probe: probe.id, step: step.id });
    },
  };
}
