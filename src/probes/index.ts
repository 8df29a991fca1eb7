import { performance } from 'node:perf_hooks';
import type { ProbeConfig, ProbeKind } from '../config/schema.ts';
import type { ProbeOutcome } from '../domain/types.ts';
import { classifyError } from './errors.ts';
import { elapsedSince } from './fetch-bounded.ts';
import { httpProber } from './http.ts';
import { noticesProber } from './notices.ts';
import type { ProbeContext, Prober } from './types.ts';

/** The one place a probe kind is mapped to its prober. */
export const probers: { [K in ProbeKind]: Prober<Extract<ProbeConfig, { kind: K }>> } = {
  http: httpProber,
  notices: noticesProber,
};

/**
 * Runs a probe with the prober for its kind under a hard wall-clock deadline of its timeout:
 * when it passes, the prober's signal is aborted and a `timeout` outcome is returned at once,
 * even if the prober never settles, so the fire (and its scheduler slot) ends on time. The
 * deadline is our own referenced timer, not undici's per-gap timeouts or AbortSignal.timeout
 * (which Node 20 can lose to GC inside AbortSignal.any). A prober that throws yields `internal_error`.
 */
export async function runProbe(probe: ProbeConfig, ctx: ProbeContext): Promise<ProbeOutcome> {
  const started = performance.now();
  const own = new AbortController();
  const onShutdown = (): void => own.abort(ctx.signal.reason);
  if (ctx.signal.aborted) onShutdown();
  else ctx.signal.addEventListener('abort', onShutdown, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProbeOutcome>((resolve) => {
    timer = setTimeout(() => {
      own.abort(new DOMException('probe deadline passed', 'TimeoutError'));
      resolve({ ok: false, degraded: false, reason: 'timeout', detail: `no result within ${probe.timeout} ms`, durationMs: elapsedSince(started) });
    }, probe.timeout);
  });
  try {
    // The mapped type cannot correlate `probe.kind` with its prober, hence the widening cast.
    const prober = probers[probe.kind] as Prober;
    const running = Promise.resolve()
      .then(() => prober(probe, { ...ctx, signal: own.signal }))
      .catch((err: unknown): ProbeOutcome => ({
        ok: false,
        degraded: false,
        reason: 'internal_error',
        detail: classifyError(err).detail,
        durationMs: elapsedSince(started),
      }));
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onShutdown);
  }
}
