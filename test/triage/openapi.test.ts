import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { at, PESELS, triageConfig } from './fixtures.ts';
import { startHarness, stateOf, type Harness } from './harness.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const NOW = at('2026-11-22T10:00:00Z');
const DOC_ID = 'https://ikp-status.test/openapi.json';

describe('OpenAPI 3.1 document at /api/openapi.json', () => {
  let h: Harness;
  let ajv: Ajv2020;
  let doc: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

  const validate = (path: string, method: string, status: number, body: unknown): void => {
    const content = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json'];
    expect(content, `${method} ${path} documents ${status}`).toBeDefined();
    const pointer = `${DOC_ID}#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`;
    const check = ajv.getSchema(pointer)!;
    const ok = check(body);
    expect(check.errors ?? [], JSON.stringify(body).slice(0, 300)).toEqual([]);
    expect(ok).toBe(true);
  };

  beforeAll(async () => {
    h = await startHarness(triageConfig(), NOW, { rateLimit: { windowMs: 60_000, limit: 40 } });
    const res = await request(h.app).get('/api/openapi.json').expect(200).expect('content-type', /json/);
    doc = res.body;
    ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema({ ...doc, $id: DOC_ID });
    const w: MaintenanceWindow = {
      id: 'n#0', source: 'cez', noticeKey: 'n', kind: 'maintenance', components: ['bank:mbank'], start: NOW - 3_600_000, end: null,
      title: 'Prace serwisowe', text: '', link: 'https://www.mbank.pl/x', publishedAt: null, firstSeenAt: NOW, lastSeenAt: NOW, updatedAt: NOW, state: 'announced',
    };
    await h.putWindows([w]);
    await h.setStates([stateOf('bank:mbank', 'maintenance', 'maintenance', NOW - 3_600_000), stateOf('mobywatel', 'unknown', 'stale', NOW - 60_000)]);
  });
  afterAll(() => h.close());

  it('when the document is read, then it is OpenAPI 3.1 and compiles as JSON Schema 2020-12', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/status', '/api/v1/triage', '/api/v1/profile-expiry']));
  });

  it.each([
    ['/api/v1/triage', 'post', 200, { causes: [] }],
    ['/api/v1/triage', 'post', 400, { error: { code: 'X', message: { pl: 'a' }, fields: [] } }],
    ['/api/v1/status', 'get', 200, { generatedAt: 'yesterday', overall: {}, monitor: {}, components: [], loginMethods: [], maintenance: {} }],
  ])('when a body breaks the %s %s %i schema, then validation rejects it', (path, method, status, body) => {
    const check = ajv.getSchema(`${DOC_ID}#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`)!;
    expect(check(body)).toBe(false);
  });

  it('when the status is read, then the real response matches the document', async () => {
    const res = await request(h.app).get('/api/v1/status').expect(200);
    validate('/api/v1/status', 'get', 200, res.body);
  });

  it.each([
    [{ method: 'mojeid', bank: 'mbank', symptom: 'bank-login-fails', errorText: 'bank niedostępny', profile: { confirmedAt: '2024-02-29' } }],
    [{ method: 'profil-zaufany', profile: { validUntil: '2026-12-01' } }],
    [{ method: 'mobywatel', occurredAt: '2026-11-21T10:00:00+01:00' }],
    [{ method: 'profil-zaufany', symptom: 'profile-expired-message' }],
    [{}],
  ])('when triage is asked %j, then the real 200 matches the document', async (body) => {
    const res = await request(h.app).post('/api/v1/triage').send(body).expect(200);
    validate('/api/v1/triage', 'post', 200, res.body);
  });

  it.each([
    [400, 'application/json', JSON.stringify({ method: 'x', extra: 1 })],
    [400, 'application/json', JSON.stringify({ errorText: PESELS[0] })],
    [400, 'application/json', '{'],
    [413, 'application/json', JSON.stringify({ errorText: 'x'.repeat(20_000) })],
    [415, 'text/plain', 'hello'],
  ])('when triage fails with %i, then the real error matches the document', async (status, type, body) => {
    const res = await request(h.app).post('/api/v1/triage').set('content-type', type).send(body).expect(status);
    validate('/api/v1/triage', 'post', status, res.body);
  });

  it.each([
    [200, 'confirmedAt=2024-02-29&extendedAt=2025-01-15'],
    [400, 'confirmedAt=2024-05-01&extendedAt=2024-04-01'],
  ])('when profile expiry answers %i, then the real response matches the document', async (status, qs) => {
    const res = await request(h.app).get(`/api/v1/profile-expiry?${qs}`).expect(status);
    validate('/api/v1/profile-expiry', 'get', status, res.body);
  });

  it('when the limit is reached, then the real 429 matches the document', async () => {
    let res = await request(h.app).post('/api/v1/triage').send({});
    for (let i = 0; i < 60 && res.status !== 429; i++) res = await request(h.app).post('/api/v1/triage').send({});
    expect(res.status).toBe(429);
    validate('/api/v1/triage', 'post', 429, res.body);
  });
});
