import { Writable } from 'node:stream';
import express, { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { createMetrics } from '../../src/metrics/definitions.ts';
import { observeHttpRequest } from '../../src/web/http-metrics.ts';
import { redactString } from '../../src/logging/redact.ts';
import { REQUEST_ID_HEADER, accessLogLevel, isSaneRequestId, newRequestId, requestContext } from '../../src/web/request-context.ts';
import { samples } from './prom-text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A small app with the request context, the HTTP metrics and a parameterised and a mounted route. */
function testApp(): { app: express.Express; metrics: ReturnType<typeof createMetrics>; log: () => Record<string, unknown>[] } {
  let out = '';
  const logger = createLogger('debug', new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) }));
  const metrics = createMetrics(new Registry(), { version: 't', node: 't' });
  const app = express();
  app.use(requestContext(logger, observeHttpRequest(metrics)));
  app.get('/api/v1/components/:id', (_req, res) => void res.json({ ok: true }));
  app.get('/boom/:x', () => {
    throw new Error('boom');
  });
  const sub = Router();
  sub.get('/items/:n', (_req, res) => void res.end('ok'));
  app.use('/mounted', sub);
  app.use((_req, res) => void res.status(404).end());
  app.use(((_err, _req, res, _next) => void res.status(500).end()) as express.ErrorRequestHandler);
  return { app, metrics, log: () => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request ids', () => {
  it.each([
    ['a short token', 'abc-123', true],
    ['a token with dots, colons and underscores', 'lb.1:req_42', true],
    ['an empty header', '', false],
    ['a value with a space', 'abc 123', false],
    ['a 200-character value', 'a'.repeat(200), false],
    ['a PESEL', '44051401359', false],
    ['an email address', 'jan@example.com', false],
    ['a header-injection attempt', 'abc\r\nx-evil: 1', false],
  ])('when the incoming id is %s, then it is honoured: %s', async (_what, id, honoured) => {
    expect(isSaneRequestId(id)).toBe(honoured);
    const { app } = testApp();
    const req = request(app).get('/api/v1/components/ikp');
    // supertest refuses CR/LF in headers itself; the validator above covers that case.
    const res = id.includes('\n') ? await req : await req.set(REQUEST_ID_HEADER, id);
    const echoed = res.headers[REQUEST_ID_HEADER];
    if (honoured) expect(echoed).toBe(id);
    else expect(echoed).toMatch(UUID);
  });

  it('when no id is sent, then each request gets a different generated id, echoed and logged', async () => {
    const { app, log } = testApp();
    const a = await request(app).get('/api/v1/components/ikp');
    const b = await request(app).get('/api/v1/components/ikp');
    expect(a.headers[REQUEST_ID_HEADER]).toMatch(UUID);
    expect(a.headers[REQUEST_ID_HEADER]).not.toBe(b.headers[REQUEST_ID_HEADER]);
    expect(log().map((l) => l.requestId)).toEqual([a.headers[REQUEST_ID_HEADER], b.headers[REQUEST_ID_HEADER]]);
  });
});

describe('HTTP request metrics and access log', () => {
  it.each([
    ['/api/v1/components/ikp', 'GET', '/api/v1/components/:id', '200'],
    ['/api/v1/components/bank:pko-bp', 'GET', '/api/v1/components/:id', '200'],
    ['/mounted/items/7', 'GET', '/mounted/items/:n', '200'],
    ['/boom/1', 'GET', '/boom/:x', '500'],
    ['/no/such/44051401359', 'GET', 'unmatched', '404'],
    ['/api/v1/components/ikp', 'DELETE', 'unmatched', '404'],
  ])('when %s %s is served, then it is timed under route %s with status %s', async (path, method, route, status) => {
    const { app, metrics, log } = testApp();
    await request(app)[method.toLowerCase() as 'get' | 'delete'](path);
    const text = await metrics.registry.metrics();
    const counts = samples(text, 'ikpstatus_http_request_duration_seconds_count');
    expect(counts).toEqual([{ labels: { route, method, status_code: status }, value: 1 }]);
    expect(log()[0]).toMatchObject({ msg: 'request', route, method, status: Number(status) });
  });
});

describe('access log level', () => {
  it.each([
    ['GET', 200, 'debug'],
    ['HEAD', 304, 'debug'],
    ['GET', 404, 'info'],
    ['POST', 200, 'info'],
    ['POST', 400, 'info'],
    ['GET', 500, 'error'],
    ['POST', 503, 'error'],
  ] as const)('when %s answers %i, then the access line is logged at %s', (method, statusCode, level) => {
    expect(accessLogLevel({ method, statusCode })).toBe(level);
  });
});

describe('generated request ids', () => {
  it('when many ids are generated, then each is a UUID that log redaction leaves unchanged', () => {
    // About 1 in 130 random UUIDs ends in 11+ decimal digits; 5000 draws make meeting one near certain.
    const ids = Array.from({ length: 5000 }, () => newRequestId());
    for (const id of ids) {
      expect(id).toMatch(UUID);
      expect(redactString(id)).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
