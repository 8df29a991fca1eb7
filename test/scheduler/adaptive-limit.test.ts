import { describe, expect, it } from 'vitest';
import { AdaptiveLimit, nextLimit, type LimitSample } from '../../src/scheduler/adaptive-limit.ts';

const base: LimitSample = { limit: 8, initial: 8, max: 256, arrivalsPerSecond: 0, latencyMs: 0, active: 0, queued: 0, elu: 0.2, cpuCeiling: 0.85 };

describe('adaptive concurrency: the next limit', () => {
  it.each([
    // Little's law: 33 fires/s × 0.2 s = 6.7 in flight; × 1.5 headroom = 10.
    { name: 'the need (rate × latency × 1.5) is below the floor, then the limit stays at the floor', s: { arrivalsPerSecond: 10, latencyMs: 200 }, next: 8 },
    { name: 'latency rises to 200 ms at 33 fires/s, then the limit rises to 10', s: { arrivalsPerSecond: 33.4, latencyMs: 200 }, next: 11 },
    { name: 'latency rises to 1 s at 33 fires/s, then the limit rises to 50', s: { arrivalsPerSecond: 33.4, latencyMs: 1_000 }, next: 51 },
    { name: 'latency rises to 10 s at 33 fires/s, then the limit stops at the ceiling', s: { arrivalsPerSecond: 33.4, latencyMs: 10_000 }, next: 256 },
    { name: 'fires are queued, then they get slots on top of the limit', s: { limit: 20, queued: 5, arrivalsPerSecond: 10, latencyMs: 200 }, next: 25 },
    { name: 'fires are queued at the ceiling, then the limit stays at the ceiling', s: { limit: 256, queued: 40 }, next: 256 },
    { name: 'the event loop is busy above the ceiling, then the limit backs off to three quarters', s: { limit: 100, elu: 0.95, arrivalsPerSecond: 100, latencyMs: 1_000, queued: 10 }, next: 75 },
    { name: 'the event loop stays busy at a limit of 1, then the limit stays at 1', s: { limit: 1, elu: 0.99 }, next: 1 },
    { name: 'the event loop is exactly at the ceiling, then it is not CPU-bound', s: { limit: 8, elu: 0.85, arrivalsPerSecond: 33.4, latencyMs: 1_000 }, next: 51 },
    { name: 'the need falls from 100 to 10, then the limit goes half-way down', s: { limit: 100, arrivalsPerSecond: 33.4, latencyMs: 200 }, next: 55 },
    { name: 'nothing runs, then the limit returns towards the floor', s: { limit: 10 }, next: 9 },
    { name: 'runs still in flight hold more slots than the need, then the limit does not fall below them', s: { limit: 40, active: 30 }, next: 30 },
  ])('when $name', ({ s, next }) => {
    expect(nextLimit({ ...base, ...s })).toBe(next);
  });
});

/** A limiter on a hand-driven clock and event-loop source. */
function harness(opts: { initial?: number; max?: number } = {}) {
  let t = 1_000_000;
  let elu = 0.1;
  const limits: number[] = [];
  const limiter = new AdaptiveLimit({
    initial: opts.initial ?? 2,
    max: opts.max ?? 16,
    cpuCeiling: 0.85,
    now: () => t,
    elu: () => elu,
    adjustEveryMs: 1_000,
    onLimit: (l) => limits.push(l),
  });
  /** Starts a run (queued if no slot is free) that ends when `end` is called. */
  const start = () => {
    let end!: () => void;
    const gate = new Promise<void>((r) => (end = r));
    const done = limiter.run(() => gate);
    return { done, end };
  };
  return {
    limiter,
    limits,
    start,
    advance: (ms: number) => (t += ms),
    setElu: (v: number) => (elu = v),
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('adaptive concurrency: the limiter', () => {
  it('when fires arrive while every slot is taken and the CPU has room, then the limit grows by one per fire up to the ceiling', async () => {
    const h = harness({ initial: 2, max: 5 });
    const runs = Array.from({ length: 8 }, () => h.start());
    await settle();
    expect(h.limiter.limit).toBe(5);
    expect(h.limiter.active).toBe(5);
    expect(h.limiter.queued).toBe(3);
    for (const r of runs) r.end();
    await Promise.all(runs.map((r) => r.done));
  });

  it('when run latency rises at a steady fire rate, then the limit follows rate × latency up to the ceiling', async () => {
    const h = harness({ initial: 2, max: 16 });
    const observed: number[] = [];
    let running: { endAt: number; end: () => void; done: Promise<void> }[] = [];
    let t = 0;
    // A fire every 100 ms (10/s); each run lasts the phase's latency on the fake clock; 5 s per phase.
    for (const latency of [100, 400, 800, 3_000]) {
      for (let step = 0; step < 50; step++) {
        h.advance(100);
        t += 100;
        for (const r of running.filter((x) => x.endAt <= t)) r.end();
        await settle();
        running = running.filter((x) => x.endAt > t);
        running.push({ endAt: t + latency, ...h.start() });
        await settle();
      }
      observed.push(h.limiter.limit);
    }
    for (const r of running) r.end();
    await Promise.all(running.map((r) => r.done));
    // 10/s × 0.1 s × 1.5 = 2 (the floor); 10/s × 0.4 s × 1.5 = 6; 10/s × 0.8 s × 1.5 = 12; 10/s × 3 s × 1.5 = 45 → the ceiling.
    expect(observed).toEqual([2, 6, 12, 16]);
  });

  it('when the event loop is busy above the CPU ceiling, then the limit backs off and a full limiter no longer grows', async () => {
    const h = harness({ initial: 8, max: 64 });
    const hold = Array.from({ length: 40 }, () => h.start());
    await settle();
    expect(h.limiter.limit).toBe(40);
    h.setElu(0.97);
    h.advance(1_000);
    const extra = h.start();
    await settle();
    expect(h.limiter.limit).toBe(30);
    h.advance(1_000);
    const more = h.start();
    await settle();
    expect(h.limiter.limit).toBe(22);
    expect(h.limits.slice(-2)).toEqual([30, 22]);
    for (const r of [...hold, extra, more]) r.end();
    await Promise.all([...hold, extra, more].map((r) => r.done));
  });
});
