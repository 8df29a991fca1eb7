import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult, ProbeState } from '../../src/domain/types.ts';
import type { StoreOutageObserver, Stores } from '../../src/store/ports.ts';
import { pollUntil } from '../helpers/poll.ts';
import { redisStores } from '../helpers/stores.ts';
import { startRedisProcess, type RedisProcess } from './redis-process.ts';

const result = (at: number): ProbeResult => ({ probeId: 'p', component: 'svc', at, ok: true, degraded: false, reason: 'ok', durationMs: 3 });

describe('the outage buffer when Redis is killed and restarted', () => {
  let redis: RedisProcess;
  let stores: Stores;
  const events = { dropped: 0, writtenBack: 0, availability: [] as boolean[] };
  const available = (): boolean => events.availability.at(-1) === true;

  beforeAll(async () => {
    redis = await startRedisProcess();
    stores = await redisStores(redis.url, 'buf:', { guard: { bufferLimit: 3, checkEveryMs: 200 } });
    const observer: StoreOutageObserver = {
      availability: (up) => void events.availability.push(up),
      buffered: () => undefined,
      dropped: (_kind, n) => void (events.dropped += n),
      writtenBack: (n) => void (events.writtenBack += n),
      flushDetected: () => undefined,
    };
    stores.observeOutage(observer);
    await stores.local.results.appendResult(result(1), 100);
  }, 20_000);

  afterAll(async () => {
    await stores?.lifecycle.close();
    await redis?.stop();
  });

  it('when five results and one recorded run come in during an outage with room for three, then three are counted as dropped, three written back in order with the run\'s state, and reads fail fast meanwhile', async () => {
    await redis.kill();
    await pollUntil('outage noticed', async () => (available() ? undefined : true), 5_000, 50);
    for (let at = 2; at <= 6; at++) await stores.local.results.appendResult(result(at), 100);
    const state: ProbeState = { probeId: 'p', status: 'up', consecutiveFailures: 0, consecutiveSuccesses: 7, consecutiveSlow: 0, consecutiveFast: 7, lastOk: true, lastReason: 'ok', lastCheckedAt: 7, since: 1 };
    await stores.local.results.recordRun(result(7), state, 100);
    expect(events.dropped).toBe(3);
    expect((await stores.local.results.getProbeStatesOf(['p', 'q'])).get('p')).toEqual(state);
    // The shared face refuses at once; the local face answers from memory.
    await expect(stores.results.getProbeStates()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((await stores.local.results.recentResults('p', 10)).map((r) => r.at)).toEqual([7, 6, 5]);

    await redis.restart();
    await pollUntil('written back', async () => (available() ? true : undefined), 10_000, 100);
    const stored = (await redis.client().lrange('buf:results:p', 0, -1)).map((j) => (JSON.parse(j) as ProbeResult).at);
    expect(stored).toEqual([7, 6, 5]);
    expect(JSON.parse((await redis.client().hget('buf:probe-states', 'p'))!)).toEqual(state);
    expect(events.writtenBack).toBe(3);
    expect(events.availability).toEqual([true, false, true]);
  }, 30_000);
});
