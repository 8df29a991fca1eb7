import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHarness, type AdminHarness } from './harness.ts';

describe('overrides and reclassification through the admin API', () => {
  let h: AdminHarness;
  const as = (who: 'operator' | 'viewer') => ({
    get: (path: string) => request(h.app).get(`/api/v1/admin${path}`).set('authorization', h.auth[who]),
    post: (path: string, body?: object) => request(h.app).post(`/api/v1/admin${path}`).set('authorization', h.auth[who]).send(body),
    delete: (path: string) => request(h.app).delete(`/api/v1/admin${path}`).set('authorization', h.auth[who]),
  });
  beforeAll(async () => {
    h = await adminHarness();
  });
  afterAll(async () => h.close());

  it('when an override is set, then the component shows it at once (and in /api/v1/status); lifting it restores the probes\' verdict', async () => {
    const res = await as('operator').post('/overrides', { component: 'bank:pko-bp', status: 'outage', reason: 'Bank potwierdził awarię logowania', for: '2h' }).expect(201);
    expect(res.body).toMatchObject({ component: 'bank:pko-bp', status: 'outage', createdBy: 'alice', expiresAt: '2026-03-28T14:00:00.000+01:00' });
    await h.snapshot.rebuild();
    const status = await request(h.app).get('/api/v1/status').expect(200);
    expect(status.body.components.find((c: { id: string }) => c.id === 'bank:pko-bp')).toMatchObject({ status: 'outage', reason: 'override' });
    expect((await as('viewer').get('/overrides').expect(200)).body.overrides.map((o: { component: string }) => o.component)).toEqual(['bank:pko-bp']);

    await as('operator').delete('/overrides/bank%3Apko-bp').expect(200);
    expect((await h.stores.results.getComponentStates()).get('bank:pko-bp')).toMatchObject({ status: 'unknown', reason: 'no_data' });
    expect((await as('operator').delete('/overrides/bank%3Apko-bp').expect(404)).body.error.code).toBe('NOT_FOUND');
    const rows = (await as('viewer').get('/audit?limit=2').expect(200)).body.entries;
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['override.delete', 'override.create']);
    expect(rows[0].after).toBeNull();
    expect(rows[0].before.reason).toBe('Bank potwierdził awarię logowania');
  });

  it('when an override expires, then the listing no longer shows it', async () => {
    await as('operator').post('/overrides', { component: 'ikp', status: 'operational', reason: 'sonda się myli', until: '2026-03-28 12:30' }).expect(201);
    h.clock.advance(31 * 60_000);
    expect((await as('viewer').get('/overrides').expect(200)).body.overrides).toEqual([]);
  });

  it.each([
    { name: 'both until and for', body: { until: '2026-03-28 20:00', for: '1h' }, field: 'until' },
    { name: 'neither until nor for', body: {}, field: 'until' },
    { name: 'longer than 7 days', body: { for: '8d' }, field: 'for' },
    { name: 'an end in the past', body: { until: '2026-03-28 09:00' }, field: 'until' },
    { name: 'a malformed duration', body: { for: 'soon' }, field: 'for' },
    { name: 'no reason', body: { for: '1h', reason: '' }, field: 'reason' },
    { name: 'an unknown status', body: { for: '1h', status: 'broken' }, field: 'status' },
  ])('when an override has $name, then 400 names $field', async ({ body, field }) => {
    const res = await as('operator').post('/overrides', { component: 'ikp', status: 'operational', reason: 'sonda się myli', ...body }).expect(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });

  it('when a past period is reclassified through the API, then it is listed and audited', async () => {
    const res = await as('operator').post('/reclassify', { component: 'ikp', from: '2026-03-28 10:00', to: '2026-03-28 11:00', reason: 'Zapowiedziane prace, których nie wychwyciliśmy' }).expect(201);
    expect(res.body).toMatchObject({ component: 'ikp', from: '2026-03-28T10:00:00.000+01:00', movedSeconds: 0, createdBy: 'alice' });
    expect((await as('viewer').get('/reclassifications').expect(200)).body.reclassifications.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
    expect((await as('viewer').get('/audit?limit=1').expect(200)).body.entries[0]).toMatchObject({ action: 'reclassify.create', target: { id: res.body.id } });
  });
});
