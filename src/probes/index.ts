import { performance } from 'node:perf_hooks';
import type { ProbeConfig, ProbeKind } from '../config/schema.ts';
import type { ProbeOutcome } from '../domain/types.ts';
import { classifyError } from './errors.ts';
import { httpProber } from './http.ts';
import { journeyProber } from './journey.ts';
import { noticesProber } from './notices.ts';
import type { ProbeContext, Prober } from './types.ts';

/** The one place a probe kind is mapped to its prober. */
export const probers: { [K in ProbeKind]: Prober<Extract<ProbeConfig, { kind: K }>> } = {
  http: httpProber,
  notices: noticesProber,
  journey: journeyProber,
};

/** Runs a probe with the prober for its kind; a prober that throws yields an `internal_error` outcome. */
export async function runProbe(probe: ProbeConfig, ctx: ProbeContext): Promise<ProbeOutcome> {
  const started = performance.now();
  try {
    // The mapped type cannot correlate `probe.kind` with its prober, hence the widening cast.
    const prober = probers[probe.kind] as Prober;
    return await prober(probe, ctx);
  } catch (err) {
    return { ok: false, degraded: false, reason: 'internal_error', detail: classifyError(err).detail, durationMs: performance.now() - started };
  }
}
