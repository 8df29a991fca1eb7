/** Shared pieces of notice extraction: the result type, untrusted markup to plain text, links and dates. */
import { load, type Cheerio } from 'cheerio';
import { DateTime } from 'luxon';
import type { NoticeItem } from '../../domain/types.ts';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from './depth.ts';

/** Items found in a page or feed, or why its structure could not be read (becomes `parse_error`). */
export type ExtractResult = { ok: true; items: NoticeItem[] } | { ok: false; detail: string };

/** A selection of any DOM nodes (cheerio does not re-export domhandler's AnyNode). */
export type NodeSelection = ReturnType<Cheerio<never>['contents']>;

/** Never rendered by browsers as text, and the usual carriers of hostile content. */
const HIDDEN: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'head', 'title']);
/** Elements that do not break a line, so no space is added around them. */
const INLINE: ReadonlySet<string> = new Set(
  ['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'font'],
);
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Escaped markup decodes to literal tags; notices never need them, and no consumer should have to trust its own escaping.
const TAG_SHAPED = /<!--[\s\S]*?-->|<\/?[a-z][^<>]*>/gi;

/** Collapses whitespace and drops invisible characters and anything shaped like a tag. */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, '').replace(TAG_SHAPED, ' ').replace(/\s+/g, ' ').trim();
}

/** The parts of a domhandler node the text walk reads (cheerio does not re-export domhandler's types). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

/**
 * Visible text under `roots`: text nodes in document order, hidden elements skipped (the roots
 * themselves only when `hiddenRoots`: a selected item is shown whatever it is) and a space around every non-inline element. One iterative pass, so neither a wide
 * item (cheerio's before/after insertions are quadratic) nor a deep one (its clone recurses) can stall it.
 */
function visibleText(roots: readonly DomNode[], hiddenRoots: boolean): string {
  const out: string[] = [];
  const stack: (DomNode | string)[] = [...roots].reverse();
  const rootSet = new Set<DomNode>(hiddenRoots ? [] : roots);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (node.type === 'text') out.push(node.data ?? '');
    if (!node.children) continue;
    const name = node.name?.toLowerCase();
    if (name !== undefined && HIDDEN.has(name) && !rootSet.has(node)) continue;
    const block = name !== undefined && !INLINE.has(name);
    if (block) out.push(' ');
    if (block) stack.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return cleanText(out.join(''));
}

/** The visible text of the first element of a selection, with block boundaries kept as spaces. */
export function elementText(sel: NodeSelection): string {
  return visibleText(sel.first().toArray() as DomNode[], false);
}

/** Untrusted HTML (a feed description, often CDATA) as plain text. */
export function htmlToText(html: string): string {
  // Markup inside CDATA or escaped text escapes the feed's own depth check, so it gets one here;
  // too deep to build a DOM for, it is still read, by stripping anything shaped like a tag.
  if (nestsDeeperThan(html, MAX_NESTING_DEPTH, false)) return cleanText(html);
  const $ = load(html, null, false);
  return visibleText($.root().contents().toArray() as DomNode[], true);
}

/** An absolute http(s) link, or null: other schemes (javascript:, data:) never leave the extractor. */
export function resolveLink(href: string | undefined, base: string): string | null {
  const raw = href?.trim();
  // A bare fragment points back at the page itself, which is no link to a notice.
  if (!raw || raw.startsWith('#')) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const ZONE = 'Europe/Warsaw';
const MONTHS: Readonly<Record<string, number>> = {
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8,
  wrzesnia: 9, pazdziernika: 10, listopada: 11, grudnia: 12,
};
const TIME = String.raw`(?:,?\s*(?:r\.)?,?\s*(?:godz\.?|o\s+godz\.?)?\s*(\d{1,2})[:.](\d{2})(?![.\d]))?`;
const NUMERIC = new RegExp(String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)` + TIME, 'i');
const NAMED = new RegExp(String.raw`(?<!\d)(\d{1,2})\s+(\p{L}+)\s+(\d{4})(?!\d)` + TIME, 'giu');
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?![\d-])/;

function foldPolish(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function fromParts(year: string, month: number, day: string, hour = '0', minute = '0'): string | null {
  const wall = { year: Number(year), month, day: Number(day), hour: Number(hour), minute: Number(minute) };
  const dt = DateTime.fromObject(wall, { zone: ZONE });
  // Luxon shifts a time skipped by DST forward; such a time was never on a clock, so it is not a date.
  return dt.isValid && dt.hour === wall.hour && dt.minute === wall.minute ? dt.toISO({ suppressMilliseconds: true }) : null;
}

/** The first `24 kwietnia 2026` whose middle word really is a month (with or without diacritics). */
function namedDate(s: string): string | null {
  for (const m of s.matchAll(NAMED)) {
    const month = MONTHS[foldPolish(m[2]!)];
    if (month !== undefined) return fromParts(m[3]!, month, m[1]!, m[4], m[5]);
  }
  return null;
}

/**
 * Reads a publication date: ISO 8601 with a full date, RFC 2822 (RSS pubDate), or Polish
 * `24.04.2026` / `24 kwietnia 2026 r.` (optionally with a time), in Europe/Warsaw unless an
 * offset is given. Returns an ISO string, or null when no complete date is there: never guesses a year.
 */
export function parseNoticeDate(raw: string | undefined | null): string | null {
  const s = raw?.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const machine = ISO_DATE.test(s) ? DateTime.fromISO(s, { zone: ZONE, setZone: true }) : DateTime.fromRFC2822(s, { zone: ZONE, setZone: true });
  if (machine.isValid) return machine.toISO({ suppressMilliseconds: true });
  const numeric = NUMERIC.exec(s);
  if (numeric) return fromParts(numeric[3]!, Number(numeric[2]), numeric[1]!, numeric[4], numeric[5]);
  return namedDate(s);
}

// "…2020-12-03Uprzejmie informujemy…": cooperative banks' pages glue the publication date to the body.
const GLUED_STAMP = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?=\p{Lu})/u;
const LEADING_STAMP = /^(\d{4})-(\d{2})-(\d{2})(?![\d:T-])\s*/;

/**
 * Splits a publication stamp (ISO date glued to the next word, or leading the text) off a
 * notice body, so the parser never reads it as an announced day. Returns the cleaned text and
 * the stamp as an ISO date in Europe/Warsaw, or null.
 */
export function splitDateStamp(text: string): { text: string; stamp: string | null } {
  const m = GLUED_STAMP.exec(text) ?? LEADING_STAMP.exec(text);
  if (!m) return { text, stamp: null };
  const stamp = fromParts(m[1]!, Number(m[2]), m[3]!);
  const at = m.index ?? 0;
  return { text: cleanText(`${text.slice(0, at)} ${text.slice(at + m[0].length)}`), stamp };
}

/** Limits shared by both extractors. */
export interface CollectOptions {
  /** Default true: zero items is a normal day. */
  allowEmpty?: boolean;
  /** Default 50. */
  maxItems?: number;
}

/**
 * Keeps non-empty, distinct items (pages often repeat a banner for mobile) up to `maxItems`,
 * reading candidates lazily. No candidates is fine unless `allowEmpty` is false; candidates
 * that are all empty mean the selectors no longer fit the page.
 */
export function collectItems(candidates: Iterable<NoticeItem>, opts: CollectOptions, what: string): ExtractResult {
  const { allowEmpty = true, maxItems = 50 } = opts;
  const items: NoticeItem[] = [];
  const seen = new Set<string>();
  let matched = 0;
  for (const item of candidates) {
    matched++;
    const key = JSON.stringify([item.title, item.text, item.link]);
    if ((item.title === '' && item.text === '') || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
    if (items.length >= maxItems) break;
  }
  if (matched === 0) return allowEmpty ? { ok: true, items } : { ok: false, detail: `no ${what} found` };
  if (items.length === 0) return { ok: false, detail: `${matched} ${what} found but all are empty` };
  return { ok: true, items };
}
