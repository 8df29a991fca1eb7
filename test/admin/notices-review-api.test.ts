import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { adminHarness, T0, type AdminHarness } from './harness.ts';

const H = 3_600_000;

// A low-confidence suggestion in force right now (T0 is inside it).
const pending = (id: string, component: string): MaintenanceWindow => ({
  id,
  source: 'bank-notices',
  noticeKey: id.split('#')[0] ?? id,
  kind: 'maintenance',
  components: [component],
  start: T0 - H,
  end: T0 + 2 * H,
  title: 'Komunikat banku',
  text: 'Możliwe utrudnienia w weekend.',
  link: null,
  publishedAt: T0 - 24 * H,
  firstSeenAt: T0 - 24 * H,
  lastSeenAt: T0,
  updatedAt: T0 - 24 * H,
  state: 'pending',
  confidence: 0.42,
  evidence: ['moga wystapic', 'w weekend'],
});

describe('pending notice suggestions through the admin API', () => {
  let h: AdminHarness;
  const post = (path: string, as: 'operator' | 'viewer' = 'operator') => request(h.app).post(`/api/v1/admin${path}`).set('authorization', h.auth[as]);
  beforeAll(async () => {
    h = await adminHarness();
    await h.stores.windows.putWindows([pending('n1#0', 'ikp'), pending('n2#0', 'login-gov')]);
    await h.snapshot.rebuild();
  });
  afterAll(async () => h.close());

  it('when suggestions are pending, then they are listed with confidence and evidence, and change no status nor public view', async () => {
    const res = await request(h.app).get('/api/v1/admin/notices/pending').set('authorization', h.auth.viewer).expect(200);
    expect(res.body.pending.map((w: { id: string }) => w.id)).toEqual(['n1#0', 'n2#0']);
    expect(res.body.pending[0]).toMatchObject({ state: 'pending', confidence: 0.42, evidence: ['moga wystapic', 'w weekend'], review: null });
    expect((await h.stores.results.getComponentStates()).get('ikp')?.status).not.toBe('maintenance');
    const maintenance = await request(h.app).get('/api/v1/maintenance').expect(200);
    expect(maintenance.body.history.map((w: { id: string }) => w.id)).not.toContain('n1#0');
    expect(maintenance.body.active).toEqual([]);
  });

  it('when a viewer tries to confirm, then 403 and the suggestion stays pending', async () => {
    await post('/notices/n1%230/confirm', 'viewer').expect(403);
    expect((await h.stores.windows.getWindows()).find((w) => w.id === 'n1#0')?.state).toBe('pending');
  });

  it('when an operator confirms a suggestion, then it is announced, puts its component in maintenance and is audited', async () => {
    const res = await post('/notices/n1%230/confirm').expect(200);
    expect(res.body).toMatchObject({ id: 'n1#0', state: 'announced', review: { decision: 'confirmed' } });
    expect((await h.stores.results.getComponentStates()).get('ikp')).toMatchObject({ status: 'maintenance' });
    const [row] = (await request(h.app).get('/api/v1/admin/audit?limit=1').set('authorization', h.auth.viewer).expect(200)).body.entries;
    expect(row).toMatchObject({ action: 'notice.confirm', target: { kind: 'maintenance', id: 'n1#0' } });
    expect([row.before.state, row.after.state]).toEqual(['pending', 'announced']);
  });

  it('when an operator rejects a suggestion, then it is cancelled, audited, and a second decision is 409', async () => {
    expect((await post('/notices/n2%230/reject').expect(200)).body).toMatchObject({ state: 'cancelled', review: { decision: 'rejected' } });
    const [row] = (await request(h.app).get('/api/v1/admin/audit?limit=1').set('authorization', h.auth.viewer).expect(200)).body.entries;
    expect(row).toMatchObject({ action: 'notice.reject', target: { id: 'n2#0' } });
    expect((await post('/notices/n2%230/confirm').expect(409)).body.error.code).toBe('NOT_EDITABLE');
    expect((await request(h.app).get('/api/v1/admin/notices/pending').set('authorization', h.auth.viewer).expect(200)).body.pending).toEqual([]);
  });

  it('when the id is unknown, then 404', async () => {
    expect((await post('/notices/nope/confirm').expect(404)).body.error.code).toBe('NOT_FOUND');
  });
});

describe('correcting a suggestion through the admin API', () => {
  let h: AdminHarness;
  const post = (path: string, body?: object) => request(h.app).post(`/api/v1/admin${path}`).set('authorization', h.auth.operator).send(body);
  beforeAll(async () => {
    h = await adminHarness();
    await h.stores.windows.putWindows([{ ...pending('c1#0', 'ikp'), kind: 'outage' }, pending('c2#0', 'ikp'), pending('c3#0', 'ikp')]);
  });
  afterAll(async () => h.close());

  it('when an operator confirms with kind, start, end and components, then the window is announced as corrected and the audit keeps before and after', async () => {
    const res = await post('/notices/c1%230/confirm', { kind: 'maintenance', start: '2026-03-28 22:00', end: '2026-03-29 01:00', components: ['login-gov', 'ikp'] }).expect(200);
    expect(res.body).toMatchObject({ id: 'c1#0', kind: 'maintenance', state: 'announced', start: '2026-03-28T22:00:00.000+01:00', end: '2026-03-29T01:00:00.000+01:00', components: ['login-gov', 'ikp'] });
    expect(res.body.review).toMatchObject({ decision: 'confirmed', by: 'alice', corrected: { kind: 'maintenance', components: ['login-gov', 'ikp'] } });
    const [row] = (await request(h.app).get('/api/v1/admin/audit?limit=1').set('authorization', h.auth.viewer).expect(200)).body.entries;
    expect(row).toMatchObject({ action: 'notice.confirm', before: { kind: 'outage', components: ['ikp'] }, after: { kind: 'maintenance', components: ['login-gov', 'ikp'] } });
  });

  it('when an operator confirms a suggestion as announcing nothing, then it is rejected with that reading', async () => {
    const res = await post('/notices/c2%230/confirm', { kind: 'none' }).expect(200);
    expect(res.body).toMatchObject({ state: 'cancelled', review: { decision: 'rejected', corrected: { kind: 'none' } } });
  });

  it.each([
    { name: 'an unknown kind', body: { kind: 'awaria' }, field: 'kind' },
    { name: 'an end before the start', body: { start: '2026-03-28 22:00', end: '2026-03-28 21:00' }, field: 'end' },
    { name: 'no such date', body: { start: '2026-02-30 22:00' }, field: 'start' },
    { name: 'an unknown component', body: { components: ['e-recepta'] }, field: 'components.0' },
    { name: 'an unknown field', body: { title: 'x' }, field: 'title' },
  ])('when the correction has $name, then 400 names $field in both languages and the suggestion stays pending', async ({ body, field }) => {
    const res = await post('/notices/c3%230/confirm', body).expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field, pl: expect.any(String), en: expect.any(String) })]);
    expect((await h.stores.windows.getWindows()).find((w) => w.id === 'c3#0')?.state).toBe('pending');
  });
});

describe.each([
  [false, 'off (the default)'],
  [true, 'on'],
])('the page with notices.showPending %s', (show, _label) => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await adminHarness(show ? { notices: { showPending: true } } : {});
    await h.stores.windows.putWindows([{ ...pending('n3#0', 'ikp'), title: 'Komunikat o możliwych utrudnieniach' }]);
    await h.snapshot.rebuild();
  });
  afterAll(async () => h.close());

  it(`when a suggestion is pending, then the page ${show ? 'shows' : 'does not show'} it as "komunikat do weryfikacji"`, async () => {
    const page = await request(h.app).get('/').set('accept-language', 'pl').expect(200);
    expect(page.text.includes('Komunikaty do weryfikacji')).toBe(show);
    expect(page.text.includes('Komunikat o możliwych utrudnieniach')).toBe(show);
  });
});
