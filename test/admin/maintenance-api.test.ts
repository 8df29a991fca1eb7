import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHarness, T0, type AdminHarness } from './harness.ts';

const H = 3_600_000;

describe('manual maintenance through the admin API', () => {
  let h: AdminHarness;
  const send = (method: 'post' | 'patch', path: string, body?: object) => request(h.app)[method](`/api/v1/admin${path}`).set('authorization', h.auth.operator).send(body);
  beforeAll(async () => {
    h = await adminHarness();
  });
  afterAll(async () => h.close());

  it('when a window is posted in Warsaw wall-clock time across the DST night, then it shows with the right instants everywhere parsed notices do', async () => {
    const created = await send('post', '/maintenance', {
      components: ['profil-zaufany'],
      start: '2026-03-28 22:00',
      end: '2026-03-29T06:00',
      title: 'Prace serwisowe Profilu Zaufanego',
      text: 'W nocy z 28 na 29 marca Profil Zaufany będzie niedostępny.',
    }).expect(201);
    expect(created.body).toMatchObject({ source: 'manual', state: 'announced', start: '2026-03-28T22:00:00.000+01:00', end: '2026-03-29T06:00:00.000+02:00' });
    await h.snapshot.rebuild();
    const status = await request(h.app).get('/api/v1/status').expect(200);
    expect(status.body.maintenance.upcoming.map((w: { id: string }) => w.id)).toEqual([created.body.id]);
    const ics = await request(h.app).get('/maintenance.ics').expect(200);
    expect(ics.text).toContain(`UID:${created.body.id}@ikp-status`);
    expect((await request(h.app).get('/api/v1/maintenance').expect(200)).body.upcoming).toHaveLength(1);
  });

  it('when a window is active, then its component is in maintenance at once, and cancelling it lifts that and announces the end', async () => {
    const created = await send('post', '/maintenance', { components: ['ikp'], start: '2026-03-28T11:30:00+01:00', end: '2026-03-28T13:00:00+01:00', title: 'Aktualizacja IKP' }).expect(201);
    expect((await h.stores.results.getComponentStates()).get('ikp')).toMatchObject({ status: 'maintenance', reason: 'maintenance' });
    const cancelled = await send('post', `/maintenance/${created.body.id}/cancel`).expect(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect((await h.stores.results.getComponentStates()).get('ikp')?.status).not.toBe('maintenance');
    expect(h.events.filter((e) => e.type === 'maintenance.ended').map((e) => (e.data as { window: { id: string } }).window.id)).toEqual([created.body.id]);
    expect((await send('post', `/maintenance/${created.body.id}/cancel`).expect(409)).body.error.code).toBe('NOT_EDITABLE');
  });

  it('when a manual window is edited, then the change and an audit row with before and after are stored', async () => {
    const created = await send('post', '/maintenance', { components: ['ikp'], start: '2026-04-01 22:00', end: '2026-04-01 23:00', title: 'Przerwa' }).expect(201);
    const edited = await send('patch', `/maintenance/${created.body.id}`, { end: '2026-04-02 01:00', components: ['ikp', 'login-gov'] }).expect(200);
    expect(edited.body).toMatchObject({ end: '2026-04-02T01:00:00.000+02:00', components: ['ikp', 'login-gov'], title: 'Przerwa' });
    const [row] = (await request(h.app).get('/api/v1/admin/audit?limit=1').set('authorization', h.auth.viewer).expect(200)).body.entries;
    expect(row).toMatchObject({ action: 'maintenance.edit', target: { kind: 'maintenance', id: created.body.id } });
    expect([row.before.end, row.after.end]).toEqual([Date.parse('2026-04-01T23:00:00+02:00'), Date.parse('2026-04-02T01:00:00+02:00')]);
  });

  it('when a parsed notice window is edited, then 409 NOT_EDITABLE (it is edited at its source), while cancelling it works', async () => {
    await h.stores.windows.putWindows([{
      id: 'pz#0', source: 'pz-notices', noticeKey: 'pz', kind: 'maintenance', components: ['profil-zaufany'], start: T0 + 24 * H, end: T0 + 26 * H,
      title: 'Komunikat', text: '', link: null, publishedAt: T0, firstSeenAt: T0, lastSeenAt: T0, updatedAt: T0, state: 'announced',
    }]);
    expect((await send('patch', '/maintenance/pz%230', { title: 'x' }).expect(409)).body.error.code).toBe('NOT_EDITABLE');
    expect((await send('post', '/maintenance/pz%230/cancel').expect(200)).body.state).toBe('cancelled');
  });

  it.each([
    { name: 'a time in the spring DST gap', body: { start: '2026-03-29 02:30', end: '2026-03-29 04:00' }, field: 'start' },
    { name: 'a time without a zone in ISO form with seconds and garbage', body: { start: 'jutro o 22', end: '2026-04-02 01:00' }, field: 'start' },
    { name: 'a date that does not exist', body: { start: '2026-02-30 10:00', end: '2026-03-02 10:00' }, field: 'start' },
    { name: 'an end before the start', body: { start: '2026-04-02 10:00', end: '2026-04-02 09:00' }, field: 'end' },
    { name: 'a window already over', body: { start: '2026-03-27 10:00', end: '2026-03-27 11:00' }, field: 'end' },
    { name: 'an unknown component', body: { components: ['nope'] }, field: 'components.0' },
  ])('when creating with $name, then 400 names $field', async ({ body, field }) => {
    const res = await send('post', '/maintenance', { components: ['ikp'], start: '2026-04-02 10:00', end: '2026-04-02 11:00', title: 'Przerwa', ...body }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });
});
