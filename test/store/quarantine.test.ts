import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { FakeClock } from '../../src/domain/clock.ts';
import { redisKeys } from '../../src/store/keys.ts';
import { MemoryStore } from '../../src/store/memory/store.ts';
import { RedisStore } from '../../src/store/redis/store.ts';
import type { StorePorts } from '../../src/store/ports.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { quarantineContract } from './contract/quarantine.ts';

const clock = new FakeClock(Date.parse('2026-03-28T12:00:00+01:00'));
const collect = (warnings: string[]) => ({ warn: (_o: object, msg: string) => void warnings.push(msg), error: (_o: object, msg: string) => void warnings.push(msg) });

quarantineContract('RedisStore', async () => {
  const keyPrefix = uniquePrefix();
  const keys = redisKeys(keyPrefix);
  const raw = new Redis(testRedisUrl());
  let store: StorePorts | null = null;
  return {
    async open(planted) {
      // Written raw, as an older version, a hand edit or a bad migration would have left them.
      await raw.hset(keys.incidents, 'good', JSON.stringify(planted.valid), 'bad', JSON.stringify(planted.malformed));
      await raw.hset(keys.componentStates, 'ikp', JSON.stringify(planted.badState));
      const warnings: string[] = [];
      store = new RedisStore({ url: testRedisUrl(), keyPrefix, clock, logger: collect(warnings) });
      return { store, warnings };
    },
    async reopen() {
      await store?.lifecycle.close();
      store = new RedisStore({ url: testRedisUrl(), keyPrefix, clock });
      return store;
    },
    async cleanup() {
      await store?.lifecycle.close();
      const found = await raw.keys(`${keyPrefix}*`);
      if (found.length > 0) await raw.del(...found);
      raw.disconnect();
    },
  };
});

quarantineContract('MemoryStore (snapshot file)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ikp-quarantine-'));
  const file = join(dir, 'state.json');
  let store: StorePorts | null = null;
  return {
    async open(planted) {
      await mkdir(dir, { recursive: true });
      const snapshot = { version: 1, savedAt: 0, results: {}, probeStates: [], componentStates: [planted.badState], uptime: {}, incidents: [planted.valid, planted.malformed] };
      await writeFile(file, JSON.stringify(snapshot), 'utf8');
      const warnings: string[] = [];
      store = await MemoryStore.open({ snapshotFile: file, clock, logger: collect(warnings) });
      return { store, warnings };
    },
    async reopen() {
      await store?.lifecycle.close();
      store = await MemoryStore.open({ snapshotFile: file, clock });
      return store;
    },
    async cleanup() {
      await store?.lifecycle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
