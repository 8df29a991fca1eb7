import { gzipSync } from 'node:zlib';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRequests } from '../helpers/fuzz-requests.ts';
import { pick, prng, type Gen } from '../helpers/prng.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { faultApp, type FaultApp } from './harness.ts';
import { enumerateRoutes, type AppRoute } from './routes.ts';

const RUNS = fuzzRequests(process.env);
const SEED = 0x10_0b11;

const PARAMS = ['ikp', 'login-gov', 'bank:pko-bp', 'nope', '%ff', '%', '%E0%A4%A', '%zz', '%00', '%2e%2e%2f%2e%2e', 'a'.repeat(3000), '44051401458', '%F0%9F%98%80', '..', '%C0%AF', 'x%2Fy', '%3Cscript%3E', '%C5%BC%C3%B3%C5%82%C4%87', 'ikp%', '%25', '%u0041', '__proto__', 'constructor'];
const QUERIES = ['', '?lang=pl', '?lang=en', '?lang=%ff', '?%', '?a=%E0', '?lang[]=x&lang=en', '?limit=-1&offset=abc', '?limit=1e9', '?confirmedAt=%ff', '?confirmedAt=2024-02-30', '?extendedAt=2025-01-01', `?${'a=1&'.repeat(1500)}`, '?__proto__[x]=1', '?constructor[prototype][x]=1', '?view=a11y&lang=de'];
const TYPES = ['application/json', 'application/json', 'application/json', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', '*/*', 'application/merge-patch+json', null];
const CODINGS = ['gzip', 'deflate', 'br', 'x-unknown', 'gzip, br', 'identity', 'GZIP'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const HOSTS = ['status.example', 'evil.example', '[::1]:80', 'a'.repeat(300), 'x y', '..', '%ff'];
const STRINGS = ['', ' ', 'x', 'ikp', 'bank:pko-bp', 'outage', 'degraded', 'investigating', 'resolved', '2026-03-28T12:00', '2026-03-28T12:00:00+01:00', '2026-02-30T25:61', '<script>alert(1)</script>', 'żółć', '\u0000', '\ud800', '9'.repeat(30), 'x'.repeat(5000)];
const FIELDS = ['title', 'message', 'status', 'components', 'component', 'start', 'end', 'reason', 'expiresAt', 'body', 'update', 'impact', 'version', 'method', 'errorText', 'from', 'to', '__proto__', 'constructor', ''];

function value(r: Gen, depth: number): unknown {
  const k = r();
  if (depth > 3 || k < 0.35) return pick(r, STRINGS);
  if (k < 0.5) return pick(r, [0, -1, 1e308, 3.14, Number.MAX_SAFE_INTEGER, 1_774_695_600_000]);
  if (k < 0.6) return pick(r, [true, false, null]);
  if (k < 0.75) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  return object(r, depth + 1);
}

function object(r: Gen, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 6); i > 0; i--) out[pick(r, FIELDS)] = value(r, depth);
  return out;
}

/** A request body: none, JSON (valid, cut short or deeply nested), a form, random bytes or a huge one. */
function body(r: Gen): Buffer | null {
  const k = r();
  if (k < 0.2) return null;
  if (k < 0.55) return Buffer.from(JSON.stringify(object(r)));
  if (k < 0.62) {
    const json = JSON.stringify(object(r));
    return Buffer.from(json.slice(0, Math.floor(r() * json.length)) + pick(r, ['', '}', ',', '\\', '"', '\u00ff']));
  }
  if (k < 0.67) return Buffer.from(`${'['.repeat(1 + Math.floor(r() * 6000))}1`);
  if (k < 0.75) return Buffer.from(pick(r, ['method=mojeid&errorText=%ff', 'a=%E0%A4%A&b', `${'x=1&'.repeat(2000)}`, 'errorText=x&errorText=y', '%%%']));
  if (k < 0.9) return Buffer.from(Array.from({ length: Math.floor(r() * 2048) }, () => Math.floor(r() * 256)));
  if (k < 0.93) return Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
  if (k < 0.99) return Buffer.from(`{"title":"${'\u00ff'.repeat(40)}","x":"${'\ud83d'}"}`);
  return Buffer.alloc(64 * 1024 + Math.floor(r() * 512 * 1024), 0x61);
}

interface Case {
  method: string;
  path: string;
  route: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

function makeCase(r: Gen, routes: AppRoute[], token: string): Case {
  const route = pick(r, routes);
  const method = r() < 0.85 ? pick(r, route.methods) : pick(r, METHODS);
  const path = route.path.replace(/:(\w+)/g, () => pick(r, PARAMS)) + pick(r, QUERIES);
  const headers: Record<string, string> = {};
  let payload = method === 'GET' || method === 'HEAD' ? (r() < 0.1 ? body(r) : null) : body(r);
  const type = pick(r, TYPES);
  if (type !== null && (payload !== null || r() < 0.2)) headers['content-type'] = type;
  if (r() < 0.12) {
    const coding = pick(r, CODINGS);
    headers['content-encoding'] = coding;
    if (coding === 'gzip' && payload !== null && r() < 0.5) payload = gzipSync(payload);
  }
  if (route.path.startsWith('/api/v1/admin')) {
    const k = r();
    if (k < 0.75) headers.authorization = `Bearer ${token}`;
    // Few bad tokens: each costs a full scrypt run (issue 10 item 6 is about that cost, not this test).
    else if (k < 0.78) headers.authorization = pick(r, ['Bearer ', 'Bearer x', 'Basic %%%', `Bearer ${'z'.repeat(300)}`, 'bearer', 'Bearer ikp_%ff']);
  }
  if (r() < 0.1) headers.host = pick(r, HOSTS);
  if (r() < 0.1) headers['accept-language'] = pick(r, ['*', 'en;q=abc', 'pl-PL,pl;q=0.9', 'x'.repeat(500), ',,,;;;']);
  if (r() < 0.05) headers['x-request-id'] = pick(r, ['a b', 'x'.repeat(100), '44051401458', 'ok-1']);
  if (r() < 0.05) headers['if-none-match'] = pick(r, ['*', 'W/"x"', '"', 'garbage']);
  if (r() < 0.05) headers.accept = pick(r, ['text/event-stream', 'application/json', '*/*;q=x', 'image/svg+xml']);
  return { method, path, route: route.path, headers, body: payload };
}

describe('fuzz: every public and admin endpoint answers bad input with a 4xx (issue 10 item 11)', () => {
  let h: FaultApp;
  let server: WebServer;
  let pool: Pool;
  let routes: AppRoute[];
  beforeAll(async () => {
    h = await faultApp({
      level: 'info',
      config: { admin: { rateLimit: { window: '1m', max: 100_000 } } },
      triage: { rateLimit: { windowMs: 60_000, limit: 1_000_000 } },
    });
    server = await startWebServer(h.app, 0, '127.0.0.1');
    pool = new Pool(server.url, { connections: 8, pipelining: 1 });
    routes = enumerateRoutes(h.app);
  });
  afterAll(async () => {
    await pool?.close();
    await server?.close();
    await h?.close();
  });

  it('when the routes are enumerated, then the public and admin endpoints are all there', () => {
    const paths = routes.map((r) => r.path);
    for (const p of ['/', '/api/v1/status', '/badge/:component.svg', '/api/v1/triage', '/api/v2/summary.json', '/api/v1/admin/incidents/:id', '/api/v1/admin/overrides/:component'])
      expect(paths).toContain(p);
    expect(routes.length).toBeGreaterThan(35);
  });

  it(`when ${RUNS} malformed requests are sent (seed ${SEED}), then none is answered with a 5xx or a stack trace and the process keeps serving`, async () => {
    const r = prng(SEED);
    const cases = Array.from({ length: RUNS }, () => makeCase(r, routes, h.token));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const hitRoutes = new Set<string>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i]!;
        try {
          const res = await pool.request({ method: c.method, path: c.path, headers: c.headers, body: c.body ?? undefined, headersTimeout: 20_000, bodyTimeout: 20_000 });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          hitRoutes.add(c.route);
          // SSE streams never end on their own: the status is all this test needs.
          let text = '';
          if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) res.body.on('error', () => undefined).destroy();
          else text = await res.body.text();
          if (res.statusCode >= 500) failures.push(`#${i} ${c.method} ${c.path.slice(0, 100)} → ${res.statusCode}: ${text.slice(0, 200)}`);
          if (/\n\s+at |node_modules|\.ts:\d+/.test(text)) failures.push(`#${i} ${c.method} ${c.path.slice(0, 100)} → a stack trace in the body`);
        } catch (err) {
          // A server may close the connection on a body it refused (413) before reading it all.
          if (!(c.body && c.body.length > 64 * 1024)) failures.push(`#${i} ${c.method} ${c.path.slice(0, 100)} → ${(err as { code?: string }).code ?? String(err)}`);
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, worker));
    console.info(`fuzz: ${RUNS} requests in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    // The mix reached every route and produced the whole range of client errors.
    expect(routes.map((x) => x.path).filter((p) => !hitRoutes.has(p))).toEqual([]);
    for (const s of [200, 400, 401, 404, 413, 415]) expect(statuses.get(s) ?? 0, `status ${s}`).toBeGreaterThan(0);
    expect(h.log()).not.toContain('unhandled error');
    // Still alive and serving.
    const health = await pool.request({ method: 'GET', path: '/healthz' });
    expect(health.statusCode).toBe(200);
    await health.body.text();
    const page = await pool.request({ method: 'GET', path: '/' });
    expect(page.statusCode).toBe(200);
    await page.body.text();
  }, 300_000);
});
