import type { NoticeItem } from '../domain/types.ts';
import { parseNotice } from './parser/index.ts';
import { originalPhrase } from './parser/normalize.ts';
import type { ParsedItem } from './reconcile.ts';

/** Parses one item; components named in the text win, else the source's own components. */
export function parseItem(item: NoticeItem, sourceComponents: string[], known: ReadonlySet<string>, at: number): ParsedItem {
  // A missing or unreadable publication date falls back to when we first read the notice.
  const published = item.publishedAt && !Number.isNaN(Date.parse(item.publishedAt)) ? item.publishedAt : new Date(at).toISOString();
  // No length cap: a 50 KB notice parses in well under 100 ms (npm run bench:parser), and the
  // probe's body cap bounds the page.
  const text = `${item.title}\n${item.text}`;
  const notice = parseNotice(text, published);
  const named = notice.components.filter((c) => known.has(c));
  return {
    item,
    kind: notice.kind,
    windows: notice.windows.map((w) => ({ start: Date.parse(w.start), end: w.end === null ? null : Date.parse(w.end) })),
    components: named.length > 0 ? named : sourceComponents,
    confidence: notice.confidence,
    // Shown to operators in the notice's own words (diacritics and case), not the parser's folded form.
    evidence: [...notice.evidence.kind, ...notice.evidence.windows.map((w) => w.phrase), ...notice.evidence.components.map((c) => c.phrase)].map((p) => originalPhrase(text, p)),
  };
}
