import type { MaintenanceWindow, NoticeItem } from '../domain/types.ts';
import { noticeKey } from './notice-key.ts';

/** What the parser made of one notice item. */
export interface ParsedItem {
  item: NoticeItem;
  kind: 'maintenance' | 'outage' | 'resolved' | 'none';
  windows: { start: number; end: number | null }[];
  components: string[];
  /** Parser confidence, 0..1. */
  confidence: number;
  /** Phrases behind the parse, for operators. */
  evidence: string[];
}

/**
 * Turns one successful read of a notice source into the windows to store: new and
 * edited windows are upserted by id, and windows this source no longer announces are
 * marked withdrawn (kept as history, never deleted). Pure: `existing` is every stored
 * window of this source.
 */
export function reconcileNotices(source: string, existing: MaintenanceWindow[], parsed: ParsedItem[], now: number, threshold = 0): MaintenanceWindow[] {
  const before = new Map(existing.filter((w) => w.source === source).map((w) => [w.id, w]));
  const seen = new Set<string>();
  const out: MaintenanceWindow[] = [];
  for (const p of parsed) {
    if (p.kind !== 'maintenance' && p.kind !== 'outage') continue;
    if (p.components.length === 0) continue;
    const key = noticeKey(source, p.item);
    const published = p.item.publishedAt ? Date.parse(p.item.publishedAt) : NaN;
    const publishedAt = Number.isNaN(published) ? null : published;
    // An outage notice that names no time is in force from when it was published (or first seen).
    const spans = p.windows.length > 0 ? p.windows : p.kind === 'outage' ? [{ start: publishedAt ?? now, end: null }] : [];
    spans.forEach((span, i) => {
      const id = `${key}#${i}`;
      seen.add(id);
      const prev = before.get(id);
      const next: MaintenanceWindow = {
        id,
        source,
        noticeKey: key,
        kind: p.kind as 'maintenance' | 'outage',
        components: p.components,
        start: span.start,
        end: span.end,
        title: p.item.title,
        text: p.item.text,
        link: p.item.link,
        publishedAt,
        firstSeenAt: prev?.firstSeenAt ?? now,
        lastSeenAt: now,
        updatedAt: now,
        state: nextState(prev, span, p.confidence >= threshold),
        confidence: p.confidence,
        evidence: p.evidence,
      };
      if (prev?.review) next.review = prev.review;
      if (prev && sameContent(prev, next)) next.updatedAt = prev.updatedAt;
      out.push(next);
    });
  }
  for (const w of before.values()) {
    if (!seen.has(w.id) && (w.state === 'announced' || w.state === 'pending')) out.push({ ...w, state: 'withdrawn', withdrawnFrom: w.state, updatedAt: now });
  }
  return out;
}

/**
 * A cancelled (or rejected) window stays cancelled. A confident parse is announced. A doubtful
 * one is a pending suggestion, unless an operator confirmed this very window (same times).
 */
function nextState(prev: MaintenanceWindow | undefined, span: { start: number; end: number | null }, confident: boolean): MaintenanceWindow['state'] {
  if (prev?.state === 'cancelled') return 'cancelled';
  if (confident) return 'announced';
  const confirmed = prev?.review?.decision === 'confirmed' && prev.start === span.start && prev.end === span.end;
  return confirmed ? 'announced' : 'pending';
}

function sameContent(a: MaintenanceWindow, b: MaintenanceWindow): boolean {
  return (
    a.kind === b.kind &&
    a.start === b.start &&
    a.end === b.end &&
    a.text === b.text &&
    a.title === b.title &&
    a.link === b.link &&
    a.state === b.state &&
    a.components.join() === b.components.join()
  );
}
