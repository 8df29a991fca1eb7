import { describe, expect, it } from 'vitest';
import { assignSlots, lastSlotAtOrBefore, nextSlotAtOrAfter, type SlotInput } from '../../src/scheduler/slots.ts';
import { prng } from '../helpers/prng.ts';

const probes = (n: number, intervalMs: number, prefix = 'bank'): SlotInput[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, intervalMs }));

/** How many offsets fall in each whole second of the interval. */
function perSecond(offsets: Iterable<number>): number[] {
  const counts: number[] = [];
  for (const o of offsets) counts[Math.floor(o / 1000)] = (counts[Math.floor(o / 1000)] ?? 0) + 1;
  return Array.from(counts, (c) => c ?? 0);
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('probe slots', () => {
  it('when 1,000 probes share a 30 s interval, then no second of it holds more than ceil(1000/30) = 34 slots and every second is used', () => {
    const offsets = assignSlots(probes(1000, 30_000));
    const counts = perSecond(offsets.values());
    expect(counts).toHaveLength(30);
    expect(Math.max(...counts)).toBeLessThanOrEqual(34);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(33);
  });

  it('when 5,000 probes share a 30 s interval, then no second holds more than ceil(5000/30) = 167 slots', () => {
    const counts = perSecond(assignSlots(probes(5000, 30_000)).values());
    expect(Math.max(...counts)).toBeLessThanOrEqual(167);
  });

  it('when slots are computed twice, or from the probes listed in another order, then every probe gets the same offset', () => {
    const list = probes(1000, 30_000);
    const first = assignSlots(list);
    expect(assignSlots(list)).toEqual(first);
    for (const seed of [1, 2, 3]) expect(assignSlots(shuffled(list, seed))).toEqual(first);
  });

  it('when probes have different intervals, then each interval is spread on its own and every offset lies inside its interval', () => {
    const list = [...probes(300, 30_000, 'fast'), ...probes(120, 60_000, 'slow'), ...probes(7, 3_600_000, 'hourly'), { id: 'lone', intervalMs: 1_000 }];
    const offsets = assignSlots(list);
    expect(offsets.size).toBe(list.length);
    for (const p of list) {
      const o = offsets.get(p.id)!;
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThan(p.intervalMs);
    }
    const of = (prefix: string) => list.filter((p) => p.id.startsWith(prefix)).map((p) => offsets.get(p.id)!);
    expect(Math.max(...perSecond(of('fast')))).toBeLessThanOrEqual(10);
    expect(Math.max(...perSecond(of('slow')))).toBeLessThanOrEqual(2);
    // Seven hourly probes: one every 3600/7 s, so no two in the same ten minutes.
    expect(new Set(of('hourly').map((o) => Math.floor(o / 514_000))).size).toBe(7);
    expect(offsets.get('lone')).toBe(0);
  });

  it('when a probe is added, then the offsets of a different interval do not move', () => {
    const base = [...probes(50, 30_000, 'a'), ...probes(20, 60_000, 'b')];
    const before = assignSlots(base);
    const after = assignSlots([...base, { id: 'a-new', intervalMs: 30_000 }]);
    for (const p of base.filter((x) => x.intervalMs === 60_000)) expect(after.get(p.id)).toBe(before.get(p.id));
  });

  it.each([
    { t: 0, interval: 30_000, offset: 0, next: 0, last: 0 },
    { t: 1, interval: 30_000, offset: 0, next: 30_000, last: 0 },
    { t: 1_000_000, interval: 30_000, offset: 12_345, next: 1_002_345, last: 972_345 },
    { t: 1_002_345, interval: 30_000, offset: 12_345, next: 1_002_345, last: 1_002_345 },
    { t: 1_764_000_000_500, interval: 1_000, offset: 0, next: 1_764_000_001_000, last: 1_764_000_000_000 },
    { t: 1_764_000_000_500, interval: 3_600_000, offset: 1_800_000, next: 1_764_001_800_000, last: 1_763_998_200_000 },
  ])('when the time is $t, interval $interval and offset $offset, then the next slot is $next and the last one $last', ({ t, interval, offset, next, last }) => {
    expect(nextSlotAtOrAfter(t, interval, offset)).toBe(next);
    expect(lastSlotAtOrBefore(t, interval, offset)).toBe(last);
    // Both are on the k × interval + offset grid, at most one interval from t.
    expect((next - offset) % interval).toBe(0);
    expect(next - t).toBeLessThan(interval);
    expect(t - last).toBeLessThan(interval);
  });
});
