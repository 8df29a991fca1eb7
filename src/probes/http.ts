import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { HttpCheck, ProbeConfig } from '../config/schema.ts';
import type { HttpPhases, ProbeOutcome } from '../domain/types.ts';
import { classifyError, type ClassifiedError } from './errors.ts';
import { createDispatcher, discard, elapsedSince, fetchFinal, readBounded, type OwnDispatcher } from './fetch-bounded.ts';
import { checkBody, needsBody } from './http-body.ts';
import type { ConnectPhases } from './tls-connector.ts';
import type { Prober } from './types.ts';

/** The config of one `http` probe. */
export type HttpProbe = Extract<ProbeConfig, { kind: 'http' }>;

const DAY_MS = 86_400_000;

/** Whether a status code matches any of `expectStatus` (codes or classes like `2xx`). */
export function statusMatches(status: number, patterns: HttpCheck['expectStatus']): boolean {
  return patterns.some((p) => (typeof p === 'number' ? p === status : Math.floor(status / 100) === Number(p[0])));
}

/** Checks status, size and body of the final response; null when all pass. */
async function checkResponse(http: HttpCheck, res: Dispatcher.ResponseData): Promise<ClassifiedError | null> {
  if (!statusMatches(res.statusCode, http.expectStatus)) {
    discard(res.body);
    return { reason: 'http_status', detail: `status ${res.statusCode}` };
  }
  const read = await readBounded(res, http.maxBodyBytes, needsBody(http));
  if (!read.ok) return read.failure;
  return read.text === null ? null : checkBody(http, read.text);
}

function daysLeft(url: URL, certExpiry: ReadonlyMap<string, number>, now: number): number | undefined {
  const expiry = url.protocol === 'https:' ? certExpiry.get(url.host) : undefined;
  return expiry === undefined ? undefined : Math.floor((expiry - now) / DAY_MS);
}

/** The run's phases: connection phases as the connector saw them; processing is the rest of the wait for headers. */
function splitPhases(conn: Readonly<ConnectPhases>, untilHeaders: number, transfer: number): HttpPhases {
  const round = (ms: number): number => Math.round(Math.max(0, ms) * 100) / 100;
  return {
    resolve: round(conn.resolve),
    connect: round(conn.connect),
    tls: round(conn.tls),
    processing: round(untilHeaders - conn.resolve - conn.connect - conn.tls),
    transfer: round(transfer),
  };
}

/**
 * Probes one HTTP(S) endpoint: redirects, status, body size, body/JSON conditions,
 * latency and certificate expiry. Never throws. With `ctx.dispatcher` set, that
 * dispatcher is used as-is, so `tls.caFile` and `tlsDaysLeft` are not available.
 */
export const httpProber: Prober<HttpProbe> = async (probe, ctx) => {
  const started = performance.now();
  const { http } = probe;
  let own: OwnDispatcher | undefined;
  let tlsDaysLeft: number | undefined;
  let tlsNotAfter: number | undefined;
  let httpStatus: number | undefined;
  // Set once the answer was read through: its connection then closes without being destroyed.
  let graceful = false;
  const fail = (f: ClassifiedError): ProbeOutcome => ({
    ok: false,
    degraded: false,
    ...f,
    durationMs: elapsedSince(started),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(tlsDaysLeft !== undefined ? { tlsDaysLeft } : {}),
    ...(tlsNotAfter !== undefined ? { tlsNotAfter } : {}),
  });
  try {
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(probe.timeout)]);
    const { dispatcher, certExpiry } = ctx.dispatcher
      ? { dispatcher: ctx.dispatcher, certExpiry: new Map<string, number>() }
      : (own = await createDispatcher({ timeout: probe.timeout, connectTimeout: http.connectTimeout, caFile: http.tls.caFile }));
    const final = await fetchFinal(http, ctx.userAgent, dispatcher, signal);
    const headersAt = performance.now();
    tlsDaysLeft = daysLeft(final.url, certExpiry, ctx.clock.now());
    tlsNotAfter = final.url.protocol === 'https:' ? certExpiry.get(final.url.host) : undefined;
    httpStatus = 'res' in final ? final.res.statusCode : final.status;
    const failure = 'res' in final ? await checkResponse(http, final.res) : final.failure;
    if (failure) return fail(failure);
    graceful = true;
    const durationMs = elapsedSince(started);
    const phases = own ? splitPhases(own.phases, headersAt - started, performance.now() - headersAt) : undefined;
    const ok = {
      ok: true,
      httpStatus,
      durationMs,
      ...(tlsDaysLeft !== undefined ? { tlsDaysLeft } : {}),
      ...(tlsNotAfter !== undefined ? { tlsNotAfter } : {}),
      ...(phases ? { phases } : {}),
    };
    // Expiry wins over slowness: it is persistent and needs action, while slowness comes and goes.
    if (tlsDaysLeft !== undefined && tlsDaysLeft < http.tls.minDaysLeft) {
      return { ...ok, degraded: true, reason: 'tls_expiring', detail: `certificate expires in ${tlsDaysLeft} days` };
    }
    if (http.degradedAfter !== undefined && durationMs > http.degradedAfter) {
      return { ...ok, degraded: true, reason: 'slow', detail: `took ${Math.round(durationMs)} ms > ${http.degradedAfter} ms` };
    }
    return { ...ok, degraded: false, reason: 'ok' };
  } catch (err) {
    return fail(ctx.signal.aborted ? { reason: 'timeout', detail: 'aborted' } : classifyError(err));
  } finally {
    await own?.close(graceful);
  }
};
