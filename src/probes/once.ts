import type { Config } from '../config/schema.ts';
import type { ProbeOutcome } from '../domain/types.ts';
import { runProbe } from './index.ts';
import type { ProbeContext } from './types.ts';

/** A one-off run's outcome with the probe it belongs to. */
export type OneOffResult = { probe: string; kind: string; component: string | null } & ProbeOutcome;

/**
 * Runs one configured probe once, as the scheduler would, for an operator checking it by hand
 * (`ikp-status probe` and the console's "run now"). Nothing is stored and no metric is touched.
 * Null when no probe has that id.
 */
export async function runProbeOnce(config: Config, probeId: string, ctx: Omit<ProbeContext, 'userAgent'>): Promise<OneOffResult | null> {
  const probe = config.probes.find((p) => p.id === probeId);
  if (!probe) return null;
  const outcome = await runProbe(probe, { ...ctx, userAgent: config.scheduler.userAgent });
  return { probe: probe.id, kind: probe.kind, component: probe.component ?? null, ...outcome };
}
