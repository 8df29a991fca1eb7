import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { rootCertificates } from 'node:tls';
import { Agent, request, type Dispatcher } from 'undici';
import type { ProbeOutcome } from '../domain/types.ts';
import { classifyError, type ClassifiedError } from './errors.ts';
import { readCapped } from './http-body.ts';
import { buildCertCapturingConnector, type ConnectPhases } from './tls-connector.ts';
import type { ProbeContext } from './types.ts';

const MAX_CONNECT_TIMEOUT_MS = 10_000;
/** Intermediate redirect bodies are read up to this much (to keep the connection) and then dropped. */
const REDIRECT_DRAIN_BYTES = 64 * 1024;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Dropped on a cross-origin redirect so configured secrets never reach another host. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const DEFAULT_MAX_REDIRECTS = 5;

/** What to send and whether to follow redirects (structurally a subset of HttpCheck). */
export interface RequestSpec {
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  headers: Record<string, string>;
  body?: string | undefined;
  followRedirects: boolean;
  maxRedirects: number;
}

/** The last response of a redirect chain, or why the chain was cut short. */
export type FinalResponse = { url: URL; res: Dispatcher.ResponseData } | { url: URL; status: number; failure: ClassifiedError };

function requestHeaders(configured: Record<string, string>, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent };
  // Lower-cased so a configured User-Agent replaces ours instead of being sent twice.
  for (const [k, v] of Object.entries(configured)) headers[k.toLowerCase()] = v;
  return headers;
}

/** A redirect target as an http(s) URL without its fragment, or null when it is not one. */
export function resolveLocation(location: string, base: URL): URL | null {
  try {
    const next = new URL(location, base);
    next.hash = '';
    return next.protocol === 'http:' || next.protocol === 'https:' ? next : null;
  } catch {
    return null;
  }
}

/** Sends the request and follows redirects by hand, so loops and the hop cap get their own reasons. */
export async function fetchFinal(spec: RequestSpec, userAgent: string, dispatcher: Dispatcher, signal: AbortSignal): Promise<FinalResponse> {
  let url = new URL(spec.url);
  url.hash = '';
  let method: string = spec.method;
  let body = spec.method === 'POST' ? spec.body : undefined;
  let headers = requestHeaders(spec.headers, userAgent);
  const visited = new Set([url.href]);
  for (let redirects = 0; ; redirects++) {
    const res = await request(url, { dispatcher, method: method as Dispatcher.HttpMethod, headers, body, signal });
    const location = res.headers.location;
    if (!spec.followRedirects || !REDIRECT_STATUSES.has(res.statusCode) || typeof location !== 'string') {
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
    if (redirects + 1 > spec.maxRedirects) {
      return { url, status, failure: { reason: 'too_many_redirects', detail: `more than ${spec.maxRedirects} redirects` } };
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
export function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Reads the body under `maxBytes`, refusing early on an oversized Content-Length; text is null when not kept. */
export async function readBounded(
  res: Dispatcher.ResponseData,
  maxBytes: number,
  keep: boolean,
): Promise<{ ok: true; text: string | null } | { ok: false; failure: ClassifiedError }> {
  const declared = res.headers['content-length'];
  if (typeof declared === 'string' && Number(declared) > maxBytes) {
    discard(res.body);
    return { ok: false, failure: { reason: 'too_large', detail: `content-length ${declared} > ${maxBytes}` } };
  }
  const read = await readCapped(res.body, maxBytes, keep);
  if (read.tooLarge) return { ok: false, failure: { reason: 'too_large', detail: `body over ${maxBytes} bytes` } };
  return { ok: true, text: read.text };
}

/** A per-run undici Agent plus the certificate expiries its connector saw. */
export interface OwnDispatcher {
  dispatcher: Dispatcher;
  certExpiry: ReadonlyMap<string, number>;
  /** DNS, TCP and TLS time of the run's connections so far. */
  phases: Readonly<ConnectPhases>;
  /**
   * Ends the run's connections. `graceful` (the run read its answers to the end): close the idle
   * sockets; otherwise, or when that takes longer than GRACEFUL_CLOSE_MS, destroy them. Destroying
   * builds an error with a stack trace per socket, which under source maps costs more than the
   * rest of a successful run.
   */
  close: (graceful?: boolean) => Promise<void>;
}

/** How long a graceful close may take before the sockets are destroyed. */
const GRACEFUL_CLOSE_MS = 250;

async function closeAgent(agent: Agent, graceful: boolean): Promise<void> {
  if (graceful) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), GRACEFUL_CLOSE_MS)));
    const closed = await Promise.race([agent.close().then(() => true, () => false), late]);
    clearTimeout(timer);
    if (closed) return;
  }
  await agent.destroy().catch(() => undefined);
}

/** Timeouts and trust for one run's Agent. */
export interface DispatcherOptions {
  timeout: number;
  connectTimeout?: number | undefined;
  caFile?: string | undefined;
}

/** One Agent per run: timeouts from the probe, its CA, and a connector that sees the peer certificate. */
export async function createDispatcher(opts: DispatcherOptions): Promise<OwnDispatcher> {
  const ca = opts.caFile ? [...rootCertificates, await readFile(opts.caFile, 'utf8')] : undefined;
  const { connect, certExpiry, phases } = buildCertCapturingConnector({
    timeout: opts.connectTimeout ?? Math.min(opts.timeout, MAX_CONNECT_TIMEOUT_MS),
    // Each run should see a full handshake, as a first-time visitor would.
    maxCachedSessions: 0,
    ...(ca ? { ca } : {}),
  });
  const agent = new Agent({ connect, headersTimeout: opts.timeout, bodyTimeout: opts.timeout });
  return { dispatcher: agent, certExpiry, phases, close: (graceful = false) => closeAgent(agent, graceful) };
}

/** Milliseconds since `started` (a performance.now() value), rounded to 10 µs: finer digits are noise. */
export function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** Options of `fetchBounded`: a GET with the HTTP probe's bounds. */
export interface BoundedFetchOptions {
  url: string;
  /** Overall budget in ms (connect, headers and body). */
  timeout: number;
  connectTimeout?: number | undefined;
  maxBodyBytes: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
}

/** A 2xx body as text (decoded as UTF-8), or a ready failure outcome with a typed reason. */
export type BoundedFetchResult =
  | { ok: true; status: number; body: string; contentType: string | null; finalUrl: string; durationMs: number }
  | { ok: false; outcome: ProbeOutcome };

/**
 * GETs a page under the same bounds as the HTTP probe (timeouts, redirect cap, body cap,
 * User-Agent) and expects a 2xx. Never throws: failures come back as an outcome.
 */
export async function fetchBounded(opts: BoundedFetchOptions, ctx: ProbeContext): Promise<BoundedFetchResult> {
  const started = performance.now();
  let own: OwnDispatcher | undefined;
  let httpStatus: number | undefined;
  const fail = (f: ClassifiedError): BoundedFetchResult => ({
    ok: false,
    outcome: { ok: false, degraded: false, ...f, durationMs: elapsedSince(started), ...(httpStatus !== undefined ? { httpStatus } : {}) },
  });
  try {
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(opts.timeout)]);
    const dispatcher = ctx.dispatcher ?? (own = await createDispatcher(opts)).dispatcher;
    const spec: RequestSpec = {
      url: opts.url,
      method: 'GET',
      headers: opts.headers ?? {},
      followRedirects: true,
      maxRedirects: opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    };
    const final = await fetchFinal(spec, ctx.userAgent, dispatcher, signal);
    if (!('res' in final)) {
      httpStatus = final.status;
      return fail(final.failure);
    }
    const { res } = final;
    httpStatus = res.statusCode;
    if (res.statusCode < 200 || res.statusCode > 299) {
      discard(res.body);
      return fail({ reason: 'http_status', detail: `status ${res.statusCode}` });
    }
    const read = await readBounded(res, opts.maxBodyBytes, true);
    if (!read.ok) return fail(read.failure);
    const type = res.headers['content-type'];
    return {
      ok: true,
      status: res.statusCode,
      body: read.text ?? '',
      contentType: typeof type === 'string' ? type : null,
      finalUrl: final.url.href,
      durationMs: elapsedSince(started),
    };
  } catch (err) {
    return fail(ctx.signal.aborted ? { reason: 'timeout', detail: 'aborted' } : classifyError(err));
  } finally {
    await own?.close();
  }
}
