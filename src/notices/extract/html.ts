import { load, type CheerioAPI } from 'cheerio';
import type { NoticeItem } from '../../domain/types.ts';
import { collectItems, elementText, parseNoticeDate, resolveLink, splitDateStamp, type CollectOptions, type ExtractResult, type NodeSelection } from './index.ts';

/** CSS selectors for one notice page; all but `item` are relative to each item. */
export interface HtmlSelectors {
  item: string;
  title?: string | undefined;
  /** Default: the whole item's text. Several matches are joined. */
  text?: string | undefined;
  /** Default: the item itself when it is a link. */
  link?: string | undefined;
  /** Read from `datetime`, then `content`, then the text. */
  date?: string | undefined;
}

/** How to read one HTML notice page. */
export interface HtmlExtractOptions extends CollectOptions {
  selectors: HtmlSelectors;
  /** Must match, or the page is taken as redesigned. */
  expectContainer?: string | undefined;
}

function readItem($: CheerioAPI, item: NodeSelection, sel: HtmlSelectors, baseUrl: string): NoticeItem {
  const title = sel.title ? elementText(item.find(sel.title)) : '';
  const text = sel.text
    ? item.find(sel.text).toArray().map((el) => elementText($(el))).filter(Boolean).join(' ')
    : elementText(item);
  const linkEl = sel.link ? item.find(sel.link).first() : item.filter('a');
  const dateEl = sel.date ? item.find(sel.date).first() : undefined;
  const dateRaw = dateEl && (dateEl.attr('datetime') ?? dateEl.attr('content') ?? elementText(dateEl));
  // A date stamp glued to the body is the publication date, never an announced day.
  const body = splitDateStamp(text);
  return { title, text: body.text, link: resolveLink(linkEl.attr('href'), baseUrl), publishedAt: parseNoticeDate(dateRaw) ?? body.stamp };
}

function* readItems($: CheerioAPI, sel: HtmlSelectors, baseUrl: string): Generator<NoticeItem> {
  for (const node of $(sel.item).toArray()) yield readItem($, $(node), sel, baseUrl);
}

/**
 * Extracts notice items from an HTML page with per-source CSS selectors. Text is plain
 * (never HTML), links are absolute http(s) or null, dates are ISO or null. Fails (for
 * parse_error) when `expectContainer` is missing, when items are required but none match,
 * or when items match but all are empty.
 */
export function extractHtml(html: string, baseUrl: string, opts: HtmlExtractOptions): ExtractResult {
  try {
    const $ = load(html);
    if (opts.expectContainer && $(opts.expectContainer).length === 0) {
      return { ok: false, detail: `expected container "${opts.expectContainer}" not found` };
    }
    return collectItems(readItems($, opts.selectors, baseUrl), opts, `items for "${opts.selectors.item}"`);
  } catch (err) {
    // Selectors are validated at config load, so this is one cheerio still rejects.
    return { ok: false, detail: `cannot apply selectors: ${err instanceof Error ? err.name : typeof err}` };
  }
}
