import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { ONE_COMPONENT, writeTempConfig } from '../ops/temp-config.ts';

const FD_LIMIT = 256;
const FD_RESERVE = 100;
const PER_CLIENT = 5;

/** One answered GET /api/v1/events: an open stream (200) or a refusal with its JSON body. */
interface Attempt {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Promise<string>;
  destroy(): void;
}

function openStream(base: string, ip: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/v1/events`, { agent: false, headers: { accept: 'text/event-stream', 'x-forwarded-for': ip } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      const body = new Promise<string>((r) => {
        res.on('data', (c: string) => (text += c));
        res.on('end', () => r(text));
      });
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body, destroy: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
}

describe('live-event stream caps under a 256-file limit', () => {
  let upstream: Upstream;
  let app: SpawnedApp;
  let store: Stores;
  let total = 0;
  const open: Attempt[] = [];
  const prefix = uniquePrefix();

  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.route('/ok', (_req, res) => res.end('ok'));
    const { dir, file } = writeTempConfig({
      server: { trustProxy: 'loopback', sse: { perClient: PER_CLIENT, fdReserve: FD_RESERVE, retryAfter: '20s' } },
      store: { keyPrefix: prefix },
      components: ONE_COMPONENT,
      probes: [{ id: 'local', kind: 'http', component: 'svc', interval: '1s', timeout: '900ms', http: { url: upstream.url('/ok') } }],
    });
    app = await spawnApp({ CONFIG: file, REDIS_URL: testRedisUrl() }, { cwd: dir, fdLimit: FD_LIMIT });
    store = await createStore({ redisUrl: testRedisUrl(), keyPrefix: prefix, snapshotFile: null, clock: systemClock });
    const capLine = app.output().split('\n').find((l) => l.includes('live-event streams capped'));
    total = JSON.parse(capLine!).total;
  });
  afterAll(async () => {
    for (const a of open) a.destroy();
    await app?.stop('SIGKILL');
    await store?.lifecycle.close();
    await upstream?.close();
  });

  it('when no total is configured, then it is the soft open-files limit minus the reserve', () => {
    expect(total).toBe(FD_LIMIT - FD_RESERVE);
  });

  it('when one client opens more than its cap, then the extra stream gets 503 with Retry-After and a bilingual body naming the limit, while another client still connects', async () => {
    for (let i = 0; i < PER_CLIENT; i++) open.push(await openStream(app.url, '198.51.100.7'));
    expect(open.map((a) => a.status)).toEqual(Array(PER_CLIENT).fill(200));
    const extra = await openStream(app.url, '198.51.100.7');
    expect(extra.status).toBe(503);
    expect(extra.headers['retry-after']).toBe('20');
    const body = JSON.parse(await extra.body);
    expect(body.error).toMatchObject({ code: 'STREAMS_PER_CLIENT', limit: { name: 'per_client', max: PER_CLIENT } });
    expect(body.error.message.pl).toMatch(/zbyt wiele połączeń/);
    expect(body.error.message.en).toMatch(/Too many live connections/);
    const other = await openStream(app.url, '198.51.100.8');
    open.push(other);
    expect(other.status).toBe(200);
  });

  it('when an IPv6 client rotates addresses within its /56, then they count as one client', async () => {
    const mine = [];
    for (let i = 1; i <= PER_CLIENT; i++) mine.push(await openStream(app.url, `2001:db8:77:${i}::${i}`));
    open.push(...mine);
    expect(mine.map((a) => a.status)).toEqual(Array(PER_CLIENT).fill(200));
    const extra = await openStream(app.url, '2001:db8:77:ff::1');
    expect([extra.status, JSON.parse(await extra.body).error.code]).toEqual([503, 'STREAMS_PER_CLIENT']);
  });

  it('when clients from many addresses exceed the total, then the excess gets 503 STREAMS_TOTAL and the process keeps its reserve: health, page and probes work', async () => {
    const started = Date.now();
    const refused: Attempt[] = [];
    for (let i = 0; open.length + refused.length < total + 40; i++) {
      const a = await openStream(app.url, `10.0.${Math.floor(i / 4)}.${i % 4}`);
      (a.status === 200 ? open : refused).push(a);
    }
    expect(open).toHaveLength(total);
    expect(refused).toHaveLength(40);
    expect(refused.every((a) => a.status === 503 && a.headers['retry-after'] === '20')).toBe(true);
    expect(JSON.parse(await refused[0]!.body).error).toMatchObject({ code: 'STREAMS_TOTAL', limit: { name: 'total', max: total } });
    // Held at the cap for a few probe intervals: until three probe fires have been stored since it was reached.
    const capped = Date.now();
    await pollUntil('three probe results at the cap', async () => ((await store.results.recentResults('local', 50)).filter((r) => r.at >= capped).length >= 3 ? true : undefined), 20_000, 100);
    expect((await get(`${app.url}/healthz`)).status).toBe(200);
    expect((await get(`${app.url}/`)).status).toBe(200);
    const during = (await store.results.recentResults('local', 50)).filter((r) => r.at >= started);
    expect(during.filter((r) => !r.ok).map((r) => r.reason)).toEqual([]);
    const metrics = (await get(`${app.url}/metrics`)).text;
    expect(metrics).toMatch(/ikpstatus_sse_rejected_total\{limit="per_client"\} 2\n/);
    expect(metrics).toMatch(/ikpstatus_sse_rejected_total\{limit="total"\} 40\n/);
    expect(metrics).toContain(`ikpstatus_sse_streams ${total}\n`);
    expect(metrics).toContain(`ikpstatus_sse_streams_max ${total}\n`);
    expect(app.output()).not.toMatch(/EMFILE|internal_error/);
  });

  it('when streams close, then their slots free up for new clients', async () => {
    for (const a of open.splice(0, 10)) a.destroy();
    await pollUntil('the closed streams counted off', async () => ((await get(`${app.url}/metrics`)).text.includes(`ikpstatus_sse_streams ${total - 10}\n`) ? true : undefined), 10_000, 50);
    const again = await openStream(app.url, '203.0.113.9');
    open.push(again);
    expect(again.status).toBe(200);
  });
});
