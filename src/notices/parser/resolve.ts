/**
 * The resolution step over placed windows: a vaguer window that contains a precise one is only
 * context for it ("w nocy z 5 na 6 września, między 00:30 a 04:30" is one window, not the
 * 22:00–06:00 night plus the precise one), and overlapping sub-windows merge into one. Windows
 * that do not overlap (two services at two times) stay separate.
 */
import type { InstantWindow } from './place.ts';

/** A placed window with the phrase it came from (for --explain). */
export interface SourcedWindow extends InstantWindow {
  phrase: string;
  /** True when hours were written; false for conventions (a whole day, a night as 22:00–06:00). */
  precise: boolean;
}

/** Drops containers and duplicates, merges overlaps; sorted by start. */
export function resolveOverlaps(windows: readonly SourcedWindow[]): SourcedWindow[] {
  // Plain numbers: a long page may hold hundreds of windows, compared pairwise.
  const spans = windows.map((w) => ({ w, start: w.start.toMillis(), end: w.end === null ? null : w.end.toMillis() })).filter((s) => s.end === null || s.end > s.start);
  const kept = spans.filter((a, i) => !spans.some((b, j) => j !== i && contains(a, b) && !(contains(b, a) && j > i)));
  kept.sort((a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity));
  const out: { w: SourcedWindow; start: number; end: number | null }[] = [];
  for (const s of kept) {
    const last = out[out.length - 1];
    if (last && last.end !== null && s.start < last.end) {
      const longer = s.end === null || s.end > last.end ? s : last;
      const w: SourcedWindow = { start: last.w.start, end: longer.w.end, phrase: `${last.w.phrase} + ${s.w.phrase}`, precise: last.w.precise && s.w.precise };
      out[out.length - 1] = { w, start: last.start, end: longer.end };
      continue;
    }
    out.push(s);
  }
  return out.map((s) => s.w);
}

type Span = { start: number; end: number | null };

// Outer contains inner: a closed outer spans it; an open outer only when they start together.
function contains(outer: Span, inner: Span): boolean {
  if (outer.start > inner.start) return false;
  if (outer.end === null) return outer.start === inner.start;
  return inner.end !== null && inner.end <= outer.end;
}
