import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { httpCheckSchema, probeSchema } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import type { ProbeOutcome } from '../../src/domain/types.ts';
import { classifyError } from '../../src/probes/errors.ts';
import { httpProber, type HttpProbe } from '../../src/probes/http.ts';
import { runProbe } from '../../src/probes/index.ts';
import type { ProbeContext } from '../../src/probes/types.ts';
import { closedPort, startUpstream, type Upstream } from '../helpers/upstream.ts';

const MiB = 1024 * 1024;
const UA = 'ikp-status-test/1.0';

function httpProbe(http: z.input<typeof httpCheckSchema>, timeout = '3s'): HttpProbe {
  return probeSchema.parse({ id: 'test', kind: 'http', interval: '30s', timeout, http }) as HttpProbe;
}

function context(over: Partial<ProbeContext> = {}): ProbeContext {
  return { signal: new AbortController().signal, userAgent: UA, clock: systemClock, ...over };
}

interface Env {
  up: Upstream;
  refusedPort: number;
}

interface Row {
  name: string;
  target: (env: Env) => string;
  http?: Omit<z.input<typeof httpCheckSchema>, 'url'>;
  timeout?: string;
  expected: Partial<ProbeOutcome>;
}

const json = { status: 'ok', count: 3, items: [{ up: true }, { up: true }] };
const text = 'status: all systems operational';

function streamHuge(res: import('node:http').ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 97);
  let sent = 0;
  res.on('error', () => undefined);
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const pump = (): void => {
    while (sent < 5 * MiB) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function routeAll(up: Upstream): void {
  up.route('/ok', (_req, res) => res.end('hello'));
  up.route('/created', (_req, res) => res.writeHead(201).end());
  up.route('/fail', (_req, res) => res.writeHead(503).end('down'));
  up.route('/hang', () => undefined);
  up.route('/reset', (req) => req.socket.destroy());
  up.route('/slow', (_req, res) => setTimeout(() => res.end('late'), 250));
  up.route('/huge-stream', (_req, res) => streamHuge(res));
  up.route('/huge-declared', (_req, res) => res.writeHead(200, { 'content-length': String(5 * MiB) }).write('x'));
  up.route('/loop/a', (_req, res) => res.writeHead(302, { location: 'b' }).end());
  up.route('/loop/b', (_req, res) => res.writeHead(302, { location: '/loop/a' }).end());
  for (let i = 0; i < 10; i++) {
    up.route(`/chain/${i}`, (_req, res) => res.writeHead(302, { location: i === 9 ? '/ok' : `/chain/${i + 1}` }).end());
  }
  up.route('/r/start', (_req, res) => res.writeHead(302, { location: '../ok' }).end('moved'));
  up.route('/see-other', (_req, res) => res.writeHead(303, { location: '/echo' }).end());
  up.route('/echo', (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => res.end(`${req.method} ${body}`));
  });
  up.route('/text', (_req, res) => res.end(text));
  up.route('/json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json)));
}

const rows: Row[] = [
  { name: 'the server answers 200', target: (e) => e.up.url('/ok'), expected: { ok: true, degraded: false, reason: 'ok', httpStatus: 200 } },
  { name: 'the server answers 503', target: (e) => e.up.url('/fail'), expected: { ok: false, reason: 'http_status', httpStatus: 503, detail: 'status 503' } },
  { name: 'a 201 meets the default 2xx class', target: (e) => e.up.url('/created'), expected: { ok: true, reason: 'ok', httpStatus: 201 } },
  { name: 'a 503 meets an expected 5xx class', target: (e) => e.up.url('/fail'), http: { expectStatus: ['5xx'] }, expected: { ok: true, reason: 'ok' } },
  { name: 'a 404 meets an expected 404 code', target: (e) => e.up.url('/missing'), http: { expectStatus: [404] }, expected: { ok: true, httpStatus: 404 } },
  { name: 'a 200 misses an expected 204 code', target: (e) => e.up.url('/ok'), http: { expectStatus: [204] }, expected: { ok: false, reason: 'http_status' } },
  { name: 'the server never answers', target: (e) => e.up.url('/hang'), timeout: '300ms', expected: { ok: false, reason: 'timeout' } },
  { name: 'the server resets the connection', target: (e) => e.up.url('/reset'), expected: { ok: false, reason: 'connect_reset' } },
  { name: 'nothing listens on the port', target: (e) => `http://127.0.0.1:${e.refusedPort}/`, expected: { ok: false, reason: 'connect_refused', detail: 'ECONNREFUSED' } },
  { name: 'the hostname does not resolve', target: () => 'http://ikp-status-probe-test.invalid/', expected: { ok: false, reason: 'dns' } },
  { name: 'the answer is slower than degradedAfter', target: (e) => e.up.url('/slow'), http: { degradedAfter: '50ms' }, expected: { ok: true, degraded: true, reason: 'slow' } },
  { name: 'a streamed body passes the cap', target: (e) => e.up.url('/huge-stream'), http: { maxBodyBytes: MiB }, expected: { ok: false, reason: 'too_large' } },
  { name: 'Content-Length declares more than the cap', target: (e) => e.up.url('/huge-declared'), http: { maxBodyBytes: MiB }, expected: { ok: false, reason: 'too_large', detail: `content-length ${5 * MiB} > ${MiB}` } },
  { name: 'redirects loop a→b→a', target: (e) => e.up.url('/loop/a'), expected: { ok: false, reason: 'redirect_loop', httpStatus: 302 } },
  { name: 'a redirect chain is longer than maxRedirects', target: (e) => e.up.url('/chain/0'), http: { maxRedirects: 3 }, expected: { ok: false, reason: 'too_many_redirects' } },
  { name: 'a redirect chain is exactly maxRedirects long', target: (e) => e.up.url('/chain/7'), http: { maxRedirects: 3 }, expected: { ok: true, reason: 'ok', httpStatus: 200 } },
  { name: 'a relative redirect leads to a 200', target: (e) => e.up.url('/r/start'), http: { bodyMustMatch: { contains: 'hello' } }, expected: { ok: true, reason: 'ok', httpStatus: 200 } },
  { name: 'redirects are not followed', target: (e) => e.up.url('/r/start'), http: { followRedirects: false }, expected: { ok: false, reason: 'http_status', httpStatus: 302 } },
  { name: 'a POST is sent with its body', target: (e) => e.up.url('/echo'), http: { method: 'POST', body: 'ping', bodyMustMatch: { regex: '^POST ping$' } }, expected: { ok: true } },
  { name: 'a POST gets a 303', target: (e) => e.up.url('/see-other'), http: { method: 'POST', body: 'ping', bodyMustMatch: { regex: '^GET $' } }, expected: { ok: true } },
  { name: 'the body contains the text', target: (e) => e.up.url('/text'), http: { bodyMustMatch: { contains: 'operational' } }, expected: { ok: true, reason: 'ok' } },
  { name: 'the body lacks the text', target: (e) => e.up.url('/text'), http: { bodyMustMatch: { contains: 'maintenance' } }, expected: { ok: false, reason: 'body_mismatch' } },
  { name: 'the body misses the regex', target: (e) => e.up.url('/text'), http: { bodyMustMatch: { regex: 'down$' } }, expected: { ok: false, reason: 'body_mismatch' } },
  { name: 'the body matches bodyMustNotMatch', target: (e) => e.up.url('/text'), http: { bodyMustNotMatch: { regex: 'all \\w+ operational' } }, expected: { ok: false, reason: 'body_mismatch' } },
  { name: 'a JSON path equals the value', target: (e) => e.up.url('/json'), http: { json: { path: '$.status', equals: 'ok' } }, expected: { ok: true, reason: 'ok' } },
  { name: 'every value of a wildcard path equals', target: (e) => e.up.url('/json'), http: { json: { path: '$.items[*].up', equals: true } }, expected: { ok: true } },
  { name: 'a JSON value matches the regex', target: (e) => e.up.url('/json'), http: { json: { path: '$.count', matches: '^\\d+$' } }, expected: { ok: true } },
  { name: 'a JSON path has another value', target: (e) => e.up.url('/json'), http: { json: { path: '$.status', equals: 'down' } }, expected: { ok: false, reason: 'json_mismatch' } },
  { name: 'a JSON path does not exist', target: (e) => e.up.url('/json'), http: { json: { path: '$.missing' } }, expected: { ok: false, reason: 'json_mismatch' } },
  { name: 'a JSON path that must not exist does', target: (e) => e.up.url('/json'), http: { json: { path: '$.status', exists: false } }, expected: { ok: false, reason: 'json_mismatch' } },
  { name: 'the body is not JSON', target: (e) => e.up.url('/text'), http: { json: { path: '$.status', exists: true } }, expected: { ok: false, reason: 'json_mismatch', detail: 'body is not JSON' } },
];

describe('httpProber over plain HTTP', () => {
  const env = {} as Env;
  beforeAll(async () => {
    env.refusedPort = await closedPort();
    env.up = await startUpstream();
    routeAll(env.up);
  });
  afterAll(() => env.up.close());

  for (const { name, target, http, timeout, expected } of rows) {
    it(`when ${name}, then the outcome is ${expected.reason ?? (expected.ok ? 'ok' : 'a failure')}`, async () => {
      const outcome = await httpProber(httpProbe({ url: target(env), ...http }, timeout), context());
      expect(outcome).toMatchObject(expected);
      expect(outcome.durationMs).toBeGreaterThan(0);
    });
  }

  it('when probing, then the User-Agent and configured headers reach the server', async () => {
    let seen: Record<string, unknown> = {};
    env.up.route('/ua', (req, res) => ((seen = { ...req.headers }), res.end()));
    await httpProber(httpProbe({ url: env.up.url('/ua'), headers: { 'X-Probe': 'yes' } }), context());
    expect(seen).toMatchObject({ 'user-agent': UA, 'x-probe': 'yes' });
  });

  it('when a redirect crosses origins, then credentials are not forwarded', async () => {
    const other = await startUpstream();
    let auth: unknown = 'not called';
    other.route('/land', (req, res) => ((auth = req.headers.authorization), res.end()));
    env.up.route('/away', (_req, res) => res.writeHead(302, { location: other.url('/land') }).end());
    const outcome = await httpProber(httpProbe({ url: env.up.url('/away'), headers: { Authorization: 'Bearer s' } }), context());
    await other.close();
    expect(outcome.ok).toBe(true);
    expect(auth).toBeUndefined();
  });

  it('when the caller aborts (shutdown), then the outcome is timeout/aborted', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const outcome = await httpProber(httpProbe({ url: env.up.url('/hang') }), context({ signal: ac.signal }));
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout', detail: 'aborted' });
  });

  it('when something unexpected throws inside, then the prober returns internal_error instead of throwing', async () => {
    const clock = { now: (): number => { throw new TypeError('boom'); } };
    const outcome = await httpProber(httpProbe({ url: env.up.url('/ok') }), context({ clock }));
    expect(outcome).toMatchObject({ ok: false, reason: 'internal_error', detail: 'TypeError' });
  });

  it('when runProbe gets an http probe, then it dispatches to the http prober', async () => {
    expect(await runProbe(httpProbe({ url: env.up.url('/fail') }), context())).toMatchObject({ reason: 'http_status', httpStatus: 503 });
  });
});

describe('httpProber over HTTPS with a self-signed certificate', () => {
  const validDays = 30;
  let up: Upstream;
  let dir: string;
  let caFile: string;
  beforeAll(async () => {
    const notAfterDate = new Date(Date.now() + validDays * 86_400_000);
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256', notAfterDate });
    dir = await mkdtemp(join(tmpdir(), 'ikp-http-probe-'));
    caFile = join(dir, 'ca.pem');
    await writeFile(caFile, pems.cert);
    up = await startUpstream({ tls: { key: pems.private, cert: pems.cert } });
    up.route('/ok', (_req, res) => res.end('secure'));
  });
  afterAll(async () => {
    await up.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when the certificate is not trusted, then the reason is tls', async () => {
    const outcome = await httpProber(httpProbe({ url: up.url('/ok') }), context());
    expect(outcome).toMatchObject({ ok: false, reason: 'tls' });
  });

  it('when caFile trusts the certificate, then the probe is ok and reports the days left', async () => {
    const outcome = await httpProber(httpProbe({ url: up.url('/ok'), tls: { caFile, minDaysLeft: 7 } }), context());
    expect(outcome).toMatchObject({ ok: true, degraded: false, reason: 'ok', httpStatus: 200 });
    expect(outcome.tlsDaysLeft).toBeGreaterThanOrEqual(validDays - 1);
    expect(outcome.tlsDaysLeft).toBeLessThanOrEqual(validDays);
  });

  it('when fewer days are left than minDaysLeft, then the outcome is ok but degraded tls_expiring', async () => {
    const outcome = await httpProber(httpProbe({ url: up.url('/ok'), tls: { caFile, minDaysLeft: 60 } }), context());
    expect(outcome).toMatchObject({ ok: true, degraded: true, reason: 'tls_expiring' });
  });

  it('when the clock is later, then tlsDaysLeft counts from the injected clock', async () => {
    const clock = { now: () => Date.now() + 20 * 86_400_000 };
    const outcome = await httpProber(httpProbe({ url: up.url('/ok'), tls: { caFile } }), context({ clock }));
    expect(outcome.tlsDaysLeft).toBeLessThanOrEqual(validDays - 20);
    expect(outcome.tlsDaysLeft).toBeGreaterThanOrEqual(validDays - 21);
  });
});

describe('classifyError', () => {
  const chained = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) });
  const cyclic: Error & { cause?: unknown } = new Error('loop');
  cyclic.cause = cyclic;
  const cases = [
    { name: 'an undici connect timeout', err: { code: 'UND_ERR_CONNECT_TIMEOUT' }, reason: 'timeout', detail: 'UND_ERR_CONNECT_TIMEOUT' },
    { name: 'an AbortSignal.timeout reason', err: new DOMException('t', 'TimeoutError'), reason: 'timeout', detail: 'TimeoutError' },
    { name: 'an AbortError', err: new DOMException('a', 'AbortError'), reason: 'timeout', detail: 'aborted' },
    { name: 'a DNS code in the cause chain', err: chained, reason: 'dns', detail: 'ENOTFOUND' },
    { name: 'a refusal inside an AggregateError', err: new AggregateError([{ code: 'ECONNREFUSED' }]), reason: 'connect_refused', detail: 'ECONNREFUSED' },
    { name: 'EPIPE', err: { code: 'EPIPE' }, reason: 'connect_reset', detail: 'EPIPE' },
    { name: 'an expired certificate', err: { code: 'CERT_HAS_EXPIRED' }, reason: 'tls', detail: 'CERT_HAS_EXPIRED' },
    { name: 'an ERR_SSL_ code', err: { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, reason: 'tls', detail: 'ERR_SSL_WRONG_VERSION_NUMBER' },
    { name: 'an unreachable host', err: { code: 'EHOSTUNREACH' }, reason: 'network', detail: 'EHOSTUNREACH' },
    { name: 'headers over the limit', err: { code: 'UND_ERR_HEADERS_OVERFLOW' }, reason: 'protocol_error', detail: 'UND_ERR_HEADERS_OVERFLOW' },
    { name: 'an llhttp parse code', err: { code: 'HPE_INVALID_CONSTANT' }, reason: 'protocol_error', detail: 'HPE_INVALID_CONSTANT' },
    { name: "undici's HTTPParserError without a code", err: Object.assign(new Error('x'), { name: 'HTTPParserError' }), reason: 'protocol_error', detail: 'HTTPParserError' },
    { name: 'an unknown code', err: { code: 'ENOENT' }, reason: 'internal_error', detail: 'ENOENT' },
    { name: 'a code only in the message', err: new Error('connect ECONNREFUSED 127.0.0.1'), reason: 'internal_error', detail: 'Error' },
    { name: 'a cyclic cause chain', err: cyclic, reason: 'internal_error', detail: 'Error' },
    { name: 'a thrown string', err: 'oops', reason: 'internal_error', detail: 'string' },
  ];
  for (const { name, err, reason, detail } of cases) {
    it(`when the error is ${name}, then it maps to ${reason}`, () => {
      expect(classifyError(err)).toEqual({ reason, detail });
    });
  }
});
