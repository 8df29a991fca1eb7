import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { testConfig } from '../helpers/config.ts';
import { webAppOver, type TestWebApp } from '../helpers/web-app.ts';
import { memoryStores } from '../helpers/stores.ts';

const T0 = Date.parse('2026-03-28T12:00:00+01:00');

async function appWith(server: Partial<NonNullable<ConfigInput['server']>> = {}): Promise<TestWebApp> {
  const clock = new FakeClock(T0);
  const store = await memoryStores(clock);
  return webAppOver(store, testConfig({ server: server as ConfigInput['server'] }), clock);
}

describe('HTTP negotiation of prepared bodies (RFC 9110)', () => {
  let w: TestWebApp;
  beforeAll(async () => {
    w = await appWith();
  });
  afterAll(async () => w.close());

  it.each([
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, identity;q=0.1', 'gzip'],
    ['identity;q=0, gzip', 'gzip'],
    ['gzip;q=0', undefined],
    ['br', undefined],
  ])('when Accept-Encoding is "%s", then the page is sent with coding %s', async (accept, coding) => {
    // Supertest decodes gzip itself, so the text is readable either way; the header tells what was sent.
    const res = await request(w.app).get('/').set('accept-encoding', accept).expect(200);
    expect(res.headers['content-encoding']).toBe(coding);
    expect(res.text).toContain('<html');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('when neither gzip nor identity is acceptable, then 406', async () => {
    await request(w.app).get('/').set('accept-encoding', 'identity;q=0').expect(406);
    await request(w.app).get('/api/v1/status').set('accept-encoding', '*;q=0').expect(406);
  });

  it('when the client holds either variant, even as a weak validator, then 304; with Cache-Control: no-cache, then 200', async () => {
    const first = await request(w.app).get('/').set('accept-encoding', 'identity').expect(200);
    const etag = first.headers.etag!;
    await request(w.app).get('/').set('if-none-match', etag).expect(304);
    await request(w.app).get('/').set('if-none-match', `W/${etag}`).expect(304);
    await request(w.app).get('/').set('if-none-match', `"other", ${etag}`).expect(304);
    await request(w.app).get('/').set('if-none-match', etag).set('cache-control', 'no-cache').expect(200);
    await request(w.app).get('/').set('if-none-match', '"other"').expect(200);
  });
});

describe('security headers', () => {
  it('when any page is served, then there is no X-Frame-Options and the CSP forbids framing', async () => {
    const w = await appWith();
    try {
      const res = await request(w.app).get('/').expect(200);
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    } finally {
      await w.close();
    }
  });

  it.each([
    [{}, {}, false],
    [{}, { 'x-forwarded-proto': 'https' }, false],
    [{ trustProxy: true }, { 'x-forwarded-proto': 'https' }, true],
    [{ trustProxy: true }, { 'x-forwarded-proto': 'http' }, false],
    [{ hsts: 'always' }, {}, true],
    [{ hsts: 'off', trustProxy: true }, { 'x-forwarded-proto': 'https' }, false],
  ] as const)('when the server is %j and the request has %j, then HSTS is sent: %s', async (server, headers, sent) => {
    const w = await appWith(server);
    try {
      const res = await request(w.app).get('/healthz').set(headers);
      expect(res.headers['strict-transport-security'] !== undefined).toBe(sent);
    } finally {
      await w.close();
    }
  });
});
