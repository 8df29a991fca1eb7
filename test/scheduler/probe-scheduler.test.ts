import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { ProbeScheduler, type FireCoordinator, type MissReason, type ProbeJob } from '../../src/scheduler/probe-scheduler.ts';
import { assignSlots } from '../../src/scheduler/slots.ts';

/** A wall-clock time on every interval's grid (a whole hour). */
const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);

interface Fire {
  id: string;
  fireAt: number;
  startedAt: number;
  replica: string;
}

/** A scheduler on the fake clock that records fires, lags, misses and limits. */
function harness(opts: { concurrency?: number; maxConcurrency?: number; coordinator?: FireCoordinator; replica?: string; fires?: Fire[]; lines?: string[] } = {}) {
  const fires = opts.fires ?? [];
  const lags: number[] = [];
  const missed: Record<MissReason, number> = { overlap: 0, queued: 0, stalled: 0 };
  const limits: number[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      opts.lines?.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const scheduler = new ProbeScheduler({
    logger: createLogger('warn', sink),
    now: () => Date.now(),
    concurrency: opts.concurrency ?? 8,
    maxConcurrency: opts.maxConcurrency ?? 64,
    cpuCeiling: 0.85,
    elu: () => 0.1,
    ...(opts.coordinator ? { coordinator: opts.coordinator } : {}),
    observer: {
      fireStarted: (lag) => lags.push(lag),
      fireMissed: (reason) => missed[reason]++,
      concurrencyLimit: (l) => limits.push(l),
    },
  });
  /** A job that records each fire and then runs for `runMs(n)` of fake time (n: its 0-based run count). */
  const job = (id: string, intervalMs: number, runMs: (n: number) => number = () => 10, extra: Partial<ProbeJob> = {}): ProbeJob => {
    let n = 0;
    return {
      id,
      intervalMs,
      run: async (fireAt) => {
        fires.push({ id, fireAt, startedAt: Date.now(), replica: opts.replica ?? 'a' });
        await new Promise((r) => setTimeout(r, runMs(n++)));
      },
      ...extra,
    };
  };
  return { scheduler, fires, lags, missed, limits, job };
}

/** Every slot k × interval + offset in [from, to]. */
function slotsBetween(from: number, to: number, interval: number, offset: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil((from - offset) / interval) * interval + offset; t <= to; t += interval) out.push(t);
  return out;
}

describe('probe scheduler (fake clock)', () => {
  const running: ProbeScheduler[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(async () => {
    for (const s of running.splice(0)) {
      const stopped = s.stop(0);
      await vi.advanceTimersByTimeAsync(1);
      await stopped;
    }
    vi.useRealTimers();
  });

  it('when probes with different intervals run for a minute, then each fires exactly at every k × interval + offset and at no other time', async () => {
    const h = harness();
    running.push(h.scheduler);
    const jobs = [
      ...['a', 'b', 'c', 'd'].map((id) => h.job(`fast-${id}`, 1_000)),
      h.job('two', 2_000),
      ...['x', 'y', 'z'].map((id) => h.job(`slow-${id}`, 30_000)),
    ];
    vi.setSystemTime(T0 + 123);
    const from = Date.now();
    h.scheduler.start(jobs);
    await vi.advanceTimersByTimeAsync(65_000);
    const to = Date.now() - 1;
    const offsets = assignSlots(jobs.map((j) => ({ id: j.id, intervalMs: j.intervalMs })));
    for (const j of jobs) {
      const mine = h.fires.filter((f) => f.id === j.id);
      expect(mine.map((f) => f.fireAt), j.id).toEqual(slotsBetween(from, to, j.intervalMs, offsets.get(j.id)!));
      expect(mine.every((f) => f.startedAt === f.fireAt), j.id).toBe(true);
    }
    expect(h.lags.every((l) => l === 0)).toBe(true);
    expect(h.missed).toEqual({ overlap: 0, queued: 0, stalled: 0 });
  });

  it('when a probe starts, then its first fire comes within one interval', async () => {
    const h = harness();
    running.push(h.scheduler);
    const jobs = Array.from({ length: 30 }, (_, i) => h.job(`p${i}`, 30_000));
    vi.setSystemTime(T0 + 7_777);
    h.scheduler.start(jobs);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(new Set(h.fires.map((f) => f.id)).size).toBe(30);
  });

  it('when a run outlasts its interval, then the fires due meanwhile are counted missed (overlap), not queued behind it', async () => {
    const h = harness();
    running.push(h.scheduler);
    h.scheduler.start([h.job('slow', 1_000, () => 2_500)]);
    await vi.advanceTimersByTimeAsync(9_999);
    // Runs at 0, 3, 6, 9 s; the six slots in between found the previous run still going.
    expect(h.fires.map((f) => f.fireAt - T0)).toEqual([0, 3_000, 6_000, 9_000]);
    expect(h.missed).toEqual({ overlap: 6, queued: 0, stalled: 0 });
    expect(h.lags).toEqual([0, 0, 0, 0]);
  });

  it('when the concurrency limit is saturated, then a waiting fire starts late (lag observed) and is counted missed (queued) once its next slot comes', async () => {
    const h = harness({ concurrency: 1, maxConcurrency: 1 });
    running.push(h.scheduler);
    const offsets = assignSlots([{ id: 'p', intervalMs: 2_000 }, { id: 'q', intervalMs: 2_000 }]);
    const [first, second] = ['p', 'q'].sort((a, b) => offsets.get(a)! - offsets.get(b)!) as [string, string];
    expect([offsets.get(first), offsets.get(second)]).toEqual([0, 1_000]);
    // The first probe's first run holds the only slot for 3.5 s; every other run takes 10 ms.
    h.scheduler.start([h.job(first, 2_000, (n) => (n === 0 ? 3_500 : 10)), h.job(second, 2_000)]);
    await vi.advanceTimersByTimeAsync(5_500);
    // second: its 1 s fire waited and was replaced by its 3 s fire, which started when the slot freed at 3.5 s.
    const seconds = h.fires.filter((f) => f.id === second).map((f) => [f.fireAt - T0, f.startedAt - T0]);
    expect(seconds).toEqual([
      [3_000, 3_500],
      [5_000, 5_000],
    ]);
    expect(h.missed).toEqual({ overlap: 1, queued: 1, stalled: 0 });
    expect([...h.lags].sort((a, b) => b - a)[0]).toBe(500);
  });

  it('when fires queue below the ceiling, then the limit grows instead of letting them wait', async () => {
    const h = harness({ concurrency: 1, maxConcurrency: 8 });
    running.push(h.scheduler);
    h.scheduler.start(Array.from({ length: 6 }, (_, i) => h.job(`p${i}`, 6_000, () => 5_000)));
    await vi.advanceTimersByTimeAsync(12_000);
    expect(h.missed).toEqual({ overlap: 0, queued: 0, stalled: 0 });
    expect(h.lags.every((l) => l === 0)).toBe(true);
    expect(Math.max(...h.limits)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...h.limits)).toBeLessThanOrEqual(8);
  });

  it('when a canary is due while the limit is saturated, then it runs on time outside the limit', async () => {
    const h = harness({ concurrency: 1, maxConcurrency: 1 });
    running.push(h.scheduler);
    h.scheduler.start([h.job('blocker', 60_000, () => 50_000), h.job('canary', 1_000, () => 10, { unlimited: true })]);
    await vi.advanceTimersByTimeAsync(10_000);
    const canary = h.fires.filter((f) => f.id === 'canary');
    expect(canary.length).toBeGreaterThanOrEqual(10);
    expect(canary.every((f) => f.startedAt === f.fireAt)).toBe(true);
  });

  it('when the process is stalled past several slots, then each passed slot is counted missed (stalled) once and the latest one runs', async () => {
    const h = harness();
    running.push(h.scheduler);
    h.scheduler.start([h.job('p', 1_000)]);
    await vi.advanceTimersByTimeAsync(2_500);
    // The wall clock jumps 5 s while no timer runs (a long GC pause or a suspended VM).
    vi.setSystemTime(Date.now() + 5_000);
    await vi.advanceTimersByTimeAsync(500);
    expect(h.missed.stalled).toBe(5);
    expect(h.fires.map((f) => f.fireAt - T0)).toEqual([0, 1_000, 2_000, 8_000]);
  });

  it('when many fires are missed within a minute, then one warning is logged for them', async () => {
    const lines: string[] = [];
    const h = harness({ lines });
    running.push(h.scheduler);
    h.scheduler.start([h.job('slow', 1_000, () => 30_000)]);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(h.missed.overlap).toBeGreaterThan(20);
    expect(lines.filter((l) => l.includes('missed their slot'))).toHaveLength(1);
  });

  it('when two schedulers share a lease store, then each fire runs exactly once across both, and every slot runs', async () => {
    const leases = new Map<string, number>();
    const ttls = new Set<number>();
    const coordinator: FireCoordinator = {
      shouldRun: async (key, ttlMs) => {
        ttls.add(ttlMs);
        if ((leases.get(key) ?? 0) > Date.now()) return false;
        leases.set(key, Date.now() + ttlMs);
        return true;
      },
    };
    const fires: Fire[] = [];
    const a = harness({ coordinator, replica: 'a', fires });
    const b = harness({ coordinator, replica: 'b', fires });
    running.push(a.scheduler, b.scheduler);
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    // Replica b is busy elsewhere for half its fires: whichever asks first runs the fire.
    a.scheduler.start(ids.map((id) => a.job(id, 1_000)));
    b.scheduler.start(ids.map((id) => b.job(id, 1_000)));
    await vi.advanceTimersByTimeAsync(9_999);
    const keys = fires.map((f) => `${f.id}@${f.fireAt}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(ids.length * 10);
    expect([...ttls]).toEqual([1_000]);
  });

  it('when the coordinator cannot answer, then the fire runs anyway (fail open)', async () => {
    const h = harness({ coordinator: { shouldRun: () => Promise.reject(new Error('store down')) } });
    running.push(h.scheduler);
    h.scheduler.start([h.job('p', 1_000)]);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(h.fires).toHaveLength(3);
  });

  it('when a long-interval probe starts far from its slot, then it fires once at start without a lag sample; a short-interval one waits for its slot', async () => {
    const h = harness();
    running.push(h.scheduler);
    vi.setSystemTime(T0 + 10_000);
    h.scheduler.start([h.job('hourly', 3_600_000), h.job('fast', 30_000)]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.fires.map((f) => [f.id, f.fireAt - T0])).toEqual([['hourly', 10_000]]);
    expect(h.lags).toEqual([]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.fires.map((f) => [f.id, f.fireAt - T0])).toEqual([['hourly', 10_000], ['fast', 30_000]]);
  });

  it('when stopped, then no further fire starts, and stop reports whether the running ones finished within the grace', async () => {
    const h = harness();
    h.scheduler.start([h.job('p', 1_000, () => 300), h.job('long', 1_000, () => 900)]);
    await vi.advanceTimersByTimeAsync(1_100);
    const count = h.fires.length;
    expect(h.scheduler.busy).toBeGreaterThan(0);
    const short = h.scheduler.stop(100);
    await vi.advanceTimersByTimeAsync(100);
    expect(await short).toBe(false);
    const graceful = h.scheduler.stop(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await graceful).toBe(true);
    expect(h.fires).toHaveLength(count);
    expect(h.scheduler.busy).toBe(0);
  });
});
