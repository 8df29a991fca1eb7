import { pollUntil } from '../helpers/poll.ts';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import { redisKeyPatterns, redisKeys } from '../../src/store/keys.ts';
import { RedisStore } from '../../src/store/redis.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { storeContract } from './contract.ts';
import { maintenanceWindow, transition } from './history-contract.ts';

async function keysUnder(client: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    found.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}

async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(testRedisUrl());
  try {
    const keys = await keysUnder(client, prefix);
    if (keys.length > 0) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}

storeContract('RedisStore', async () => {
  const url = testRedisUrl();
  const keyPrefix = uniquePrefix();
  const opened: RedisStore[] = [];
  const open = (): RedisStore => {
    const s = new RedisStore({ url, keyPrefix });
    opened.push(s);
    return s;
  };
  let store = open();
  return {
    store,
    clock: new FakeClock(Date.now()),
    makePeer: async () => open(),
    reopen: async () => {
      await store.close();
      store = open();
      return store;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await dropPrefix(keyPrefix);
    },
  };
});

describe('RedisStore key layout', () => {
  it('when every kind of data is written, then every key starts with the prefix and matches a documented pattern', async () => {
    const keyPrefix = uniquePrefix();
    const store = new RedisStore({ url: testRedisUrl(), keyPrefix });
    const client = new Redis(testRedisUrl());
    try {
      await store.appendResult({ probeId: 'pz-login', component: 'profil-zaufany', at: 1, ok: true, degraded: false, reason: 'ok', durationMs: 1 }, 5);
      await store.setProbeState({ probeId: 'pz-login', status: 'up', consecutiveFailures: 0, consecutiveSuccesses: 1, consecutiveSlow: 0, consecutiveFast: 1, lastOk: true, lastReason: 'ok', lastCheckedAt: 1, since: 1 });
      await store.setComponentStates([{ id: 'bank:pko', status: 'operational', since: 1, lastCheckedAt: 1, reason: 'ok', rootCause: null }]);
      await store.addUptime('bank:pko', new Date().toISOString().slice(0, 10), 'operational', 1, 90);
      await store.acquireLease('run:pz-login', 60_000);
      await store.addTransitions([transition('bank:pko', 1, 'outage')], 90);
      await store.putWindows([maintenanceWindow('pz#0')]);
      const keys = await keysUnder(client, keyPrefix);
      const k = redisKeys(keyPrefix);
      expect(keys).toEqual(
        [
          k.componentStates,
          k.lease('run:pz-login'),
          k.probeStates,
          k.results('pz-login'),
          k.uptime('bank:pko', new Date().toISOString().slice(0, 10)),
          k.transitions('bank:pko'),
          k.windows,
        ].sort(),
      );
      const patterns = redisKeyPatterns(keyPrefix);
      for (const key of keys) expect(patterns.some((p) => p.test(key)), key).toBe(true);
    } finally {
      await store.close();
      client.disconnect();
      await dropPrefix(keyPrefix);
    }
  });

  it('when a stored state is corrupt JSON, then reads skip it, quarantine it and log one warning', async () => {
    const keyPrefix = uniquePrefix();
    const warnings: string[] = [];
    const store = new RedisStore({ url: testRedisUrl(), keyPrefix, logger: { warn: (_o, msg) => warnings.push(msg) } });
    const client = new Redis(testRedisUrl());
    try {
      await client.hset(redisKeys(keyPrefix).componentStates, 'ikp', '{not json');
      await store.setComponentStates([{ id: 'mojeid', status: 'outage', since: 1, lastCheckedAt: 1, reason: 'dns', rootCause: null }]);
      expect([...(await store.getComponentStates()).keys()]).toEqual(['mojeid']);
      expect([...(await store.getComponentStates()).keys()]).toEqual(['mojeid']);
      await pollUntil('the quarantine', async () => ((await store.getQuarantine()).length === 1 ? true : undefined), 5_000, 20);
      expect(await client.hkeys(redisKeys(keyPrefix).componentStates)).toEqual(['mojeid']);
      expect(warnings).toHaveLength(1);
    } finally {
      await store.close();
      client.disconnect();
      await dropPrefix(keyPrefix);
    }
  });
});

describe('RedisStore history with corrupt entries', () => {
  it('when a stored window or transition is corrupt JSON, then reads and prunes skip it and it is quarantined with one warning each', async () => {
    const keyPrefix = uniquePrefix();
    const warnings: string[] = [];
    const store = new RedisStore({ url: testRedisUrl(), keyPrefix, logger: { warn: (_o, msg) => warnings.push(msg) } });
    const client = new Redis(testRedisUrl());
    try {
      const k = redisKeys(keyPrefix);
      await client.hset(k.windows, 'broken', '{not json');
      await client.zadd(k.transitions('ikp'), 5, '{not json');
      await store.putWindows([maintenanceWindow('pz#0')]);
      await store.addTransitions([transition('ikp', 10, 'outage')], 90);
      expect((await store.getWindows()).map((w) => w.id)).toEqual(['pz#0']);
      expect(await store.getTransitions('ikp', 0, 20)).toEqual([transition('ikp', 10, 'outage')]);
      await store.pruneWindows(Number.MAX_SAFE_INTEGER);
      expect(await store.getWindows()).toEqual([]);
      const records = await pollUntil('the quarantine', async () => ((await store.getQuarantine()).length === 2 ? store.getQuarantine() : undefined), 5_000, 20);
      expect(records.map((q) => q.kind).sort()).toEqual(['transition', 'window']);
      expect(await client.hkeys(k.windows)).toEqual([]);
      expect(warnings).toHaveLength(2);
    } finally {
      await store.close();
      client.disconnect();
      await dropPrefix(keyPrefix);
    }
  });
});

describe('createStore with a Redis URL', () => {
  it('when redisUrl is set, then the Redis store is chosen and answers', async () => {
    const store = await createStore({ redisUrl: testRedisUrl(), keyPrefix: uniquePrefix(), snapshotFile: null, clock: new FakeClock(0) });
    try {
      expect(store).toBeInstanceOf(RedisStore);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
