import type { Dispatcher } from 'undici';
import { classifyError, type ClassifiedError } from '../errors.ts';
import { discard, fetchFinal, readBounded, resolveLocation } from '../fetch-bounded.ts';
import type { RunCookies } from './cookies.ts';

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const REDIRECT_DRAIN_BYTES = 64 * 1024;
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

/** One navigation: a link or a form submission. */
export interface NavRequest {
  url: URL;
  method: 'GET' | 'POST';
  /** Form-encoded body for POST. */
  body?: string;
}

/** Limits shared with the HTTP probe: the same redirect cap and a body cap. */
export interface NavLimits {
  maxRedirects: number;
  maxBodyBytes: number;
  userAgent: string;
  dispatcher: Dispatcher;
  signal: AbortSignal;
}

/** Where a navigation ended: the final page, or why it was cut short (with the last status seen). */
export type NavResult =
  | { ok: true; url: URL; status: number; html: string; headers: Record<string, string | string[] | undefined> }
  | { ok: false; url: URL; status: number | null; failure: ClassifiedError };


/**
 * Follows redirects by hand, one hop at a time through the HTTP probe's `fetchFinal`, so that
 * every hop's Set-Cookie lands in the run's jar and every hop sends only its own host's cookies.
 * Caps and loop detection match the HTTP probe. A network error comes back with the URL it hit;
 * only an aborted signal (a budget) throws.
 */
export async function navigate(req: NavRequest, cookies: RunCookies, limits: NavLimits): Promise<NavResult> {
  let url = new URL(req.url);
  url.hash = '';
  let method = req.method;
  let body = req.method === 'POST' ? req.body : undefined;
  const visited = new Set([url.href]);
  for (let redirects = 0; ; redirects++) {
    const headers: Record<string, string> = { accept: ACCEPT, 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.5' };
    const cookie = await cookies.header(url);
    if (cookie !== undefined) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const spec = { url: url.href, method, headers, body, followRedirects: false, maxRedirects: 0 };
    let final;
    try {
      final = await fetchFinal(spec, limits.userAgent, limits.dispatcher, limits.signal);
    } catch (err) {
      // Budgets are the caller's to report; a network error is this hop's, so keep its URL.
      if (limits.signal.aborted) throw err;
      return { ok: false, url, status: null, failure: classifyError(err) };
    }
    if (!('res' in final)) return { ok: false, url, status: final.status, failure: final.failure };
    const { res } = final;
    await cookies.store(url, res.headers['set-cookie']);
    const location = res.headers.location;
    if (!REDIRECT_STATUSES.has(res.statusCode) || typeof location !== 'string') {
      const read = await readBounded(res, limits.maxBodyBytes, true);
      if (!read.ok) return { ok: false, url, status: res.statusCode, failure: read.failure };
      return { ok: true, url, status: res.statusCode, html: read.text ?? '', headers: res.headers };
    }
    await res.body.dump({ limit: REDIRECT_DRAIN_BYTES }).catch(() => discard(res.body));
    const status = res.statusCode;
    const next = resolveLocation(location, url);
    if (!next) return { ok: false, url, status, failure: { reason: 'http_status', detail: `status ${status} with unusable Location` } };
    if (visited.has(next.href)) return { ok: false, url, status, failure: { reason: 'redirect_loop', detail: `after ${redirects + 1} redirects` } };
    if (redirects + 1 > limits.maxRedirects) return { ok: false, url, status, failure: { reason: 'too_many_redirects', detail: `more than ${limits.maxRedirects}` } };
    visited.add(next.href);
    if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    url = next;
  }
}

/** A URL as reported: scheme, host and path only, since tokens (urlt, SAMLRequest) travel in the query. */
export function reportUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
