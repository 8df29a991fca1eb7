// Pure computations of the probe bench: fire lag and missed fires from the upstream's arrival log,
// quantiles, and quantiles of a Prometheus histogram. No I/O here, so test/bench can table-test them.

/** How a target's slot (the phase inside the interval where its fire is due) is found. */
export type SlotModel = 'observed' | 'grid';

export interface FireStats {
  /** Arrivals that belong to a fire due inside the window. */
  arrivals: number;
  /** Fire lag of each such arrival, ms. */
  lags: number[];
  /** Fires due inside the window with no arrival. */
  missed: number;
  /** Targets with no arrival from the window's start on (grace included). */
  neverArrived: number;
  /** Fires due inside the window, over all targets. */
  expected: number;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/**
 * The slot of one target estimated from its arrival phases (arrival mod interval): the start of the
 * shortest arc of the interval circle holding every phase, i.e. the phase right after the widest gap.
 * So the earliest fire defines the slot, also when the slot sits near the interval's end and a late
 * fire wraps past 0. A scheduler that keeps one slot per target (Prometheus, a hashed-slot scheduler)
 * is measured against that slot: the lag is the jitter on top of the target's best fire.
 */
export function observedSlot(arrivals: readonly number[], intervalMs: number): number | null {
  if (arrivals.length === 0) return null;
  const phases = arrivals.map((t) => mod(t, intervalMs)).sort((a, b) => a - b);
  let bestGap = phases[0]! + intervalMs - phases[phases.length - 1]!;
  let slot = phases[0]!;
  for (let i = 1; i < phases.length; i += 1) {
    const gap = phases[i]! - phases[i - 1]!;
    if (gap > bestGap) {
      bestGap = gap;
      slot = phases[i]!;
    }
  }
  return slot;
}

/**
 * Fire lag and missed fires over the window [startMs, endMs) for every target.
 * A fire is due at slot + n * interval; the fires counted are those due inside the window; an arrival
 * belongs to the fire due at the latest slot time at or before it (lag in [0, interval)).
 * `log` must hold arrivals until some grace after endMs, so the window's last fires can arrive late.
 * Model `grid` puts every slot at phase 0 (the epoch-aligned grid node-cron fires on: `*\/30 * * * * *`),
 * model `observed` estimates each target's slot from its arrivals since the window's start (see observedSlot).
 */
export function fireStats(
  targets: readonly string[],
  log: Readonly<Record<string, readonly number[]>>,
  opts: { intervalMs: number; startMs: number; endMs: number; model: SlotModel; earlyMs?: number },
): FireStats {
  const { intervalMs: I, startMs, endMs, model } = opts;
  // A timer may fire a hair before its slot (grid model): such an arrival is that fire, with a lag just below 0.
  const early = opts.earlyMs ?? 100;
  const out: FireStats = { arrivals: 0, lags: [], missed: 0, neverArrived: 0, expected: 0 };
  for (const target of targets) {
    const arrivals = log[target] ?? [];
    // Only arrivals from the window on: fires at start-up or still settling in the warm-up are off-slot.
    const slot = model === 'grid' ? 0 : observedSlot(arrivals.filter((t) => t >= startMs - early), I);
    // Fires due in the window: slot + n*I in [startMs, endMs).
    const phase = slot ?? mod(startMs, I);
    const first = Math.ceil((startMs - phase) / I);
    const last = Math.ceil((endMs - phase) / I) - 1;
    const due = Math.max(0, last - first + 1);
    out.expected += due;
    if (slot === null) {
      out.neverArrived += 1;
      out.missed += due;
      continue;
    }
    const hit = new Set<number>();
    for (const t of arrivals) {
      const n = Math.floor((t - slot + early) / I);
      if (n < first || n > last || hit.has(n)) continue; // outside the window, or a second arrival for one fire
      hit.add(n);
      out.lags.push(t - (slot + n * I));
    }
    out.arrivals += hit.size;
    out.missed += due - hit.size;
  }
  return out;
}

/** The q-quantile (0..1) of values by the nearest-rank method; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** Cumulative bucket counts of one histogram (summed over label sets), keyed by upper bound. */
export type Buckets = Map<number, number>;

/** A sample line's value for `name` summed over label sets, from the Prometheus text format. */
export function counterValue(text: string, name: string): number | null {
  let sum: number | null = null;
  for (const line of text.split('\n')) {
    const m = /^(\S+?)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (m && m[1] === name) sum = (sum ?? 0) + Number(m[2]);
  }
  return sum;
}

/** The `<name>_bucket` series summed over label sets; null when the histogram is absent. */
export function histogramBuckets(text: string, name: string): Buckets | null {
  const buckets: Buckets = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}_bucket{`)) continue;
    const m = /le="([^"]+)"[^}]*\}\s+(\S+)/.exec(line);
    if (!m) continue;
    const le = m[1] === '+Inf' ? Infinity : Number(m[1]);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(m[2]));
  }
  return buckets.size > 0 ? buckets : null;
}

/** end − start per bucket (the observations made between two scrapes). */
export function bucketDelta(end: Buckets, start: Buckets | null): Buckets {
  return new Map([...end].map(([le, v]) => [le, v - (start?.get(le) ?? 0)]));
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside its bucket like PromQL's
 * histogram_quantile; the largest finite bound when it falls in +Inf; null with no observations.
 */
export function histogramQuantile(buckets: Buckets, q: number): number | null {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const [le, count] of sorted) {
    if (count >= rank) {
      if (le === Infinity) return prevLe;
      if (count === prevCount) return le;
      return prevLe + ((le - prevLe) * (rank - prevCount)) / (count - prevCount);
    }
    prevLe = le;
    prevCount = count;
  }
  return prevLe;
}
