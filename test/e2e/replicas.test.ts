import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';

const PROBES = Array.from({ length: 10 }, (_, i) => `p${i}`);


describe('two replicas sharing one Redis', () => {
  const hits = new Map<string, number>();
  let upstream: http.Server;
  let store: Stores;
  let a: SpawnedApp;
  let b: SpawnedApp;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      const id = (req.url ?? '/').slice(1);
      hits.set(id, (hits.get(id) ?? 0) + 1);
      res.end('ok');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const prefix = uniquePrefix();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ikp-replicas-'));
    const yaml = [
      `store: { keyPrefix: "${prefix}" }`,
      'components:',
      '  - { id: svc, name: { pl: Usługa, en: Service } }',
      'probes:',
      ...PROBES.map((id) => `  - { id: ${id}, kind: http, component: svc, interval: 1s, timeout: 800ms, http: { url: "${base}/${id}" } }`),
    ].join('\n');
    writeFileSync(path.join(dir, 'config.yaml'), yaml);
    const env = { CONFIG: path.join(dir, 'config.yaml'), REDIS_URL: testRedisUrl(), LOG_LEVEL: 'info' };
    [a, b] = await Promise.all([spawnApp(env, { cwd: dir }), spawnApp(env, { cwd: dir })]);
    store = await createStore({ redisUrl: testRedisUrl(), keyPrefix: prefix, snapshotFile: null, clock: systemClock });
  });

  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await store?.lifecycle.close();
    await new Promise((r) => upstream?.close(r));
  });

  it('when both replicas run 10 probes for several fires, then each fire ran exactly once', async () => {
    // Several fires of every probe: four stored results each.
    await pollUntil('four results of every probe', async () => ((await Promise.all(PROBES.map((id) => store.results.recentResults(id, 4)))).every((r) => r.length >= 4) ? true : undefined), 30_000, 100);
    // Probes fire at spread slots (each at its own offset in the second), so some fire may always
    // be in flight: its request counted upstream, its result not stored yet. Hits are read first,
    // then each probe is polled until the runs of slots up to that instant have stored as many
    // results as requests were counted (a run made twice but stored once never gets there).
    const readAt = Date.now();
    const seen = new Map(hits);
    const upToRead = async (id: string) => (await store.results.recentResults(id, 100)).filter((r) => r.at <= readAt);
    await pollUntil('every counted request stored', async () => ((await Promise.all(PROBES.map(upToRead))).every((r, i) => r.length >= (seen.get(PROBES[i]!) ?? 0)) ? true : undefined), 20_000, 50);
    for (const id of PROBES) {
      const results = await store.results.recentResults(id, 100);
      expect(results.length, `probe ${id} ran`).toBeGreaterThanOrEqual(4);
      // One fire per slot: runs of the same slot start within milliseconds, slots are a second apart.
      const first = Math.min(...results.map((r) => r.at));
      const slots = results.map((r) => Math.round((r.at - first) / 1000));
      expect(new Set(slots).size, `probe ${id}: a scheduled slot ran twice (${results.map((r) => r.at).join(', ')})`).toBe(slots.length);
      // Beyond the requests counted, at most the one run (1 s interval) whose slot came before the
      // read but whose request had not reached the upstream yet. A fire run twice would be two
      // stored runs of one slot, caught above.
      const extra = (await upToRead(id)).length - (seen.get(id) ?? 0);
      expect(extra, `probe ${id}: stored results minus upstream requests`).toBeLessThanOrEqual(1);
    }
  });

  it('when one replica is killed, then the other keeps probing every target', async () => {
    await a.stop('SIGKILL');
    const killedAt = Date.now();
    // Two fires of every probe after the kill, all by the survivor; a probe it dropped never gets them.
    const after = async (id: string): Promise<number> => (await store.results.recentResults(id, 100)).filter((r) => r.at > killedAt).length;
    await pollUntil('two fires of every probe after the kill', async () => ((await Promise.all(PROBES.map(after))).every((n) => n >= 2) ? true : undefined), 20_000, 100);
  });
});
