import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { configSchema, type Config } from '../../src/config/schema.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { valueOf } from '../ops/prom-text.ts';
import { startRedisProcess, type RedisProcess } from './redis-process.ts';

/** Every face a user or a scraper reads, as paths. */
const FACES = ['/healthz', '/', '/api/v1/status', '/api/v2/summary.json', '/badge/login-gov.svg', '/metrics'];
/**
 * A liveness budget per request, not a speed claim: the store under test is dead or frozen until
 * the test brings it back, so a face that waited for it would never answer at all. What this suite
 * asserts is that each answer came (below 500) while the store was still down, not how fast.
 */
const REQUEST_BUDGET_MS = 30_000;

interface Timed {
  path: string;
  ms: number;
  status: number;
}

async function timedGet(base: string, path: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(REQUEST_BUDGET_MS) });
  await res.arrayBuffer();
  return { path, ms: performance.now() - started, status: res.status };
}

/** Reads every face of both replicas in rounds (250 ms apart) until `done` says so, at least `minRounds` times; returns every read. */
async function watchFaces(apps: RunningApp[], done: () => Promise<boolean> | boolean, minRounds = 3): Promise<Timed[]> {
  const out: Timed[] = [];
  for (let round = 0; round < minRounds || !(await done()); round++) {
    // One request at a time, as one client would.
    for (const app of apps) for (const p of FACES) out.push(await timedGet(app.url, p));
    await new Promise((r) => setTimeout(r, 250));
  }
  return out;
}

/** Whether the web-only replica (which cannot see new data while the store is down) already says its data is stale. */
async function webIsStale(web: RunningApp): Promise<boolean> {
  const body = (await (await fetch(`${web.url}/api/v1/status`)).json()) as { monitor: { stale: boolean } };
  return body.monitor.stale;
}

/** Result timestamps the shared store holds for one probe. */
async function storedResultTimes(redis: RedisProcess, probe: string): Promise<number[]> {
  const raw = await redis.client().lrange(`ikp:results:${probe}`, 0, -1);
  return raw.map((json) => (JSON.parse(json) as { at: number }).at);
}

describe('a Redis outage (killed, frozen, flushed) with a probing replica and a web-only replica', () => {
  let redis: RedisProcess;
  let upstream: Upstream;
  let prober: RunningApp;
  let web: RunningApp;
  const logs: Record<string, unknown>[] = [];
  const hits = { a: 0, b: 0 };
  let auth = '';

  const incident = (title: string) => ({
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: { pl: title, en: title }, body: { pl: 'Sprawdzamy.', en: 'Checking.' }, impact: 'minor', components: ['login-gov'] }),
    signal: AbortSignal.timeout(REQUEST_BUDGET_MS),
  });

  beforeAll(async () => {
    redis = await startRedisProcess();
    upstream = await startUpstream();
    upstream.route('/a', (_req, res) => void (hits.a++, res.end('ok')));
    upstream.route('/b', (_req, res) => void (hits.b++, res.end('ok')));
    upstream.route('/canary', (_req, res) => res.end('ok'));
    const token = generateToken();
    auth = `Bearer ${token}`;
    const config: Config = configSchema.parse({
      server: { port: 0, host: '127.0.0.1' },
      log: { level: 'info' },
      store: { redisUrl: redis.url, keyPrefix: 'ikp:', snapshotFile: '' },
      engine: { staleAfterIntervals: 2, failureThreshold: 1, successThreshold: 1, evaluateEvery: '1s', minFreshness: '1s' },
      admin: { tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(token) }] },
      components: [
        { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
        { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
      ],
      loginMethods: [{ id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, path: ['login-gov', 'profil-zaufany'] }],
      probes: [
        { id: 'canary', kind: 'http', canary: true, interval: '1s', timeout: '800ms', http: { url: upstream.url('/canary') } },
        { id: 'login-gov', kind: 'http', component: 'login-gov', interval: '1s', timeout: '800ms', http: { url: upstream.url('/a') } },
        { id: 'pz', kind: 'http', component: 'profil-zaufany', interval: '1s', timeout: '800ms', http: { url: upstream.url('/b') } },
      ],
    });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    prober = await startApp(config, { logger: createLogger('info', sink) });
    web = await startApp(config, { logger: createLogger('info', sink), probing: false });
  }, 30_000);

  afterAll(async () => {
    if (process.env.IKP_DEBUG_LOGS) (await import('node:fs')).writeFileSync(process.env.IKP_DEBUG_LOGS, logs.map((l) => JSON.stringify(l)).join('\n'));
    await prober?.stop();
    await web?.stop();
    await upstream?.close();
    await redis?.stop();
  });

  it('when Redis is up, then both replicas show every component operational', async () => {
    for (const app of [prober, web]) {
      await pollUntil('components operational', async () => {
        const body = (await (await fetch(`${app.url}/api/v1/status`)).json()) as { overall: { status: string } };
        return body.overall.status === 'operational' ? true : undefined;
      }, 20_000);
    }
  }, 45_000);

  describe('when Redis is killed', () => {
    let killedAt = 0;
    let timings: Timed[] = [];
    let hitsDuring = { a: 0, b: 0 };
    let logsAtKill = 0;

    beforeAll(async () => {
      const before = { ...hits };
      logsAtKill = logs.length;
      killedAt = Date.now();
      await redis.kill();
      // Until the healthy probes have fired four times each during the outage and the web-only
      // replica has noticed its data went stale: conditions, however long the machine takes.
      timings = await watchFaces([prober, web], async () => hits.a - before.a >= 5 && hits.b - before.b >= 4 && (await webIsStale(web)));
      hitsDuring = { a: hits.a - before.a, b: hits.b - before.b };
    }, 120_000);

    it('then /healthz, the page, the status API, Statuspage, badges and /metrics answer throughout', () => {
      // Redis is dead until the next describe restarts it: every one of these answers came without it.
      expect(timings.length).toBeGreaterThan(2 * FACES.length);
      const failed = timings.filter((t) => t.status >= 500);
      expect(failed).toEqual([]);
      console.info(`faces during the kill: ${timings.length} reads, slowest ${Math.round(Math.max(...timings.map((t) => t.ms)))} ms`);
    });

    it('then the healthy probes keep their 1-second schedule (lost probing would leave these near zero)', () => {
      expect(hitsDuring.a).toBeGreaterThanOrEqual(4);
      expect(hitsDuring.b).toBeGreaterThanOrEqual(4);
    });

    it('then the probing replica still shows fresh results from its own probes', async () => {
      // Results older than the stale limit would read unknown/stale, so operational means fresh.
      const body = (await (await fetch(`${prober.url}/api/v1/status`)).json()) as { components: { id: string; status: string; reason: string }[] };
      for (const c of body.components) expect([c.id, c.status]).toEqual([c.id, 'operational']);
    });

    it('then no face of the replica that cannot see new data says operational past the stale limit', async () => {
      const status = (await (await fetch(`${web.url}/api/v1/status`)).json()) as {
        overall: { status: string };
        monitor: { stale: boolean; dataAgeSeconds: number };
        components: { id: string; status: string; reason: string }[];
        loginMethods: { works: boolean | null }[];
      };
      expect(status.overall.status).toBe('unknown');
      expect(status.monitor.stale).toBe(true);
      expect(status.monitor.dataAgeSeconds).toBeGreaterThanOrEqual(3);
      for (const c of status.components) expect([c.id, c.status, c.reason]).toEqual([c.id, 'unknown', 'stale']);
      expect(status.loginMethods.every((m) => m.works !== true)).toBe(true);

      const summary = (await (await fetch(`${web.url}/api/v2/summary.json`)).json()) as { status: { indicator: string }; components: { status: string }[] };
      expect(summary.status.indicator).not.toBe('none');
      expect(summary.components.map((c) => c.status)).not.toContain('operational');

      const badge = await (await fetch(`${web.url}/badge/login-gov.svg`)).text();
      expect(badge).toContain('Nie wiemy');
      expect(badge).not.toContain('>Działa<');

      const page = await (await fetch(`${web.url}/`)).text();
      expect(page).not.toContain('Wszystko działa');

      const metrics = await (await fetch(`${web.url}/metrics`)).text();
      expect(valueOf(metrics, 'ikpstatus_store_up', {})).toBe(0);
      expect(valueOf(metrics, 'ikpstatus_component_status', { component: 'login-gov', status: 'operational' })).not.toBe(1);
    });

    it('then an operator write answers 503 STORE_UNAVAILABLE while Redis is down, in Polish and English', async () => {
      const res = await fetch(`${prober.url}/api/v1/admin/incidents`, incident('Zapis w czasie awarii Redis'));
      const body = (await res.json()) as { error: { code: string; message: { pl: string; en: string } } };
      expect(res.status).toBe(503);
      expect(body.error.code).toBe('STORE_UNAVAILABLE');
      expect(body.error.message.pl).toMatch(/nie odpowiada/);
      expect(res.headers.get('retry-after')).toBe('5');
    });

    it('then triage answers from what the process knows', async () => {
      const res = await fetch(`${web.url}/api/v1/triage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'profil-zaufany' }),
        signal: AbortSignal.timeout(REQUEST_BUDGET_MS),
      });
      const body = (await res.json()) as { basis: string };
      expect(res.status).toBe(200);
      expect(body.basis).toBe('live');
    });

    it('then the outage is logged as JSON once, not once per fire or reconnect', () => {
      // Counted from the kill: on a starved machine a health check may miss its budget before it,
      // which is logged too, but is not this outage. One line per replica at most.
      const down = logs.slice(logsAtKill).filter((l) => l.event === 'store_down');
      expect(down.length).toBeGreaterThanOrEqual(1);
      expect(down.length).toBeLessThanOrEqual(2);
    });

    describe('and comes back empty', () => {
      let restartedAt = 0;
      beforeAll(async () => {
        restartedAt = Date.now();
        await redis.restart();
      }, 30_000);

      it('then the emptied store is logged, state is re-seeded and the results taken during the outage are written back', async () => {
        const times = await pollUntil('outage results written back', async () => {
          const t = await storedResultTimes(redis, 'login-gov');
          // Fires taken while Redis was dead (past the first second, when the outage is known).
          return t.filter((at) => at > killedAt + 1_000 && at < restartedAt).length >= 3 ? t : undefined;
        }, 15_000);
        expect(times.length).toBeGreaterThan(3);
        expect(logs.some((l) => l.event === 'store_emptied')).toBe(true);
        const metrics = await (await fetch(`${prober.url}/metrics`)).text();
        expect(valueOf(metrics, 'ikpstatus_store_writes_written_back_total', {})).toBeGreaterThan(0);
        expect(valueOf(metrics, 'ikpstatus_store_writes_dropped_total', { kind: 'result' }) ?? 0).toBe(0);
      }, 30_000);

      it('then the write refused during the outage is never replayed, and the web-only replica is fresh again', async () => {
        await pollUntil('web replica operational again', async () => {
          const body = (await (await fetch(`${web.url}/api/v1/status`)).json()) as { overall: { status: string } };
          return body.overall.status === 'operational' ? true : undefined;
        }, 20_000);
        expect(await redis.client().hlen('ikp:incidents')).toBe(0);
      }, 30_000);
    });
  });

  describe('when Redis is frozen (SIGSTOP) and then thawed', () => {
    let frozenAt = 0;
    let timings: Timed[] = [];
    let write = { status: 0 };
    let thawedAt = 0;

    beforeAll(async () => {
      frozenAt = Date.now();
      const hitsAtFreeze = hits.a;
      redis.freeze();
      try {
        let wrote = false;
        // Reads go on until the write has been answered and the probing replica has stored-aside
        // results for two fires taken while frozen (they are written back after the thaw).
        const watching = watchFaces([prober, web], () => wrote && hits.a >= hitsAtFreeze + 4, 4);
        const res = await fetch(`${prober.url}/api/v1/admin/incidents`, incident('Zapis przy zamrożonym Redis'));
        write = { status: res.status };
        wrote = true;
        timings = await watching;
      } finally {
        thawedAt = Date.now();
        redis.thaw();
      }
    }, 60_000);

    it('then every face answers and the operator write gets 503, all while Redis is still frozen', () => {
      // The thaw comes only after all of these answered: none of them waited for the frozen store.
      expect(timings.filter((t) => t.status >= 500)).toEqual([]);
      console.info(`faces during the freeze: ${timings.length} reads, slowest ${Math.round(Math.max(...timings.map((t) => t.ms)))} ms`);
      expect(write.status).toBe(503);
    });

    it('then after the thaw the frozen spell\'s results are written back and the refused write never lands', async () => {
      await pollUntil('frozen-spell results written back', async () => {
        const t = await storedResultTimes(redis, 'login-gov');
        // Fires taken while Redis was frozen (past the first second, when the freeze is known).
        return t.filter((at) => at > frozenAt + 1_000 && at < thawedAt).length >= 2 ? true : undefined;
      }, 15_000);
      // The write-back is done (above); a refused write would have been replayed with it.
      expect(await redis.client().hlen('ikp:incidents')).toBe(0);
    }, 30_000);
  });

  describe('when Redis is flushed (FLUSHALL)', () => {
    it('then it is logged clearly and state, incidents included, is re-seeded from memory', async () => {
      // Until the store takes it: on a starved machine a health check may still miss its budget
      // now and then, and a write refused with 503 then is never stored (the frozen spell shows it).
      const id = await pollUntil('the incident accepted', async () => {
        const res = await fetch(`${prober.url}/api/v1/admin/incidents`, incident('Przed FLUSHALL'));
        if (res.status === 503) return undefined;
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      }, 30_000);
      // The replicas' snapshots read the incident back (that is their memory of it).
      await pollUntil('incident on the page data', async () => {
        const body = (await (await fetch(`${prober.url}/api/v1/status`)).json()) as { incidents: { id: string }[] };
        return body.incidents.some((i) => i.id === id) ? true : undefined;
      });
      // Give the replicas one health check to take the incident into their verified copy.
      await new Promise((r) => setTimeout(r, 1_500));
      const emptiedBefore = logs.filter((l) => l.event === 'store_emptied').length;
      await redis.client().flushall();
      await pollUntil('flush logged', async () => (logs.filter((l) => l.event === 'store_emptied').length > emptiedBefore ? true : undefined), 10_000);
      await pollUntil('incident re-seeded', async () => ((await redis.client().hexists('ikp:incidents', id)) === 1 ? true : undefined), 10_000);
      expect(await redis.client().hlen('ikp:component-states')).toBe(2);
      const line = logs.find((l) => l.event === 'store_emptied')!;
      expect(line.level).toBe(50);
      expect(String(line.msg)).toMatch(/emptied/);
    }, 30_000);
  });
});
