import { pollUntil } from '../helpers/poll.ts';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import { redisKeyPatterns, redisKeys } from '../../src/store/keys.ts';
import { RedisStore } from '../../src/store/redis/store.ts';
import type { Options } from 'express-rate-limit';
import type { StorePorts, Stores } from '../../src/store/ports.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { redisStores } from '../helpers/stores.ts';
import { storeContract } from './contract/index.ts';
import { maintenanceWindow, probeState, transition } from './contract/fixture.ts';

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
    stores: store,
    clock: new FakeClock(Date.now()),
    makePeer: async () => open(),
    reopen: async () => {
      await store.lifecycle.close();
      store = open();
      return store;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.lifecycle.close()));
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
      await store.results.appendResult({ probeId: 'pz-login', component: 'profil-zaufany', at: 1, ok: true, degraded: false, reason: 'ok', durationMs: 1 }, 5);
      await store.results.setProbeState({ probeId: 'pz-login', status: 'up', consecutiveFailures: 0, consecutiveSuccesses: 1, consecutiveSlow: 0, consecutiveFast: 1, lastOk: true, lastReason: 'ok', lastCheckedAt: 1, since: 1 });
      await store.results.setComponentStates([{ id: 'bank:pko', status: 'operational', since: 1, lastCheckedAt: 1, reason: 'ok', rootCause: null }]);
      await store.history.addUptime('bank:pko', new Date().toISOString().slice(0, 10), 'operational', 1, 90);
      await store.history.bookUptime('bank:pko', new Date().toISOString().slice(0, 10), 'operational', { seconds: 10, from: 3, to: 3 }, 90);
      await store.coordination.acquireLease('run:pz-login', 60_000);
      await store.history.addTransitions([transition('bank:pko', 1, 'outage')], 90);
      await store.windows.putWindows([maintenanceWindow('pz#0')]);
      const keys = await keysUnder(client, keyPrefix);
      const k = redisKeys(keyPrefix);
      expect(keys).toEqual(
        [
          k.componentStates,
          k.lease('run:pz-login'),
          k.probeStates,
          k.results('pz-login'),
          k.uptime('bank:pko', new Date().toISOString().slice(0, 10)),
          k.uptimeSlots('bank:pko', new Date().toISOString().slice(0, 10), 10),
          k.transitions('bank:pko'),
          k.windows,
        ].sort(),
      );
      const patterns = redisKeyPatterns(keyPrefix);
      for (const key of keys) expect(patterns.some((p) => p.test(key)), key).toBe(true);
    } finally {
      await store.lifecycle.close();
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
      await store.results.setComponentStates([{ id: 'mojeid', status: 'outage', since: 1, lastCheckedAt: 1, reason: 'dns', rootCause: null }]);
      expect([...(await store.results.getComponentStates()).keys()]).toEqual(['mojeid']);
      expect([...(await store.results.getComponentStates()).keys()]).toEqual(['mojeid']);
      await pollUntil('the quarantine', async () => ((await store.operator.getQuarantine()).length === 1 ? true : undefined), 5_000, 20);
      expect(await client.hkeys(redisKeys(keyPrefix).componentStates)).toEqual(['mojeid']);
      expect(warnings).toHaveLength(1);
    } finally {
      await store.lifecycle.close();
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
      await store.windows.putWindows([maintenanceWindow('pz#0')]);
      await store.history.addTransitions([transition('ikp', 10, 'outage')], 90);
      expect((await store.windows.getWindows()).map((w) => w.id)).toEqual(['pz#0']);
      expect(await store.history.getTransitions('ikp', 0, 20)).toEqual([transition('ikp', 10, 'outage')]);
      await store.windows.pruneWindows(Number.MAX_SAFE_INTEGER);
      expect(await store.windows.getWindows()).toEqual([]);
      const records = await pollUntil('the quarantine', async () => ((await store.operator.getQuarantine()).length === 2 ? store.operator.getQuarantine() : undefined), 5_000, 20);
      expect(records.map((q) => q.kind).sort()).toEqual(['transition', 'window']);
      expect(await client.hkeys(k.windows)).toEqual([]);
      expect(warnings).toHaveLength(2);
    } finally {
      await store.lifecycle.close();
      client.disconnect();
      await dropPrefix(keyPrefix);
    }
  });
});

/** The guarded Redis store as createStore opens it, through one of its two faces. */
function guardedContract(face: 'shared' | 'local'): void {
  storeContract(`Redis behind the outage guard (createStore, ${face} face)`, async () => {
    const keyPrefix = uniquePrefix();
    const opened: Stores[] = [];
    const open = async (): Promise<StorePorts> => {
      const s = await redisStores(testRedisUrl(), keyPrefix);
      opened.push(s);
      return face === 'shared' ? s : s.local;
    };
    let stores = await open();
    return {
      stores,
      clock: new FakeClock(Date.now()),
      makePeer: open,
      reopen: async () => {
        await stores.lifecycle.close();
        stores = await open();
        return stores;
      },
      cleanup: async () => {
        await Promise.all(opened.map((s) => s.lifecycle.close()));
        await dropPrefix(keyPrefix);
      },
    };
  });
}

guardedContract('shared');
guardedContract('local');

/** Commands Redis ran for one named connection, as MONITOR saw them (lower-case names). */
async function watchCommands(connectionName: string): Promise<{ seen: string[]; stop: () => Promise<void> }> {
  const admin = new Redis(testRedisUrl());
  const addr = ((await admin.call('CLIENT', 'LIST')) as string).split('\n').find((l) => l.includes(` name=${connectionName} `))?.match(/addr=(\S+)/)?.[1];
  const monitor = await admin.monitor();
  const seen: string[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === addr) seen.push(String(args[0]).toLowerCase());
  });
  return {
    seen,
    stop: async () => {
      monitor.disconnect();
      admin.disconnect();
    },
  };
}

describe('RedisStore round trips on the probe path', () => {
  it('when a run is recorded and states of chosen ids are read, then one MULTI carries the result and the state, and one HMGET each read', async () => {
    const keyPrefix = uniquePrefix();
    const name = `rt-${keyPrefix.replace(/\W/g, '')}`;
    const client = new Redis(testRedisUrl(), { connectionName: name });
    await client.ping();
    const store = new RedisStore({ client, keyPrefix });
    const watch = await watchCommands(name);
    try {
      const state = probeState('p');
      await store.results.recordRun({ probeId: 'p', component: 'ikp', at: 1, ok: true, degraded: false, reason: 'ok', durationMs: 1 }, state, 5);
      await store.results.getProbeStatesOf(['p', 'q', 'r']);
      await store.results.getComponentStatesOf(['ikp', 'pz']);
      await store.results.getComponentStatesOf([]);
      await pollUntil('the commands', async () => (watch.seen.length >= 7 ? true : undefined), 5_000, 20);
      expect(watch.seen).toEqual(['multi', 'lpush', 'ltrim', 'hset', 'exec', 'hmget', 'hmget']);
    } finally {
      await watch.stop();
      await store.lifecycle.close();
      await dropPrefix(keyPrefix);
    }
  });
});

describe('rate-limit counters on Redis', () => {
  it('when two stores over one Redis count one client under one limiter, then they share one budget and a reset on one clears both', async () => {
    const keyPrefix = uniquePrefix();
    const [a, b] = await Promise.all([redisStores(testRedisUrl(), keyPrefix), redisStores(testRedisUrl(), keyPrefix)]);
    try {
      const [la, lb] = [a.coordination.rateLimitStore('triage'), b.coordination.rateLimitStore('triage')];
      for (const l of [la, lb]) await l.init?.({ windowMs: 60_000 } as Options);
      await la.increment('10.0.0.9');
      await lb.increment('10.0.0.9');
      expect((await la.increment('10.0.0.9')).totalHits).toBe(3);
      const admin = b.coordination.rateLimitStore('admin');
      await admin.init?.({ windowMs: 60_000 } as Options);
      expect((await admin.increment('10.0.0.9')).totalHits).toBe(1);
      await lb.resetKey('10.0.0.9');
      expect((await la.increment('10.0.0.9')).totalHits).toBe(1);
      const client = new Redis(testRedisUrl());
      expect((await client.keys(`${keyPrefix}rl:*`)).sort()).toEqual([`${keyPrefix}rl:admin:10.0.0.9`, `${keyPrefix}rl:triage:10.0.0.9`]);
      client.disconnect();
    } finally {
      await Promise.all([a.lifecycle.close(), b.lifecycle.close()]);
      await dropPrefix(keyPrefix);
    }
  });
});

describe('createStore with a Redis URL', () => {
  it('when redisUrl is set, then writes land in Redis under the prefix and the store answers', async () => {
    const keyPrefix = uniquePrefix();
    const stores = await createStore({ redisUrl: testRedisUrl(), keyPrefix, snapshotFile: null, clock: new FakeClock(0) });
    const client = new Redis(testRedisUrl());
    try {
      await expect(stores.lifecycle.ping()).resolves.toBeUndefined();
      await stores.windows.putWindows([maintenanceWindow('pz#0')]);
      expect(await client.hkeys(redisKeys(keyPrefix).windows)).toEqual(['pz#0']);
    } finally {
      client.disconnect();
      await stores.lifecycle.close();
      await dropPrefix(keyPrefix);
    }
  });
});
