import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/schema.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { RedisStore } from '../../src/store/redis/store.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { incident, maintenanceWindow, override } from '../store/contract/fixture.ts';
import { startRedisProcess, type RedisProcess } from './redis-process.ts';

const RECORDS_PL = 'Nie możemy teraz odczytać komunikatów i przerw technicznych, więc nie wiemy, czy wszystko działa.';
const RECORDS_EN = 'We cannot read the announcements and maintenance windows right now, so we do not know whether everything works.';
const INCIDENT_TITLE = 'Awaria logowania przez login.gov.pl';

interface ApiStatus {
  overall: { status: string };
  monitor: { blind: boolean; lastCheckedAt: string | null };
  components: { id: string; status: string; reason: string; lastCheckedAt: string | null; incidentId: string | null; windowId: string | null }[];
  loginMethods: { works: boolean | null }[];
}

async function get(app: RunningApp, path: string): Promise<Response> {
  return fetch(`${app.url}${path}`, { signal: AbortSignal.timeout(5_000) });
}

async function status(app: RunningApp): Promise<ApiStatus> {
  return (await (await get(app, '/api/v1/status')).json()) as ApiStatus;
}

describe('a replica started while Redis holds an incident, an override and a window it cannot read', () => {
  let redis: RedisProcess;
  let upstream: Upstream;
  let config: Config;
  const apps: RunningApp[] = [];

  /** What an operator put in Redis: a critical incident on login.gov.pl, PZ forced down, IKP in a maintenance window. */
  async function seed(): Promise<void> {
    const store = new RedisStore({ url: redis.url, keyPrefix: 'ikp:' });
    const now = Date.now();
    try {
      await store.operator.saveIncident(incident('i-login', { title: { pl: INCIDENT_TITLE, en: 'Login outage' }, impact: 'critical', components: ['login-gov'], createdAt: now - 60_000, updatedAt: now - 60_000 }), 0);
      await store.operator.putOverride(override('profil-zaufany', { status: 'outage', createdAt: now - 60_000, expiresAt: now + 3_600_000 }));
      await store.windows.putWindows([maintenanceWindow('w-ikp', { components: ['ikp'], start: now - 3_600_000, end: now + 3_600_000 })]);
      await store.coordination.publishChanged();
    } finally {
      await store.close();
    }
  }

  /** Starts a probing replica whose probes all pass, so its own measurements alone would say "all works". */
  async function startReplica(): Promise<RunningApp> {
    const app = await startApp(config, { logger: createLogger('silent') });
    apps.push(app);
    // Fresh measurements of every component, whatever the headline makes of them.
    await pollUntil('every component measured', async () => ((await status(app)).components.every((c) => c.lastCheckedAt !== null) ? true : undefined), 20_000, 100);
    return app;
  }

  /** Every face says "we don't know": never that all works, never that something is down. */
  async function expectEveryFaceUnknowing(app: RunningApp): Promise<void> {
    const page = await (await get(app, '/')).text();
    expect(page).not.toContain('Wszystko działa');
    expect(page).not.toContain('Nie działa');
    expect(page).toContain(RECORDS_PL);
    expect(await (await get(app, '/?lang=en')).text()).toContain(RECORDS_EN);

    const api = await status(app);
    expect(api.overall.status).toBe('unknown');
    expect(api.monitor.blind).toBe(true);
    expect(api.components.map((c) => [c.id, c.status, c.reason])).toEqual(config.components.map((c) => [c.id, 'unknown', 'records_unavailable']));
    expect(api.loginMethods.every((l) => l.works === null)).toBe(true);

    const sp = (await (await get(app, '/api/v2/status.json')).json()) as { status: { indicator: string; description: string } };
    expect(sp.status.indicator).not.toBe('none');
    expect(sp.status.description).not.toBe('All Systems Operational');
    const summary = (await (await get(app, '/api/v2/summary.json')).json()) as { components: { status: string }[] };
    expect(summary.components.map((c) => c.status)).not.toContain('operational');
    expect(summary.components.map((c) => c.status)).not.toContain('major_outage');

    const badge = await (await get(app, '/badge/login-gov.svg')).text();
    expect(badge).toContain('Nie wiemy');
    expect(badge).not.toContain('Działa');

    const triage = await fetch(`${app.url}/api/v1/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'profil-zaufany' }),
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await triage.json()) as { monitor: { blind: boolean }; causes: { code: string }[] };
    expect(answer.monitor.blind).toBe(true);
    expect(answer.causes[0]?.code).toBe('MONITOR_BLIND');
  }

  /** The operator records as every face shows them once read. */
  async function recordsShown(app: RunningApp): Promise<true | undefined> {
    const byId = new Map((await status(app)).components.map((c) => [c.id, c]));
    const shown =
      byId.get('login-gov')?.incidentId === 'i-login' &&
      byId.get('login-gov')?.status === 'outage' &&
      byId.get('profil-zaufany')?.reason === 'override' &&
      byId.get('profil-zaufany')?.status === 'outage' &&
      byId.get('ikp')?.windowId === 'w-ikp' &&
      byId.get('ikp')?.status === 'maintenance';
    return shown ? true : undefined;
  }

  async function expectRecordsOnPage(app: RunningApp): Promise<void> {
    const page = await (await get(app, '/')).text();
    expect(page).toContain(INCIDENT_TITLE);
    expect(page).not.toContain(RECORDS_PL);
  }

  /** Waits until this replica's store guard has seen Redis go (killed or frozen). */
  async function outageNoticed(app: RunningApp): Promise<void> {
    let up = true;
    app.stores.observeOutage({ availability: (u) => void (up = u), buffered: () => undefined, dropped: () => undefined, writtenBack: () => undefined, flushDetected: () => undefined });
    await pollUntil('outage noticed', async () => (up ? undefined : true), 10_000, 100);
  }

  beforeAll(async () => {
    redis = await startRedisProcess();
    upstream = await startUpstream();
    for (const path of ['/canary', '/login', '/pz', '/ikp']) upstream.route(path, (_req, res) => res.end('ok'));
    config = configSchema.parse({
      server: { port: 0, host: '127.0.0.1' },
      log: { level: 'silent' },
      store: { redisUrl: redis.url, keyPrefix: 'ikp:', snapshotFile: '' },
      engine: { staleAfterIntervals: 3, failureThreshold: 1, successThreshold: 1, evaluateEvery: '1s', minFreshness: '2s' },
      incidents: { autoOpen: false },
      components: [
        { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
        { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
        { id: 'ikp', name: { pl: 'IKP', en: 'IKP' } },
      ],
      loginMethods: [{ id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, path: ['login-gov', 'profil-zaufany', 'ikp'] }],
      probes: [
        { id: 'canary', kind: 'http', canary: true, interval: '1s', timeout: '800ms', http: { url: upstream.url('/canary') } },
        { id: 'login', kind: 'http', component: 'login-gov', interval: '1s', timeout: '800ms', http: { url: upstream.url('/login') } },
        { id: 'pz', kind: 'http', component: 'profil-zaufany', interval: '1s', timeout: '800ms', http: { url: upstream.url('/pz') } },
        { id: 'ikp', kind: 'http', component: 'ikp', interval: '1s', timeout: '800ms', http: { url: upstream.url('/ikp') } },
      ],
    });
    await seed();
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await upstream?.close();
    await redis?.stop();
  });

  it('when it starts while Redis is stopped, then every face says we do not know until Redis is back, then shows the incident, override and window, and keeps them when Redis goes again', async () => {
    await redis.kill();
    const app = await startReplica();
    await expectEveryFaceUnknowing(app);

    // Back as it was (a killed test Redis keeps nothing, so the operator records are restored into it).
    await redis.restart();
    await seed();
    await pollUntil('records shown', () => recordsShown(app), 20_000, 100);
    await expectRecordsOnPage(app);

    // Having read them once, the replica keeps serving the last known records through the next outage.
    await redis.kill();
    await outageNoticed(app);
    await app.snapshot.rebuild();
    expect(await recordsShown(app)).toBe(true);
    await expectRecordsOnPage(app);

    await redis.restart();
    await seed();
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
  }, 90_000);

  it('when it starts while Redis is frozen, then every face says we do not know until the thaw, then shows the incident, override and window', async () => {
    redis.freeze();
    try {
      const app = await startReplica();
      await expectEveryFaceUnknowing(app);
      redis.thaw();
      await pollUntil('records shown', () => recordsShown(app), 20_000, 100);
      await expectRecordsOnPage(app);
    } finally {
      redis.thaw();
    }
  }, 90_000);
});
