/** Reads the hours of a group: "od 22:00 do 6:00", "w godz. 8-9, 12-13", "od godzin porannych". */
import type { Item } from './items.ts';
import type { TimeOfDay } from './times.ts';

/** One stretch of hours. `end` undefined = not given; null = explicitly open ("do odwołania"). */
export interface Span {
  start: TimeOfDay | null;
  end: TimeOfDay | null | undefined;
}

/** Pairs times across "do"/dashes into spans, in text order. */
export function buildSpans(items: readonly Item[]): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  let pendingTo = false;
  let pendingFrom = false;
  for (const item of items) {
    if (item.t === 'to') pendingTo = true;
    if (item.t === 'from') pendingFrom = true;
    if (item.t === 'openEnd' && open) open.end = null;
    if (item.t !== 'time' && item.t !== 'dayPart') continue;
    const start = item.t === 'time' ? item.time : { hour: item.part.startHour, minute: 0 };
    if (pendingTo && open && open.end === undefined) {
      open.end = start;
      open = null;
    } else if (pendingTo) {
      spans.push({ start: null, end: start });
    } else if (item.t === 'dayPart' && !pendingFrom) {
      spans.push({ start, end: { hour: item.part.endHour, minute: 0 } });
    } else {
      open = { start, end: undefined };
      spans.push(open);
    }
    pendingTo = false;
    pendingFrom = false;
  }
  return spans;
}
