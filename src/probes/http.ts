import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { rootCertificates } from 'node:tls';
import { Agent, request, type Dispatcher } from 'undici';
import type { HttpCheck, ProbeConfig } from '../config/schema.ts';
import type { ProbeOutcome, ProbeReason } from '../domain/types.ts';
import { classifyError } from './errors.ts';
import { checkBody, needsBody, readCapped } from './http-body.ts';
import { buildCertCapturingConnector } from './tls-connector.ts';
import type { ProbeContext, Prober } from './types.ts';

/** The config of one `http` probe. */
export type HttpProbe = Extract<ProbeConfig, { kind: 'http' }>;

const MAX_CONNECT_TIMEOUT_MS = 10_000;
/** Intermediate redirect bodies are read up to this much (to keep the connection) and then dropped. */
const REDIRECT_DRAIN_BYTES = 64 * 1024;
const DAY_MS = 86_400_000;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Dropped on a cross-origin redirect so configured secrets never reach another host. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Whether a status code matches any of `expectStatus` (codes or classes like `2xx`). */
export function statusMatches(status: number, patterns: HttpCheck['expectStatus']): boolean {
  return patterns.some((p) => (typeof p === 'number' ? p === status : Math.floor(status / 100) === Number(p[0])));
}

interface Failure {
  reason: ProbeReason;
  detail: string;
}

type FinalResponse = { url: URL; res: Dispatcher.ResponseData } | { url: URL; status: number; failure: Failure };

function requestHeaders(configured: Record<string, string>, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent };
  // Lower-cased so a configured User-Agent replaces ours instead of being sent twice.
  for (const [k, v] of Object.entries(configured)) headers[k.toLowerCase()] = v;
  return headers;
}

function resolveLocation(location: string, base: URL): URL | null {
  try {
    const next = new URL(location, base);
    next.hash = '';
    return next.protocol === 'http:' || next.protocol === 'https:' ? next : null;
  } catch {
    return null;
  }
}

/** Sends the request and follows redirects by hand, so loops and the hop cap get their own reasons. */
async function fetchFinal(http: HttpCheck, ctx: ProbeContext, dispatcher: Dispatcher, signal: AbortSignal): Promise<FinalResponse> {
  let url = new URL(http.url);
  url.hash = '';
  let method: string = http.method;
  let body = http.method === 'POST' ? http.body : undefined;
  let headers = requestHeaders(http.headers, ctx.userAgent);
  const visited = new Set([url.href]);
  for (let redirects = 0; ; redirects++) {
    const res = await request(url, { dispatcher, method: method as Dispatcher.HttpMethod, headers, body, signal });
    const location = res.headers.location;
    if (!http.followRedirects || !REDIRECT_STATUSES.has(res.statusCode) || typeof location !== 'string') {
      return { url, res };
    }
    // A failed drain only loses keep-alive; the next request surfaces any real problem.
    await res.body.dump({ limit: REDIRECT_DRAIN_BYTES }).catch(() => undefined);
    const status = res.statusCode;
    const next = resolveLocation(location, url);
    if (!next) return { url, status, failure: { reason: 'http_status', detail: `status ${status} with unusable Location` } };
    if (visited.has(next.href)) {
      return { url, status, failure: { reason: 'redirect_loop', detail: `redirect loop after ${redirects + 1} redirects` } };
    }
    if (redirects + 1 > http.maxRedirects) {
      return { url, status, failure: { reason: 'too_many_redirects', detail: `more than ${http.maxRedirects} redirects` } };
    }
    visited.add(next.href);
    // Same method rewriting as browsers: 303 always, 301/302 only for POST.
    if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.includes(k)));
    }
    url = next;
  }
}

/** Drops a body we will not read; the listener keeps undici's abort error from going uncaught. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Checks status, size and body of the final response; null when all pass. */
async function checkResponse(http: HttpCheck, res: Dispatcher.ResponseData): Promise<Failure | null> {
  if (!statusMatches(res.statusCode, http.expectStatus)) {
    discard(res.body);
    return { reason: 'http_status', detail: `status ${res.statusCode}` };
  }
  const declared = res.headers['content-length'];
  if (typeof declared === 'string' && Number(declared) > http.maxBodyBytes) {
    discard(res.body);
    return { reason: 'too_large', detail: `content-length ${declared} > ${http.maxBodyBytes}` };
  }
  const read = await readCapped(res.body, http.maxBodyBytes, needsBody(http));
  if (read.tooLarge) return { reason: 'too_large', detail: `body over ${http.maxBodyBytes} bytes` };
  return read.text === null ? null : checkBody(http, read.text);
}

interface OwnDispatcher {
  dispatcher: Dispatcher;
  certExpiry: ReadonlyMap<string, number>;
  close: () => Promise<void>;
}

/** One Agent per run: timeouts from this probe, its CA, and a connector that sees the peer certificate. */
async function createDispatcher(probe: HttpProbe): Promise<OwnDispatcher> {
  const { http } = probe;
  const ca = http.tls.caFile ? [...rootCertificates, await readFile(http.tls.caFile, 'utf8')] : undefined;
  const { connect, certExpiry } = buildCertCapturingConnector({
    timeout: http.connectTimeout ?? Math.min(probe.timeout, MAX_CONNECT_TIMEOUT_MS),
    // Each run should see a full handshake, as a first-time visitor would.
    maxCachedSessions: 0,
    ...(ca ? { ca } : {}),
  });
  const agent = new Agent({ connect, headersTimeout: probe.timeout, bodyTimeout: probe.timeout });
  return { dispatcher: agent, certExpiry, close: () => agent.destroy().catch(() => undefined) };
}

function daysLeft(url: URL, certExpiry: ReadonlyMap<string, number>, now: number): number | undefined {
  const expiry = url.protocol === 'https:' ? certExpiry.get(url.host) : undefined;
  return expiry === undefined ? undefined : Math.floor((expiry - now) / DAY_MS);
}

/** Rounded to 10 µs: finer digits are noise. */
function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
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
  let httpStatus: number | undefined;
  const fail = (f: Failure): ProbeOutcome => ({
    ok: false,
    degraded: false,
    ...f,
    durationMs: elapsedSince(started),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(tlsDaysLeft !== undefined ? { tlsDaysLeft } : {}),
  });
  try {
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(probe.timeout)]);
    const { dispatcher, certExpiry } = ctx.dispatcher
      ? { dispatcher: ctx.dispatcher, certExpiry: new Map<string, number>() }
      : (own = await createDispatcher(probe));
    const final = await fetchFinal(http, ctx, dispatcher, signal);
    tlsDaysLeft = daysLeft(final.url, certExpiry, ctx.clock.now());
    httpStatus = 'res' in final ? final.res.statusCode : final.status;
    const failure = 'res' in final ? await checkResponse(http, final.res) : final.failure;
    if (failure) return fail(failure);
    const durationMs = elapsedSince(started);
    const ok = { ok: true, httpStatus, durationMs, ...(tlsDaysLeft !== undefined ? { tlsDaysLeft } : {}) };
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
    await own?.close();
  }
};
