import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/domain/types.ts';
import { RedisGuard, type StoreOutageObserver } from '../../src/store/redis-guard.ts';
import { RedisStore } from '../../src/store/redis.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startRedisProcess, type RedisProcess } from './redis-process.ts';

const result = (at: number): ProbeResult => ({ probeId: 'p', component: 'svc', at, ok: true, degraded: false, reason: 'ok', durationMs: 3 });

describe('the outage buffer when Redis is killed and restarted', () => {
  let redis: RedisProcess;
  let guard: RedisGuard;
  const events = { dropped: 0, writtenBack: 0, availability: [] as boolean[] };

  beforeAll(async () => {
    redis = await startRedisProcess();
    guard = new RedisGuard(new RedisStore({ url: redis.url, keyPrefix: 'buf:' }), { bufferLimit: 3, checkEveryMs: 200 });
    const observer: StoreOutageObserver = {
      availability: (up) => void events.availability.push(up),
      buffered: () => undefined,
      dropped: (_kind, n) => void (events.dropped += n),
      writtenBack: (n) => void (events.writtenBack += n),
      flushDetected: () => undefined,
    };
    guard.observe(observer);
    await guard.local.appendResult(result(1), 100);
  }, 20_000);

  afterAll(async () => {
    await guard?.shared.close();
    await redis?.stop();
  });

  it('when five results come in during an outage with room for three, then two are counted as dropped, three written back in order, and reads fail fast meanwhile', async () => {
    await redis.kill();
    await pollUntil('outage noticed', async () => (guard.available ? undefined : true), 5_000, 50);
    for (let at = 2; at <= 6; at++) await guard.local.appendResult(result(at), 100);
    expect(events.dropped).toBe(2);
    // The shared face refuses at once; the local face answers from memory.
    await expect(guard.shared.getProbeStates()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((await guard.local.recentResults('p', 10)).map((r) => r.at)).toEqual([6, 5, 4]);

    await redis.restart();
    await pollUntil('written back', async () => (guard.available ? true : undefined), 10_000, 100);
    const stored = (await redis.client().lrange('buf:results:p', 0, -1)).map((j) => (JSON.parse(j) as ProbeResult).at);
    expect(stored).toEqual([6, 5, 4]);
    expect(events.writtenBack).toBe(3);
    expect(events.availability).toEqual([true, false, true]);
  }, 30_000);
});
