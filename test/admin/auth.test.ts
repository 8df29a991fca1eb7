import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHarness, type AdminHarness } from './harness.ts';

const NEW_INCIDENT = { title: { pl: 'Awaria e-recept' }, body: { pl: 'Trwa awaria e-recept, pracujemy nad rozwiązaniem.' }, impact: 'major', components: ['ikp'] };

describe('admin API authentication and roles', () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await adminHarness();
  });
  afterAll(async () => h.close());

  it.each([
    { name: 'no Authorization header', header: undefined, error: undefined },
    { name: 'a wrong token', header: 'Bearer ikp_not-a-real-token', error: 'invalid_token' },
    { name: 'a Basic credential', header: 'Basic YWxpY2U6c2VjcmV0', error: undefined },
    { name: 'an empty bearer', header: 'Bearer ', error: undefined },
  ])('when a request has $name, then 401 UNAUTHORIZED with a Bearer challenge', async ({ header, error }) => {
    const req = request(h.app).get('/api/v1/admin/incidents');
    const res = await (header === undefined ? req : req.set('authorization', header)).expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.body.error.message.pl).toMatch(/token/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="ikp-status admin"/);
    expect(String(res.headers['www-authenticate']).includes('invalid_token')).toBe(error !== undefined);
  });

  it.each([
    { method: 'post', path: '/api/v1/admin/incidents', body: NEW_INCIDENT },
    { method: 'post', path: '/api/v1/admin/overrides', body: { component: 'ikp', status: 'operational', reason: 'test', for: '1h' } },
    { method: 'delete', path: '/api/v1/admin/overrides/ikp', body: undefined },
    { method: 'patch', path: '/api/v1/admin/incidents/x', body: { impact: 'minor' } },
  ] as const)('when a viewer tries $method $path, then 403 FORBIDDEN and nothing changes', async ({ method, path, body }) => {
    const res = await request(h.app)[method](path).set('authorization', h.auth.viewer).send(body).expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await h.stores.operator.getIncidents()).toEqual([]);
    expect(await h.stores.operator.getAudit(10)).toEqual([]);
  });

  it.each(['/api/v1/admin/incidents', '/api/v1/admin/maintenance', '/api/v1/admin/overrides', '/api/v1/admin/audit', '/api/v1/admin/reclassifications'])(
    'when a viewer reads %s, then 200',
    async (path) => {
      await request(h.app).get(path).set('authorization', h.auth.viewer).expect(200);
    },
  );

  it('when the operator token is given (twice, the second time from the cache), then writes are allowed', async () => {
    await request(h.app).get('/api/v1/admin/incidents').set('authorization', h.auth.operator).expect(200);
    const res = await request(h.app).post('/api/v1/admin/incidents').set('authorization', h.auth.operator).send(NEW_INCIDENT).expect(201);
    expect(res.body.createdBy).toBe('alice');
  });

  it('when a write body is not JSON, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await request(h.app).post('/api/v1/admin/incidents').set('authorization', h.auth.operator).set('content-type', 'text/plain').send('hello').expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('when the JSON is malformed, then 400 BAD_REQUEST', async () => {
    const res = await request(h.app).post('/api/v1/admin/incidents').set('authorization', h.auth.operator).set('content-type', 'application/json').send('{"title":').expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('admin API rate limit', () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await adminHarness({ admin: { rateLimit: { window: '1m', max: 3 } } });
  });
  afterAll(async () => h.close());

  it('when a client exceeds the limit, then 429 RATE_LIMITED as JSON, also for bad tokens', async () => {
    for (let i = 0; i < 3; i++) await request(h.app).get('/api/v1/admin/incidents').set('authorization', 'Bearer guess').expect(401);
    const res = await request(h.app).get('/api/v1/admin/incidents').set('authorization', h.auth.operator).expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.headers['ratelimit-policy']).toBeDefined();
  });
});
