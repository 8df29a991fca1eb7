import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/auth/token-hash.ts';
import { configSchema, type Config } from '../../src/config/schema.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { valueOf } from '../ops/prom-text.ts';
import { startRedisProcess, type RedisProcess } from './redis-process.ts';

/** Every face a user or a scraper reads, as paths. */
const FACES = ['/healthz', '/', '/api/v1/status', '/api/v2/summary.json', '/badge/login-gov.svg', '/metrics'];
const FACE_BUDGET_MS = 1_000;
/** An operator write also pays for token verification (scrypt), which a loaded test machine slows down. */
const WRITE_BUDGET_MS = 2_000;

interface Timed {
  path: string;
  ms: number;
  status: number;
}

async function timedGet(base: string, path: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5_000) });
  await res.arrayBuffer();
  return { path, ms: performance.now() - started, status: res.status };
}

/** Reads every face of both replicas every 250 ms for `ms`; returns every timing. */
async function watchFaces(apps: RunningApp[], ms: number): Promise<Timed[]> {
  const out: Timed[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // One request at a time, as one client would: each timing is that request's own.
    for (const app of apps) for (const p of FACES) out.push(await timedGet(app.url, p));
    await new Promise((r) => setTimeout(r, 250));
  }
  return out;
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
    signal: AbortSignal.timeout(5_000),
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

    beforeAll(async () => {
      const before = { ...hits };
      killedAt = Date.now();
      await redis.kill();
      timings = await watchFaces([prober, web], 6_000);
      hitsDuring = { a: hits.a - before.a, b: hits.b - before.b };
    }, 60_000);

    it('then /healthz, the page, the status API, Statuspage, badges and /metrics answer within 1 s throughout', () => {
      expect(timings.length).toBeGreaterThan(20);
      const slow = timings.filter((t) => t.ms > FACE_BUDGET_MS || t.status >= 500);
      expect(slow).toEqual([]);
      console.info(`faces during the kill: ${timings.length} reads, slowest ${Math.round(Math.max(...timings.map((t) => t.ms)))} ms`);
    });

    it('then the healthy probes keep their 1-second schedule (lost probing would leave these near zero)', () => {
      expect(hitsDuring.a).toBeGreaterThanOrEqual(4);
      expect(hitsDuring.b).toBeGreaterThanOrEqual(4);
    });

    it('then the probing replica still shows fresh results from its own probes', async () => {
      const body = (await (await fetch(`${prober.url}/api/v1/status`)).json()) as { components: { id: string; status: string; lastCheckAgeSeconds: number }[] };
      for (const c of body.components) {
        expect(c.status, c.id).toBe('operational');
        expect(c.lastCheckAgeSeconds, c.id).toBeLessThanOrEqual(2);
      }
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

    it('then an operator write answers 503 STORE_UNAVAILABLE at once, in Polish and English', async () => {
      const started = performance.now();
      const res = await fetch(`${prober.url}/api/v1/admin/incidents`, incident('Zapis w czasie awarii Redis'));
      const ms = performance.now() - started;
      const body = (await res.json()) as { error: { code: string; message: { pl: string; en: string } } };
      expect(res.status).toBe(503);
      expect(body.error.code).toBe('STORE_UNAVAILABLE');
      expect(body.error.message.pl).toMatch(/nie odpowiada/);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(ms).toBeLessThan(WRITE_BUDGET_MS);
    });

    it('then triage answers within 1 s from what the process knows', async () => {
      const started = performance.now();
      const res = await fetch(`${web.url}/api/v1/triage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'profil-zaufany' }),
        signal: AbortSignal.timeout(5_000),
      });
      const body = (await res.json()) as { basis: string };
      expect(res.status).toBe(200);
      expect(body.basis).toBe('live');
      expect(performance.now() - started).toBeLessThan(FACE_BUDGET_MS);
    });

    it('then the outage is logged as JSON once, not once per fire or reconnect', () => {
      expect(logs.filter((l) => l.event === 'store_down').length).toBeGreaterThanOrEqual(1);
      expect(logs.filter((l) => l.event === 'store_down').length).toBeLessThanOrEqual(2);
    });

    describe('and comes back empty', () => {
      beforeAll(async () => {
        await redis.restart();
      }, 30_000);

      it('then the emptied store is logged, state is re-seeded and the results taken during the outage are written back', async () => {
        const times = await pollUntil('outage results written back', async () => {
          const t = await storedResultTimes(redis, 'login-gov');
          return t.filter((at) => at > killedAt + 1_000 && at < killedAt + 6_000).length >= 3 ? t : undefined;
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
    let write: { status: number; ms: number } = { status: 0, ms: 0 };

    beforeAll(async () => {
      frozenAt = Date.now();
      redis.freeze();
      try {
        const watching = watchFaces([prober, web], 5_000);
        await new Promise((r) => setTimeout(r, 300));
        const started = performance.now();
        const res = await fetch(`${prober.url}/api/v1/admin/incidents`, incident('Zapis przy zamrożonym Redis'));
        write = { status: res.status, ms: performance.now() - started };
        timings = await watching;
      } finally {
        redis.thaw();
      }
    }, 60_000);

    it('then every face answers within 1 s and the operator write gets 503 fast', () => {
      expect(timings.filter((t) => t.ms > FACE_BUDGET_MS || t.status >= 500)).toEqual([]);
      console.info(`faces during the freeze: ${timings.length} reads, slowest ${Math.round(Math.max(...timings.map((t) => t.ms)))} ms; write ${Math.round(write.ms)} ms`);
      expect(write.status).toBe(503);
      expect(write.ms).toBeLessThan(WRITE_BUDGET_MS);
    });

    it('then after the thaw the frozen spell\'s results are written back and the refused write never lands', async () => {
      await pollUntil('frozen-spell results written back', async () => {
        const t = await storedResultTimes(redis, 'login-gov');
        return t.filter((at) => at > frozenAt + 1_500 && at < frozenAt + 4_500).length >= 2 ? true : undefined;
      }, 15_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await redis.client().hlen('ikp:incidents')).toBe(0);
    }, 30_000);
  });

  describe('when Redis is flushed (FLUSHALL)', () => {
    it('then it is logged clearly and state, incidents included, is re-seeded from memory', async () => {
      const res = await fetch(`${prober.url}/api/v1/admin/incidents`, incident('Przed FLUSHALL'));
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
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
