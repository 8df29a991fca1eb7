import type { UptimeSlots } from './ports.ts';

/** Longest day there is (25 h, when clocks go back): a slot past it is a caller's mistake. */
const LONGEST_DAY_S = 25 * 3_600;

/** Rejects slots that do not lie within one day (on Redis a bad range would write a huge bitmap). */
export function checkSlots(s: UptimeSlots): void {
  const ok = s.seconds > 0 && Number.isInteger(s.from) && Number.isInteger(s.to) && 0 <= s.from && s.from <= s.to && s.to * s.seconds < LONGEST_DAY_S;
  if (!ok) throw new RangeError(`uptime slots must be whole slots within one day, got ${s.from}..${s.to} of ${s.seconds} s`);
}

/**
 * A set of slot indexes kept as sorted, disjoint runs [from, to]: evaluation ticks come one after
 * another, so a day of bookings is one run (or a few, around restarts) instead of thousands of
 * numbers. Used where uptime must be booked once per slot (the embedded store).
 */
export class SlotRuns {
  private runs: [number, number][] = [];

  /** Adds the slots `from`..`to` (inclusive); returns how many of them were not in the set before. */
  add(from: number, to: number): number {
    let fresh = to - from + 1;
    let lo = from;
    let hi = to;
    const kept: [number, number][] = [];
    for (const [a, b] of this.runs) {
      // Touching or overlapping runs merge; only the overlap was booked before.
      if (b < lo - 1 || a > hi + 1) {
        kept.push([a, b]);
        continue;
      }
      fresh -= Math.max(0, Math.min(b, to) - Math.max(a, from) + 1);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    kept.push([lo, hi]);
    this.runs = kept.sort((x, y) => x[0] - y[0]);
    return fresh;
  }
}
