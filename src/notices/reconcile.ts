import type { MaintenanceWindow, NoticeCorrection, NoticeItem, NoticeKind } from '../domain/types.ts';
import { noticeKey } from './notice-key.ts';

/** What the parser made of one notice item. */
export interface ParsedItem {
  item: NoticeItem;
  kind: NoticeKind;
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
      const fix = standingCorrection(prev, p.item);
      // A reading of "no window" keeps the parser's values: the window is cancelled anyway.
      const window = fix && isWindowKind(fix.kind) ? { ...fix, kind: fix.kind } : undefined;
      const next: MaintenanceWindow = {
        id,
        source,
        noticeKey: key,
        kind: window?.kind ?? (p.kind as 'maintenance' | 'outage'),
        components: window?.components ?? p.components,
        start: window?.start ?? span.start,
        end: window ? window.end : span.end,
        title: p.item.title,
        text: p.item.text,
        link: p.item.link,
        publishedAt,
        firstSeenAt: prev?.firstSeenAt ?? now,
        lastSeenAt: now,
        updatedAt: now,
        state: fix ? correctedState(prev!) : nextState(prev, span, p.confidence >= threshold),
        confidence: p.confidence,
        evidence: p.evidence,
      };
      // A confirmed correction made for other wording no longer applies: the changed notice is judged afresh.
      if (prev?.review && (fix || !prev.review.corrected || prev.review.decision === 'rejected')) next.review = prev.review;
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

/**
 * The operator's correction of this window while its notice reads as it did when they made it;
 * undefined when there is none or the source has reworded the notice since.
 */
function standingCorrection(prev: MaintenanceWindow | undefined, item: NoticeItem): NoticeCorrection | undefined {
  const fix = prev?.review?.corrected;
  return fix && prev.title === item.title && prev.text === item.text ? fix : undefined;
}

/** A corrected window stays as the operator left it: cancelled when cancelled or read as no window, else announced. */
function correctedState(prev: MaintenanceWindow): MaintenanceWindow['state'] {
  return prev.state === 'cancelled' || prev.review?.decision === 'rejected' ? 'cancelled' : 'announced';
}

function isWindowKind(kind: NoticeKind): kind is 'maintenance' | 'outage' {
  return kind === 'maintenance' || kind === 'outage';
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
