import { performance } from 'node:perf_hooks';
import type { NoticesCheck, NoticesProbeConfig } from '../config/notices-schema.ts';
import { extractFeed, type FeedKind } from '../notices/extract/feed.ts';
import { extractHtml } from '../notices/extract/html.ts';
import type { ExtractResult } from '../notices/extract/index.ts';
import { classifyError } from './errors.ts';
import { elapsedSince, fetchBounded } from './fetch-bounded.ts';
import type { Prober } from './types.ts';

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8';

/** How a body will be read; `feed` means RSS or Atom, whichever the root element says. */
export type BodyFormat = 'html' | FeedKind | 'feed';

/** The configured format, else the Content-Type, else the document's first element. */
export function sniffFormat(format: NoticesCheck['format'], contentType: string | null, body: string): BodyFormat {
  if (format !== 'auto') return format;
  const type = (contentType ?? '').toLowerCase();
  // Checked in this order because application/xhtml+xml and application/rss+xml also contain "xml".
  if (type.includes('html')) return 'html';
  if (type.includes('rss')) return 'rss';
  if (type.includes('atom')) return 'atom';
  if (type.includes('xml')) return 'feed';
  return /^\uFEFF?\s*<(\?xml|rss[\s>]|feed[\s>])/i.test(body) ? 'feed' : 'html';
}

function extract(check: NoticesCheck, body: string, contentType: string | null, baseUrl: string): ExtractResult {
  const format = sniffFormat(check.format, contentType, body);
  const limits = { allowEmpty: check.allowEmpty, maxItems: check.maxItems };
  if (format !== 'html') return extractFeed(body, baseUrl, { ...limits, expect: format === 'feed' ? undefined : format });
  if (!check.selectors) return { ok: false, detail: 'page is HTML but no selectors are configured' };
  return extractHtml(body, baseUrl, { ...limits, selectors: check.selectors, expectContainer: check.expectContainer });
}

/**
 * Fetches a notice page or feed under the HTTP probe's bounds and extracts its items.
 * An unreachable source gets the HTTP reasons (timeout, dns, http_status, …); a reachable one
 * whose structure no longer fits gets `parse_error`; otherwise `ok` with the (maybe empty)
 * items. Relative links resolve against the final URL after redirects. Never throws.
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
    const result = extract(check, page.body, page.contentType, page.finalUrl);
    const base = { degraded: false, httpStatus: page.status, durationMs: elapsedSince(started) };
    return result.ok
      ? { ...base, ok: true, reason: 'ok', notices: result.items }
      : { ...base, ok: false, reason: 'parse_error', detail: result.detail };
  } catch (err) {
    return { ok: false, degraded: false, reason: 'internal_error', detail: classifyError(err).detail, durationMs: elapsedSince(started) };
  }
};
