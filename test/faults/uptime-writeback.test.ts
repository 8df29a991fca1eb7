import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { PipelineDeps } from '../../src/pipeline/context.ts';
import { evaluationTick, uptimeSlot } from '../../src/pipeline/uptime-tick.ts';
import { leaseCoordinator } from '../../src/scheduler/lease-coordinator.ts';
import type { Stores } from '../../src/store/ports.ts';
import { testConfig } from '../helpers/config.ts';
import { pollUntil } from '../helpers/poll.ts';
import { redisStores } from '../helpers/stores.ts';
import { startRedisProcess, type RedisProcess } from './redis-process.ts';

const TICK_MS = 10_000;
const OUTAGE_TICKS = 20;
const AFTER_TICKS = 3;

/** One replica's evaluation side: its own guarded store client, its lease coordinator and a pipeline on the local face. */
interface Replica {
  stores: Stores;
  deps: PipelineDeps;
  available: () => boolean;
  failOpen: number;
  ran: number;
}

describe('uptime booked by two replicas while Redis is killed, then written back', () => {
  let redis: RedisProcess;
  const replicas: Replica[] = [];
  const config = testConfig({ engine: { evaluateEvery: '10s' } });
  // Driven, aligned on a tick and near today (Redis expires a day's buckets by the real calendar).
  const clock = new FakeClock(Math.floor(Date.now() / TICK_MS) * TICK_MS);

  /** Both replicas take the scheduled fire `fireAt`, each running it when its lease says so (fail-open while Redis is down). */
  async function fire(fireAt: number): Promise<void> {
    clock.set(fireAt);
    await Promise.all(
      replicas.map(async (r) => {
        const coordinator = leaseCoordinator(r.stores.coordination, () => void (r.failOpen += 1));
        if (!(await coordinator.shouldRun(`engine:evaluate:${fireAt}`, TICK_MS))) return;
        r.ran += 1;
        await evaluationTick(r.deps, TICK_MS, fireAt);
      }),
    );
  }

  beforeAll(async () => {
    redis = await startRedisProcess();
    for (let i = 0; i < 2; i++) {
      const stores = await redisStores(redis.url, 'up:', { clock, guard: { checkEveryMs: 100, checkTimeoutMs: 500 } });
      let up = true;
      stores.observeOutage({ availability: (u) => void (up = u), buffered: () => undefined, dropped: () => undefined, writtenBack: () => undefined, flushDetected: () => undefined });
      replicas.push({ stores, deps: { config, stores: stores.local, clock, logger: createLogger('silent') }, available: () => up, failOpen: 0, ran: 0 });
    }
  }, 20_000);

  afterAll(async () => {
    for (const r of replicas) await r.stores.lifecycle.close();
    await redis?.stop();
  });

  it('when both replicas book every tick of the outage and write back, then no component has more time booked than passed (plus one tick)', async () => {
    let t = clock.now();
    for (let i = 0; i < 3; i++, t += TICK_MS) await fire(t);
    await redis.kill();

    const outageStart = t;
    for (let i = 0; i < OUTAGE_TICKS; i++, t += TICK_MS) await fire(t);
    // Both replicas really ran the outage's ticks (leases failed open): each holds its own copy to write back.
    for (const r of replicas) expect(r.failOpen).toBeGreaterThanOrEqual(OUTAGE_TICKS);

    await redis.restart();
    await pollUntil('both replicas wrote back', async () => (replicas.every((r) => r.available()) ? true : undefined), 20_000, 100);
    for (let i = 0; i < AFTER_TICKS; i++, t += TICK_MS) await fire(t);
    const wallSeconds = (t - outageStart) / 1000;

    // Redis came back empty: everything it holds was booked from the outage on.
    const from = uptimeSlot(outageStart, TICK_MS).day;
    const to = uptimeSlot(t, TICK_MS).day;
    for (const c of config.components) {
      const buckets = await replicas[0]!.stores.history.getUptime(c.id, from, to);
      const booked = buckets.reduce((sum, b) => sum + Object.values(b.seconds).reduce((x, y) => x + y, 0), 0);
      expect(booked, c.id).toBeLessThanOrEqual(wallSeconds + TICK_MS / 1000);
      // And none of the outage's ticks was lost on the way.
      expect(booked, c.id).toBeGreaterThanOrEqual(wallSeconds);
    }
  }, 60_000);
});
