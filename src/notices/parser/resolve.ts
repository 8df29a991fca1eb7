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
  const sane = windows.filter((w) => w.end === null || w.end > w.start);
  const kept = sane.filter((w, i) => !sane.some((v, j) => j !== i && contains(w, v) && !(contains(v, w) && j > i)));
  const sorted = [...kept].sort((a, b) => a.start.toMillis() - b.start.toMillis() || endMs(a) - endMs(b));
  const out: SourcedWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.end !== null && w.start < last.end) {
      const end = w.end === null || w.end > last.end ? w.end : last.end;
      out[out.length - 1] = { start: last.start, end, phrase: `${last.phrase} + ${w.phrase}`, precise: last.precise && w.precise };
      continue;
    }
    out.push(w);
  }
  return out;
}

// Outer contains inner: a closed outer spans it; an open outer only when they start together.
function contains(outer: InstantWindow, inner: InstantWindow): boolean {
  if (outer.start > inner.start) return false;
  if (outer.end === null) return outer.start.equals(inner.start);
  return inner.end !== null && inner.end <= outer.end;
}

function endMs(w: InstantWindow): number {
  return w.end?.toMillis() ?? Number.POSITIVE_INFINITY;
}
