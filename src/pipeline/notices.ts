import type { NoticesProbeConfig } from '../config/notices-schema.ts';
import type { NoticeItem } from '../domain/types.ts';
import { parseNotice } from '../notices/parser/index.ts';
import { originalPhrase } from '../notices/parser/normalize.ts';
import { reconcileNotices, type ParsedItem } from '../notices/reconcile.ts';
import { inlineParser } from '../workers/parse-runner.ts';
import type { PipelineDeps } from './context.ts';

/** Notice parsing is milliseconds per item; far past that, the text is hostile and the read is skipped. */
const NOTICE_PARSE_DEADLINE_MS = 5_000;

/**
 * Parses the items of one successful notice read and stores the resulting windows.
 * Only called on success: a source that is down or changed shape never withdraws windows.
 */
export async function applyNotices(deps: PipelineDeps, probe: NoticesProbeConfig, items: NoticeItem[], at: number): Promise<void> {
  const known = deps.config.components.map((c) => c.id);
  const batch = { items, sourceComponents: probe.notices.components, known, at };
  const run = await (deps.parser ?? inlineParser).run({ op: 'notices', input: batch }, NOTICE_PARSE_DEADLINE_MS);
  if (!run.ok) {
    // Like an unreadable source: the windows already known stay as they are.
    deps.logger.warn({ probe: probe.id, reason: run.reason, detail: run.detail }, 'notice text could not be parsed; windows left unchanged');
    return;
  }
  const parsed = run.value;
  const existing = await deps.stores.windows.getWindows();
  const changed = reconcileNotices(probe.id, existing, parsed, at, deps.config.notices.confidenceThreshold);
  if (changed.length > 0) await deps.stores.windows.putWindows(changed);
}

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
