import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { ONE_COMPONENT, writeTempConfig } from './temp-config.ts';

const SLOW_ANSWER_MS = 1_500;

/** An upstream whose /slow answers after 1.5 s and whose /hang never answers; records the order of events. */
function recorder(upstream: Upstream): { arrived: () => Promise<void>; events: string[] } {
  const events: string[] = [];
  let onArrive: () => void = () => undefined;
  const arrival = new Promise<void>((r) => (onArrive = r));
  upstream.route('/slow', (_req, res) => {
    events.push('request');
    onArrive();
    setTimeout(() => {
      events.push('answer');
      res.end('ok');
    }, SLOW_ANSWER_MS);
  });
  upstream.route('/hang', () => {
    events.push('request');
    onArrive();
  });
  return { arrived: () => arrival, events };
}

// An hourly probe: the startup fire is the one in flight; a scheduled fire is unlikely to join it.
const probeOn = (url: string, timeout = '5s') => ({ id: 'slow', kind: 'http' as const, component: 'svc', interval: '1h', timeout, http: { url } });

/** Whether the upstream answered a request only after the signal was sent (so that fire was in flight). */
const answeredAfterSignal = (events: string[]): boolean => events.indexOf('SIGTERM') >= 0 && events.indexOf('answer', events.indexOf('SIGTERM')) > 0;
const requestsIn = (events: string[]): number => events.filter((e) => e === 'request').length;

describe('graceful shutdown', () => {
  let upstream: Upstream;
  let app: SpawnedApp | undefined;

  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterEach(async () => {
    await app?.stop('SIGKILL');
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('when SIGTERM arrives during a probe fire (Redis store), then that fire is stored before a clean exit 0', async () => {
    const rec = recorder(upstream);
    const prefix = uniquePrefix();
    const { dir, file } = writeTempConfig({ store: { keyPrefix: prefix }, components: ONE_COMPONENT, probes: [probeOn(upstream.url('/slow'))] });
    app = await spawnApp({ CONFIG: file, REDIS_URL: testRedisUrl() }, { cwd: dir });
    await rec.arrived();
    rec.events.push('SIGTERM');
    const code = await app.stop('SIGTERM');
    expect(answeredAfterSignal(rec.events), rec.events.join(',')).toBe(true);
    expect(code).toBe(0);
    const store = await createStore({ redisUrl: testRedisUrl(), keyPrefix: prefix, snapshotFile: null, clock: systemClock });
    try {
      const results = await store.results.recentResults('slow', 10);
      expect(results).toHaveLength(requestsIn(rec.events));
      for (const r of results) expect(r).toMatchObject({ probeId: 'slow', component: 'svc', ok: true, reason: 'ok', httpStatus: 200 });
      expect((await store.results.getProbeStates()).get('slow')?.lastOk).toBe(true);
    } finally {
      await store.lifecycle.close();
    }
    expect(app.output()).toMatch(/"msg":"shutting down"[\s\S]*"msg":"ikp-status stopped"/);
  });

  it('when SIGTERM arrives during a probe fire (embedded store), then the fire is in the snapshot file written on exit', async () => {
    const rec = recorder(upstream);
    const { dir, file } = writeTempConfig({ components: ONE_COMPONENT, probes: [probeOn(upstream.url('/slow'))] });
    app = await spawnApp({ CONFIG: file, REDIS_URL: '' }, { cwd: dir });
    await rec.arrived();
    rec.events.push('SIGTERM');
    expect(await app.stop('SIGTERM')).toBe(0);
    expect(answeredAfterSignal(rec.events), rec.events.join(',')).toBe(true);
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: path.join(dir, 'data/state.json'), clock: systemClock });
    const results = await store.results.recentResults('slow', 10);
    expect(results.map((r) => r.ok)).toEqual(Array.from({ length: requestsIn(rec.events) }, () => true));
    expect(results.length).toBeGreaterThan(0);
  });

  it('when a second signal arrives while a fire is still running, then the process exits at once with code 1', async () => {
    const rec = recorder(upstream);
    const { dir, file } = writeTempConfig({ components: ONE_COMPONENT, probes: [probeOn(upstream.url('/hang'), '8s')] });
    app = await spawnApp({ CONFIG: file, REDIS_URL: '' }, { cwd: dir });
    await rec.arrived();
    app.proc.kill('SIGTERM');
    const running = app;
    await pollUntil('shutdown to begin', async () => (running.output().includes('"msg":"shutting down"') ? true : undefined), 10_000, 50);
    expect(await app.stop('SIGINT')).toBe(1);
    expect(app.output()).toContain('"msg":"second signal: forcing exit"');
    expect(app.output()).not.toContain('"msg":"ikp-status stopped"');
  });
});
