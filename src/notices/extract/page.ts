import type { NoticesCheck } from '../../config/notices-schema.ts';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './depth.ts';
import { extractFeed, type FeedKind } from './feed.ts';
import { extractHtml } from './html.ts';
import type { ExtractResult } from './index.ts';

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

/** One fetched notice page or feed and how to read it (plain data, so it can cross to a worker thread). */
export interface PageInput {
  check: Pick<NoticesCheck, 'format' | 'selectors' | 'allowEmpty' | 'maxItems' | 'expectContainer'>;
  body: string;
  contentType: string | null;
  baseUrl: string;
}

/**
 * Reads the notice items of a page or feed. A document nested deeper than any real page is
 * refused before it is parsed, since DOM building and cheerio's walks are superlinear in depth.
 */
export function extractPage({ check, body, contentType, baseUrl }: PageInput): ExtractResult {
  const format = sniffFormat(check.format, contentType, body);
  if (nestsDeeperThan(body, MAX_NESTING_DEPTH, format !== 'html')) {
    return { ok: false, detail: `document nests deeper than ${MAX_NESTING_DEPTH} levels` };
  }
  const limits = { allowEmpty: check.allowEmpty, maxItems: check.maxItems };
  if (format !== 'html') return extractFeed(body, baseUrl, { ...limits, expect: format === 'feed' ? undefined : format });
  if (!check.selectors) return { ok: false, detail: 'page is HTML but no selectors are configured' };
  return extractHtml(body, baseUrl, { ...limits, selectors: check.selectors, expectContainer: check.expectContainer });
}
