import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { ProbeScheduler, type FireCoordinator } from '../../src/scheduler/probe-scheduler.ts';
import { assignSlots } from '../../src/scheduler/slots.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';

/** The store's lease as Redis holds it (SET NX PX), on the shared test Redis. */
function redisLease(redis: Redis, prefix: string): FireCoordinator {
  return { shouldRun: async (key, ttlMs) => (await redis.set(`${prefix}lease:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK' };
}

describe('probe scheduler across replicas (real Redis lease, real time)', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('when two schedulers fire the same probes with one Redis lease, then every slot runs exactly once across both', async () => {
    const prefix = uniquePrefix();
    const ids = ['login-gov', 'pz', 'mojeid', 'bank-a', 'bank-b'];
    const offsets = assignSlots(ids.map((id) => ({ id, intervalMs: 1_000 })));
    const fires: { id: string; fireAt: number; replica: string }[] = [];
    const make = (replica: string) => {
      const s = new ProbeScheduler({
        logger: createLogger('silent'),
        now: () => Date.now(),
        coordinator: redisLease(redis, prefix),
        concurrency: 4,
        maxConcurrency: 16,
        cpuCeiling: 0.85,
        elu: () => 0,
      });
      s.start(ids.map((id) => ({ id, intervalMs: 1_000, run: async (fireAt: number) => void fires.push({ id, fireAt, replica }) })));
      return s;
    };
    const replicas = [make('a'), make('b')];
    // Until every probe has fired three slots (on either replica), however long a loaded machine takes.
    await pollUntil('three slots of every probe', async () => (ids.every((id) => new Set(fires.filter((f) => f.id === id).map((f) => f.fireAt)).size >= 3) ? true : undefined), 30_000, 50);
    await Promise.all(replicas.map((s) => s.stop(2_000)));
    const keys = fires.map((f) => `${f.id}@${f.fireAt}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every slot between a probe's first and last fire ran (on one replica or the other), and nothing off the grid did.
    for (const id of ids) {
      const offset = offsets.get(id)!;
      const mine = fires.filter((f) => f.id === id).map((f) => f.fireAt);
      for (const t of mine) expect((t - offset) % 1_000).toBe(0);
      for (let t = Math.min(...mine); t <= Math.max(...mine); t += 1_000) expect(mine, `${id}@${t}`).toContain(t);
    }
  }, 60_000);
});
