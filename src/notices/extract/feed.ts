import { load, type CheerioAPI } from 'cheerio';
import { XMLValidator } from 'fast-xml-parser';
import type { NoticeItem } from '../../domain/types.ts';
import { cleanText, collectItems, htmlToText, parseNoticeDate, resolveLink, type CollectOptions, type ExtractResult, type NodeSelection } from './index.ts';

/** The two feed dialects we read. */
export type FeedKind = 'rss' | 'atom';

/** How to read one feed; `expect` rejects the other dialect (a source that changed its feed). */
export interface FeedExtractOptions extends CollectOptions {
  expect?: FeedKind | undefined;
}

/** First non-empty text among the named children (namespaced names like `content:encoded` allowed). */
function childText(el: NodeSelection, names: string[]): string {
  for (const name of names) {
    const text = el.children(name.replace(':', '\\:')).first().text().trim();
    if (text) return text;
  }
  return '';
}

/** An Atom text construct: `text` is literal, `html` is escaped markup, `xhtml` is inline markup. */
function atomText(el: NodeSelection): string {
  if (el.length === 0) return '';
  const type = el.attr('type');
  if (type === 'xhtml') return htmlToText(el.html() ?? '');
  return type === 'html' ? htmlToText(el.text()) : cleanText(el.text());
}

function* rssItems(channel: NodeSelection, $: CheerioAPI, baseUrl: string): Generator<NoticeItem> {
  for (const node of channel.children('item').toArray()) {
    const item = $(node);
    const guid = item.children('guid').first();
    // A guid is a link only when it says so (isPermaLink defaults to true).
    const guidLink = guid.attr('isPermaLink') === 'false' ? '' : guid.text();
    yield {
      // Titles are plain text by the spec, but feeds routinely put escaped HTML in them.
      title: htmlToText(childText(item, ['title'])),
      text: htmlToText(childText(item, ['description', 'content:encoded'])),
      link: resolveLink(childText(item, ['link']) || guidLink, baseUrl),
      publishedAt: parseNoticeDate(childText(item, ['pubDate', 'dc:date'])),
    };
  }
}

function* atomEntries(feed: NodeSelection, $: CheerioAPI, baseUrl: string): Generator<NoticeItem> {
  for (const node of feed.children('entry').toArray()) {
    const entry = $(node);
    const summary = atomText(entry.children('summary').first());
    const link = entry
      .children('link')
      .filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate')
      .first()
      .attr('href');
    yield {
      title: atomText(entry.children('title').first()),
      text: summary || atomText(entry.children('content').first()),
      link: resolveLink(link, baseUrl),
      publishedAt: parseNoticeDate(childText(entry, ['published', 'updated'])),
    };
  }
}

/**
 * Extracts notice items from an RSS 2.0 or Atom 1.0 feed. Markup in titles and descriptions
 * (CDATA or escaped) becomes plain text. Not well-formed XML, or a document that is neither
 * `<rss><channel>` nor `<feed>`, fails (for parse_error).
 */
export function extractFeed(xml: string, baseUrl: string, opts: FeedExtractOptions = {}): ExtractResult {
  const doc = xml.replace(/^\uFEFF/, '');
  // cheerio's XML mode repairs broken markup silently, so well-formedness is checked first.
  const valid = XMLValidator.validate(doc);
  if (valid !== true) return { ok: false, detail: `malformed XML: ${valid.err.code} at line ${valid.err.line}` };
  try {
    const $ = load(doc, { xml: true });
    const root = $.root().children().first();
    const name = root.prop('tagName')?.toLowerCase() ?? '';
    const channel = root.children('channel').first();
    const kind: FeedKind | null = name === 'rss' && channel.length > 0 ? 'rss' : name === 'feed' ? 'atom' : null;
    if (!kind) return { ok: false, detail: `root element <${name}> is neither an RSS channel nor an Atom feed` };
    if (opts.expect && kind !== opts.expect) return { ok: false, detail: `expected ${opts.expect} but got ${kind}` };
    const candidates = kind === 'rss' ? rssItems(channel, $, baseUrl) : atomEntries(root, $, baseUrl);
    return collectItems(candidates, opts, kind === 'rss' ? 'RSS items' : 'Atom entries');
  } catch (err) {
    return { ok: false, detail: `cannot read feed: ${err instanceof Error ? err.name : typeof err}` };
  }
}
