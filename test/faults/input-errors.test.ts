import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultApp, type FaultApp } from './harness.ts';

/** The unauthenticated 500s the issue found, each now a 4xx naming what was wrong. */
describe('input errors are 4xx with a code and the field (issue 10 item 11)', () => {
  let h: FaultApp;
  beforeAll(async () => {
    h = await faultApp();
  });
  afterAll(() => h.close());

  it.each<[string, number, string, string, () => request.Test]>([
    ['GET /badge/%ff.svg', 400, 'BAD_ENCODING', 'path', () => request(h.app).get('/badge/%ff.svg')],
    ['GET /badge/%E0%A4%A.svg (a cut UTF-8 sequence)', 400, 'BAD_ENCODING', 'path', () => request(h.app).get('/badge/%E0%A4%A.svg')],
    ...(['gzip', 'deflate', 'br'] as const).map((coding): [string, number, string, string, () => request.Test] => [
      `POST /api/v1/triage with Content-Encoding: ${coding} and a plain body`,
      415,
      'UNSUPPORTED_CONTENT_ENCODING',
      'Content-Encoding',
      () => request(h.app).post('/api/v1/triage').set('content-type', 'application/json').set('content-encoding', coding).send('{"method":"mojeid"}'),
    ]),
    ['POST /pomoc with Content-Encoding: gzip', 415, 'UNSUPPORTED_CONTENT_ENCODING', 'Content-Encoding', () => request(h.app).post('/pomoc').type('form').set('content-encoding', 'gzip').send('method=mojeid')],
    ['GET /api/v1/admin/incidents/%zz', 400, 'BAD_ENCODING', 'path', () => request(h.app).get('/api/v1/admin/incidents/%zz').set('authorization', h.auth)],
    ['DELETE /api/v1/admin/overrides/%', 400, 'BAD_ENCODING', 'path', () => request(h.app).delete('/api/v1/admin/overrides/%').set('authorization', h.auth)],
    ['PATCH /api/v1/admin/maintenance/%ff', 400, 'BAD_ENCODING', 'path', () => request(h.app).patch('/api/v1/admin/maintenance/%ff').set('authorization', h.auth).send({})],
    ['POST /api/v1/triage with truncated JSON', 400, 'BAD_REQUEST', 'body', () => request(h.app).post('/api/v1/triage').set('content-type', 'application/json').send('{"method":')],
    [
      'POST /api/v1/admin/incidents in an unknown charset',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Content-Type',
      () => request(h.app).post('/api/v1/admin/incidents').set('authorization', h.auth).set('content-type', 'application/json; charset=koi8-x').send('{}'),
    ],
  ])('when %s, then the answer is %i %s naming %s, in Polish and English, without a stack trace', async (_what, status, code, field, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toEqual({ pl: expect.any(String), en: expect.any(String) });
    expect(res.body.error.fields).toEqual([{ field, pl: expect.stringContaining(field), en: expect.stringContaining(field) }]);
    expect(res.text).not.toMatch(/\bat \S+:\d+|node_modules|URIError|zlib/);
    expect(h.log()).not.toContain('unhandled error');
  });
});
