import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { redisKeys } from '../../src/store/keys.ts';
import type { Stores } from '../../src/store/ports.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { memoryStores, redisStores } from '../helpers/stores.ts';
import { PLANTED } from '../store/contract/quarantine.ts';
import { faultApp } from './harness.ts';

const clock = new FakeClock(Date.parse('2026-03-28T12:00:00+01:00'));

/** Each store with an incident without a title written raw into its real backing storage. */
const STORES: [string, () => Promise<{ stores: Stores; cleanup: () => Promise<void> }>][] = [
  [
    'a real Redis',
    async () => {
      const keyPrefix = uniquePrefix();
      const raw = new Redis(testRedisUrl());
      await raw.hset(redisKeys(keyPrefix).incidents, 'good', JSON.stringify(PLANTED.valid), 'bad', JSON.stringify(PLANTED.malformed));
      const store = await redisStores(testRedisUrl(), keyPrefix, { clock });
      return {
        stores: store,
        cleanup: async () => {
          const found = await raw.keys(`${keyPrefix}*`);
          if (found.length > 0) await raw.del(...found);
          raw.disconnect();
        },
      };
    },
  ],
  [
    "the embedded store's snapshot file",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ikp-malformed-'));
      const file = join(dir, 'state.json');
      const snapshot = { version: 1, savedAt: 0, results: {}, probeStates: [], componentStates: [], uptime: {}, incidents: [PLANTED.valid, PLANTED.malformed] };
      await writeFile(file, JSON.stringify(snapshot), 'utf8');
      const store = await memoryStores(clock, file);
      return { stores: store, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
];

describe('a malformed record in the store (issue 10 item 9)', () => {
  it.each(STORES)('when an incident without a title is in %s, then the page, the status API and the admin API keep working and the operator can delete it', async (_where, open) => {
    const { stores: store, cleanup } = await open();
    const h = await faultApp({ stores: store });
    try {
      await h.snapshot.rebuild();
      const admin = await request(h.app).get('/api/v1/admin/incidents').set('authorization', h.auth);
      expect(admin.status).toBe(200);
      expect(admin.body.incidents.map((i: { id: string }) => i.id)).toEqual(['good']);
      expect((await request(h.app).get('/api/v1/status')).status).toBe(200);
      const page = await request(h.app).get('/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Awaria &lt;e-recept&gt;');

      const listed = await request(h.app).get('/api/v1/admin/quarantine').set('authorization', h.auth);
      expect(listed.status).toBe(200);
      expect(listed.body.records).toHaveLength(1);
      const [record] = listed.body.records as { id: string; kind: string; problems: string[] }[];
      expect(record!.kind).toBe('incident');
      expect(record!.problems.join(' ')).toContain('title');

      expect((await request(h.app).delete(`/api/v1/admin/quarantine/${record!.id}`).set('authorization', h.auth)).status).toBe(200);
      expect((await request(h.app).delete(`/api/v1/admin/quarantine/${record!.id}`).set('authorization', h.auth)).status).toBe(404);
      expect((await request(h.app).get('/api/v1/admin/quarantine').set('authorization', h.auth)).body.records).toEqual([]);
      const audit = await request(h.app).get('/api/v1/admin/audit').set('authorization', h.auth);
      expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('quarantine.delete');
      // Nothing logged as an unhandled error along the way.
      expect(h.log()).not.toContain('unhandled error');
    } finally {
      await h.close();
      await cleanup();
    }
  });
});
