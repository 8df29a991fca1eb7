import { performance } from 'node:perf_hooks';
import type { NoticesProbeConfig } from '../config/notices-schema.ts';
import { inlineParser } from '../workers/parse-runner.ts';
import { classifyError } from './errors.ts';
import { elapsedSince, fetchBounded } from './fetch-bounded.ts';
import type { Prober } from './types.ts';

export { sniffFormat, type BodyFormat } from '../notices/extract/page.ts';

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8';

/**
 * Fetches a notice page or feed under the HTTP probe's bounds and extracts its items.
 * An unreachable source gets the HTTP reasons (timeout, dns, http_status, …); a reachable one
 * whose structure no longer fits (or is nested like an attack) gets `parse_error`; parsing that
 * outlasts the rest of the timeout gets `timeout`; otherwise `ok` with the (maybe empty) items.
 * Parsing runs on `ctx.parser` (worker threads in the service). Relative links resolve against
 * the final URL after redirects. Never throws.
 */
export const noticesProber: Prober<NoticesProbeConfig> = async (probe, ctx) => {
  const started = performance.now();
  const check = probe.notices;
  try {
    const page = await fetchBounded(
      { url: check.url, timeout: probe.timeout, connectTimeout: check.connectTimeout, maxBodyBytes: check.maxBodyBytes, headers: { accept: ACCEPT } },
      ctx,
    );
    if (!page.ok) return page.outcome;
    const input = { check, body: page.body, contentType: page.contentType, baseUrl: page.finalUrl };
    // Parsing gets what is left of the probe's budget, so fetch plus parse stay within the timeout.
    const parsed = await (ctx.parser ?? inlineParser).run({ op: 'extract', input }, probe.timeout - elapsedSince(started));
    const base = { degraded: false, httpStatus: page.status, durationMs: elapsedSince(started) };
    if (!parsed.ok) return { ...base, ok: false, reason: parsed.reason, detail: parsed.detail };
    const result = parsed.value;
    return result.ok
      ? { ...base, ok: true, reason: 'ok', notices: result.items }
      : { ...base, ok: false, reason: 'parse_error', detail: result.detail };
  } catch (err) {
    return { ok: false, degraded: false, reason: 'internal_error', detail: classifyError(err).detail, durationMs: elapsedSince(started) };
  }
};
