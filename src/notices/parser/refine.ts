/** Clean-up passes over recognized items: borrowed months and duplicate day mentions. */
import type { DaySpec } from './dates.ts';
import { borrowMonth } from './dayspec.ts';
import { isDateItem, isSoftDate, type Item } from './items.ts';
import type { Token } from './tokens.ts';

// Tokens that may sit between two mentions of the same day: "jutro (28 stycznia)", "24 stycznia, sobota".
const FILLER_WORDS = new Set(['tj', 'czyli', 'dnia', 'w', 'we']);
const FILLER_MARKS = new Set(['(', ')', ',']);

/** Fills months that a later date supplies, then lets an explicit date absorb an adjacent weekday. */
export function refineItems(items: readonly Item[], tokens: readonly Token[]): Item[] {
  return absorbAdjacent(fillPendingMonths(items), tokens);
}

// "w nocy z 26 na 27 oraz z 27 na 28 kwietnia": the first night takes April from the second.
function fillPendingMonths(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const [index, item] of items.entries()) {
    // Most items are complete: keep them as they are, without copying (long pages hold thousands).
    if (!isDateItem(item) || !specsOf(item).some((s) => s.kind === 'date' && s.month === null)) {
      out.push(item);
      continue;
    }
    const donor = findDonor(items, index);
    const fill = (spec: DaySpec): DaySpec => (donor ? borrowMonth(spec, donor) : spec);
    let filled: Item = item;
    if (item.t === 'day') filled = { ...item, spec: fill(item.spec) };
    if (item.t === 'night') filled = { ...item, from: fill(item.from), to: fill(item.to) };
    if (item.t === 'dayRange') filled = { ...item, from: fill(item.from), to: fill(item.to) };
    if (item.t === 'dayList') filled = { ...item, days: item.days.map(fill) };
    if (!specsOf(filled).some((s) => s.kind === 'date' && s.month === null)) out.push(filled);
  }
  return out;
}

function specsOf(item: Item): DaySpec[] {
  if (item.t === 'day') return [item.spec];
  if (item.t === 'night' || item.t === 'dayRange') return [item.from, item.to];
  if (item.t === 'dayList') return item.days;
  return [];
}

// The nearest explicit month after the item, else before it.
function findDonor(items: readonly Item[], index: number): DaySpec | null {
  const withMonth = (item: Item | undefined): DaySpec | undefined =>
    item === undefined ? undefined : specsOf(item).find((s) => s.kind === 'date' && s.month !== null);
  for (let k = index + 1; k < items.length; k += 1) {
    const donor = withMonth(items[k]);
    if (donor) return donor;
  }
  for (let k = index - 1; k >= 0; k -= 1) {
    const donor = withMonth(items[k]);
    if (donor) return donor;
  }
  return null;
}

// "w sobotę, 24 stycznia" / "24 stycznia (sobota)" / "jutro (28 stycznia)" name one day once.
function absorbAdjacent(items: readonly Item[], tokens: readonly Token[]): Item[] {
  const out: Item[] = [];
  // Index in `out` of the last item that is not a comma (kept incrementally: pages are long).
  let lastIndex = -1;
  for (const item of items) {
    const prev = out[lastIndex];
    if (prev && isDateItem(prev) && isDateItem(item) && onlyFillerBetween(tokens, prev.end, item.at)) {
      if (isSoftDate(prev) && !isSoftDate(item)) {
        out.splice(lastIndex);
        out.push(item);
        lastIndex = out.length - 1;
        continue;
      }
      if (isSoftDate(item) && !isSoftDate(prev)) continue;
    }
    out.push(item);
    if (item.t !== 'comma') lastIndex = out.length - 1;
  }
  return out;
}

function onlyFillerBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) {
    const tok = tokens[k];
    if (tok?.kind === 'punct' && FILLER_MARKS.has(tok.text)) continue;
    if (tok?.kind === 'word' && FILLER_WORDS.has(tok.text)) continue;
    return false;
  }
  return true;
}
