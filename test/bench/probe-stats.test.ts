import { describe, expect, it } from 'vitest';
import { bucketDelta, counterValue, fireStats, histogramBuckets, histogramQuantile, observedSlot, quantile, type SlotModel } from '../../bench/probes/stats.ts';

const I = 30_000;
const T0 = 1_800_000_000_000; // a multiple of 30 s: phase 0 of the grid

describe('observedSlot', () => {
  it.each([
    ['when every fire is on time, then the slot is that phase', [T0 + 5_000, T0 + I + 5_000, T0 + 2 * I + 5_000], 5_000],
    ['when one fire is late, then the slot is the earliest phase', [T0 + 5_000, T0 + I + 5_900, T0 + 2 * I + 5_000], 5_000],
    ['when a late fire wraps past the interval end, then the slot stays near the end', [T0 + 29_900, T0 + I + 29_950, T0 + 2 * I + 30_100], 29_900],
  ])('%s', (_name, arrivals, slot) => {
    expect(observedSlot(arrivals, I)).toBe(slot);
  });

  it('when a target never arrived, then it has no slot', () => {
    expect(observedSlot([], I)).toBeNull();
  });
});

describe('fireStats', () => {
  // Window: three intervals starting at T0 + I; the log runs on into the grace after its end.
  const window = { intervalMs: I, startMs: T0 + I, endMs: T0 + 4 * I };
  const cases: { name: string; model: SlotModel; log: Record<string, number[]>; lags: number[]; missed: number; never: number }[] = [
    {
      name: 'when every fire is on its observed slot, then lags are 0 and nothing is missed',
      model: 'observed',
      log: { a: [T0 + I + 7_000, T0 + 2 * I + 7_000, T0 + 3 * I + 7_000] },
      lags: [0, 0, 0],
      missed: 0,
      never: 0,
    },
    {
      name: 'when a grid scheduler queues a probe 12 s behind the grid, then the grid model sees 12 s of lag each fire',
      model: 'grid',
      log: { a: [T0 + I + 12_000, T0 + 2 * I + 12_000, T0 + 3 * I + 12_000] },
      lags: [12_000, 12_000, 12_000],
      missed: 0,
      never: 0,
    },
    {
      name: 'when one fire is skipped, then it is one missed fire',
      model: 'observed',
      log: { a: [T0 + I + 1_000, T0 + 3 * I + 1_000] },
      lags: [0, 0],
      missed: 1,
      never: 0,
    },
    {
      name: 'when two arrivals fall in one cycle, then they count as one fire',
      model: 'grid',
      log: { a: [T0 + I + 100, T0 + I + 200, T0 + 2 * I + 100, T0 + 3 * I + 100] },
      lags: [100, 100, 100],
      missed: 0,
      never: 0,
    },
    {
      name: 'when the last fire of the window arrives in the grace after its end, then it is late, not missed',
      model: 'observed',
      log: { a: [T0 + I + 25_000, T0 + 2 * I + 25_000, T0 + 4 * I + 1_000] },
      lags: [0, 0, 6_000],
      missed: 0,
      never: 0,
    },
    {
      name: 'when a timer fires a hair early on the grid, then it is that fire with a small negative lag',
      model: 'grid',
      log: { a: [T0 + I - 20, T0 + 2 * I, T0 + 3 * I] },
      lags: [-20, 0, 0],
      missed: 0,
      never: 0,
    },
    {
      name: 'when a start-up fire lies off-slot in the warm-up, then it does not move the observed slot',
      model: 'observed',
      log: { a: [T0 + 17_000, T0 + I + 2_000, T0 + 2 * I + 2_000, T0 + 3 * I + 2_000] },
      lags: [0, 0, 0],
      missed: 0,
      never: 0,
    },
    {
      name: 'when a target never arrives, then all its fires are missed and it is counted',
      model: 'observed',
      log: { b: [T0 + I + 5_000, T0 + 2 * I + 5_000, T0 + 3 * I + 5_000] },
      lags: [0, 0, 0],
      missed: 3,
      never: 1,
    },
  ];

  it.each(cases)('$name', ({ model, log, lags, missed, never }) => {
    const s = fireStats(['a', 'b'].filter((t) => t in log || never > 0), log, { ...window, model });
    expect(s.lags.sort((x, y) => x - y)).toEqual([...lags].sort((x, y) => x - y));
    expect(s.arrivals).toBe(lags.length);
    expect(s.missed).toBe(missed);
    expect(s.neverArrived).toBe(never);
    expect(s.expected).toBe(3 * (never > 0 ? 2 : 1));
  });
});

describe('quantile', () => {
  it.each([
    ['when empty, then null', [], 0.5, null],
    ['when one value, then that value', [7], 0.99, 7],
    ['when 100 values, then p99 is the 99th', Array.from({ length: 100 }, (_, i) => i + 1), 0.99, 99],
    ['when 4 values, then p50 is the 2nd', [40, 10, 30, 20], 0.5, 20],
  ])('%s', (_name, values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });
});

describe('histogramQuantile', () => {
  const text = [
    '# TYPE ikpstatus_scheduler_fire_lag_seconds histogram',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="0.1",kind="http"} 50',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="0.5",kind="http"} 90',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="+Inf",kind="http"} 100',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="0.1",kind="journey"} 50',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="0.5",kind="journey"} 90',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="+Inf",kind="journey"} 100',
  ].join('\n');

  it.each([
    ['when the rank falls in the first bucket, then it interpolates from 0', 0.25, 0.05],
    ['when the rank is a bucket edge, then it is that bound', 0.5, 0.1],
    ['when the rank falls in +Inf, then it is the largest finite bound', 0.99, 0.5],
  ])('%s', (_name, q, expected) => {
    expect(histogramQuantile(histogramBuckets(text, 'ikpstatus_scheduler_fire_lag_seconds')!, q)).toBeCloseTo(expected, 9);
  });

  it('when the histogram is absent, then there are no buckets', () => {
    expect(histogramBuckets(text, 'ikpstatus_scheduler_missing')).toBeNull();
  });
});

describe('counterValue and bucketDelta', () => {
  const start = 'ikpstatus_scheduler_missed_fires_total{reason="overlap"} 2\nikpstatus_scheduler_fire_lag_seconds_bucket{le="0.1"} 10\nikpstatus_scheduler_fire_lag_seconds_bucket{le="+Inf"} 10';
  const end = [
    '# TYPE ikpstatus_scheduler_missed_fires_total counter',
    'ikpstatus_scheduler_missed_fires_total{reason="overlap"} 5',
    'ikpstatus_scheduler_missed_fires_total{reason="queued"} 4',
    'ikpstatus_scheduler_missed_fires_total_created{reason="queued"} 1800000000',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="0.1"} 30',
    'ikpstatus_scheduler_fire_lag_seconds_bucket{le="+Inf"} 40',
  ].join('\n');

  it('when a counter has several label sets, then their values are summed and other series are ignored', () => {
    expect(counterValue(end, 'ikpstatus_scheduler_missed_fires_total')).toBe(9);
    expect(counterValue(end, 'ikpstatus_scheduler_other_total')).toBeNull();
  });

  it('when buckets are read at both ends of the window, then the delta holds only the window', () => {
    const name = 'ikpstatus_scheduler_fire_lag_seconds';
    expect([...bucketDelta(histogramBuckets(end, name)!, histogramBuckets(start, name))]).toEqual([
      [0.1, 20],
      [Infinity, 30],
    ]);
  });
});
