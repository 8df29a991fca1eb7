import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentState } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { createWebApp } from '../../src/web/app.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import { testConfig } from '../helpers/config.ts';
import { webAppOver, type TestWebApp } from '../helpers/web-app.ts';
import { freePort } from '../helpers/free-port.ts';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const logger = createLogger('silent');

const state = (id: string, status: ComponentState['status'], reason: ComponentState['reason'], rootCause: string | null = null): ComponentState => ({
  id,
  status,
  reason,
  rootCause,
  since: T0 - 600_000,
  lastCheckedAt: T0 - 30_000,
});

describe('read API', () => {
  const clock = new FakeClock(T0);
  const config = testConfig();
  let store: Stores;
  let snapshot: StatusSnapshot;
  let app: TestWebApp['app'];
  let close: () => Promise<void>;

  beforeAll(async () => {
    store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
    await store.results.setComponentStates([
      state('ikp', 'operational', 'ok'),
      state('login-gov', 'operational', 'ok'),
      state('profil-zaufany', 'outage', 'http_status'),
      state('bank:pko-bp', 'operational', 'ok', 'profil-zaufany'),
    ]);
    ({ snapshot, app, close } = await webAppOver(store, config, clock));
  });

  afterAll(() => close());

  it('when the status is requested, then components carry status, since, lastCheckedAt, age, reason and rootCause', async () => {
    const res = await request(app).get('/api/v1/status').expect(200).expect('content-type', /json/);
    expect(res.body.overall.status).toBe('outage');
    expect(res.body.monitor.blind).toBe(false);
    const pz = res.body.components.find((c: { id: string }) => c.id === 'profil-zaufany');
    expect(pz).toMatchObject({
      status: 'outage',
      reason: 'http_status',
      since: new Date(T0 - 600_000).toISOString(),
      lastCheckedAt: new Date(T0 - 30_000).toISOString(),
      lastCheckAgeSeconds: 30,
      rootCause: null,
    });
    expect(res.body.components.find((c: { id: string }) => c.id === 'bank:pko-bp').rootCause).toBe('profil-zaufany');
  });

  it('when a path component is down, then the login matrix marks the method and names the cause', async () => {
    const res = await request(app).get('/api/v1/status').expect(200);
    const rows = res.body.loginMethods as { id: string; works: boolean | null; blockedBy: string | null }[];
    expect(rows.map((r) => r.id).sort()).toEqual(['profil-zaufany', 'pz-bank:pko-bp']);
    for (const r of rows) expect(r).toMatchObject({ works: false, blockedBy: 'profil-zaufany' });
  });

  it('when the store publishes a change, then the snapshot is rebuilt without a restart', async () => {
    await store.results.setComponentStates([state('profil-zaufany', 'operational', 'ok')]);
    await store.coordination.publishChanged();
    await snapshot.rebuild();
    const res = await request(app).get('/api/v1/status').expect(200);
    expect(res.body.components.find((c: { id: string }) => c.id === 'profil-zaufany').status).toBe('operational');
  });

  it.each([
    ['/healthz', 200, 'ok'],
    ['/readyz', 200, 'ready'],
  ])('when %s is requested on a healthy app, then it answers %i', async (path, code, status) => {
    const res = await request(app).get(path).expect(code);
    expect(res.body.status).toBe(status);
  });

  it('when an unknown path is requested, then a JSON error with a stable code and both languages is returned', async () => {
    const res = await request(app).get('/api/v1/nope').expect(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: { pl: expect.any(String), en: expect.any(String) } });
  });

  it('when the Redis store cannot be reached, then /readyz answers 503 STORE_UNAVAILABLE and /healthz stays 200', async () => {
    const port = await freePort();
    const dead = await createStore({ redisUrl: `redis://127.0.0.1:${port}`, keyPrefix: 'ikp:', snapshotFile: null, clock });
    const deadSnapshot = new StatusSnapshot({ config, stores: dead, logger, now: () => clock.now() });
    const deadApp = createWebApp({ config, stores: dead, snapshot: deadSnapshot, logger, now: () => clock.now() });
    try {
      const res = await request(deadApp).get('/readyz').expect(503);
      expect(res.body.error.code).toBe('STORE_UNAVAILABLE');
      await request(deadApp).get('/healthz').expect(200);
    } finally {
      await dead.lifecycle.close().catch(() => undefined);
    }
  });
});
