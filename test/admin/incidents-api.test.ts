import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/actor.ts';
import { createIncident } from '../../src/incidents/service.ts';
import { adminHarness, type AdminHarness } from './harness.ts';

const NEW_INCIDENT = {
  title: { pl: 'Awaria e-recept', en: 'E-prescription outage' },
  body: { pl: 'Trwa awaria e-recept, pracujemy nad rozwiązaniem.' },
  impact: 'major',
  components: ['ikp', 'profil-zaufany'],
};

describe('incident lifecycle through the admin API', () => {
  let h: AdminHarness;
  const post = (path: string, body?: object) => request(h.app).post(`/api/v1/admin${path}`).set('authorization', h.auth.operator).send(body);
  beforeAll(async () => {
    h = await adminHarness();
  });
  afterAll(async () => h.close());

  it('when an incident is created, updated, edited and resolved, then every step is stored, public, audited and announced', async () => {
    const created = await post('/incidents', NEW_INCIDENT).expect(201);
    const id: string = created.body.id;
    expect(created.headers.location).toBe(`/api/v1/admin/incidents/${id}`);
    expect(created.body).toMatchObject({ state: 'investigating', version: 1, createdBy: 'alice', createdAt: '2026-03-28T12:00:00.000+01:00' });

    h.clock.advance(5 * 60_000);
    await post(`/incidents/${id}/updates`, { state: 'identified', body: { pl: 'Przyczyna: awaria bazy danych.', en: 'Cause: database failure.' } }).expect(201);
    h.clock.advance(5 * 60_000);
    await request(h.app).patch(`/api/v1/admin/incidents/${id}`).set('authorization', h.auth.operator).send({ impact: 'critical' }).expect(200);
    h.clock.advance(5 * 60_000);
    await post(`/incidents/${id}/updates`, { state: 'monitoring', body: { pl: 'Wdrożyliśmy poprawkę.' } }).expect(201);
    h.clock.advance(5 * 60_000);
    const resolved = await post(`/incidents/${id}/resolve`).expect(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', impact: 'critical', version: 5, resolvedAt: '2026-03-28T12:20:00.000+01:00' });
    expect(resolved.body.updates.map((u: { state: string; at: string }) => [u.state, u.at])).toEqual([
      ['investigating', '2026-03-28T12:00:00.000+01:00'],
      ['identified', '2026-03-28T12:05:00.000+01:00'],
      ['monitoring', '2026-03-28T12:15:00.000+01:00'],
      ['resolved', '2026-03-28T12:20:00.000+01:00'],
    ]);

    await h.snapshot.rebuild();
    const status = await request(h.app).get('/api/v1/status').expect(200);
    expect(status.body.incidents).toHaveLength(1);
    expect(status.body.incidents[0]).toMatchObject({ id, state: 'resolved', impact: 'critical', components: ['ikp', 'profil-zaufany'], title: NEW_INCIDENT.title });
    expect(status.body.incidents[0].updates[0]).toMatchObject({ state: 'resolved', body: 'Problem został rozwiązany.' });
    expect(status.body.incidents[0].updates[2]).toMatchObject({ state: 'identified', bodyEn: 'Cause: database failure.' });

    const audit = await request(h.app).get('/api/v1/admin/audit').set('authorization', h.auth.viewer).expect(200);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['incident.resolve', 'incident.update', 'incident.edit', 'incident.update', 'incident.create']);
    const edit = audit.body.entries[2];
    expect(edit).toMatchObject({ actor: 'alice', role: 'operator', target: { kind: 'incident', id }, at: '2026-03-28T12:10:00.000+01:00' });
    expect([edit.before.impact, edit.after.impact]).toEqual(['major', 'critical']);
    expect(audit.body.entries[4].before).toBeNull();
    expect(JSON.stringify(audit.body)).not.toContain(h.operator);

    expect(h.events.map((e) => e.type)).toEqual(['incident.created', 'incident.updated', 'incident.updated', 'incident.updated', 'incident.resolved']);
    expect(new Set(h.events.map((e) => e.id)).size).toBe(5);
  });

  it('when a resolved incident gets another update, then 409 INVALID_TRANSITION naming the state field', async () => {
    const { body } = await post('/incidents', NEW_INCIDENT).expect(201);
    await post(`/incidents/${body.id}/resolve`, { body: { pl: 'Naprawione.' } }).expect(200);
    const res = await post(`/incidents/${body.id}/updates`, { state: 'monitoring', body: { pl: 'x' } }).expect(409);
    expect(res.body.error.code).toBe('INVALID_TRANSITION');
    expect(res.body.error.fields[0].field).toBe('state');
  });

  it.each([
    { name: 'an unknown incident is updated', path: '/incidents/nope/updates', body: { state: 'identified', body: { pl: 'x' } } },
    { name: 'an unknown incident is resolved', path: '/incidents/nope/resolve', body: {} },
  ])('when $name, then 404 NOT_FOUND', async ({ path, body }) => {
    expect((await post(path, body).expect(404)).body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    { name: 'the Polish title is missing', body: { ...NEW_INCIDENT, title: { en: 'Only English' } }, fields: ['title.pl'] },
    { name: 'a component is unknown', body: { ...NEW_INCIDENT, components: ['ikp', 'e-recepta'] }, fields: ['components.1'] },
    { name: 'the impact is not in the list', body: { ...NEW_INCIDENT, impact: 'huge' }, fields: ['impact'] },
    { name: 'the body is blank', body: { ...NEW_INCIDENT, body: { pl: '   ' } }, fields: ['body.pl'] },
    { name: 'a field is unknown', body: { ...NEW_INCIDENT, severity: 1 }, fields: ['severity'] },
    { name: 'it would start resolved', body: { ...NEW_INCIDENT, state: 'resolved' }, fields: ['state'] },
    { name: 'several things are wrong', body: { impact: 'minor', components: [] }, fields: ['title', 'body', 'components'] },
  ])('when $name, then 400 VALIDATION_FAILED names $fields in Polish and English', async ({ body, fields }) => {
    const res = await post('/incidents', body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([...fields].sort());
    for (const f of res.body.error.fields) {
      expect(f.pl.length).toBeGreaterThan(0);
      expect(f.en.length).toBeGreaterThan(0);
      expect(f.pl).not.toBe(f.en);
    }
  });

  it('when an edit gives no field, then 400 names the body', async () => {
    const { body } = await post('/incidents', NEW_INCIDENT).expect(201);
    const res = await request(h.app).patch(`/api/v1/admin/incidents/${body.id}`).set('authorization', h.auth.operator).send({}).expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'body', en: 'Give at least one of: title, impact, components.' })]);
  });

  it('when the list is read, then open incidents come first', async () => {
    const res = await request(h.app).get('/api/v1/admin/incidents').set('authorization', h.auth.viewer).expect(200);
    const states: string[] = res.body.incidents.map((i: { state: string }) => i.state);
    expect(states.indexOf('investigating')).toBeLessThan(states.indexOf('resolved'));
    expect(states.lastIndexOf('investigating')).toBeLessThan(states.indexOf('resolved'));
  });
});

describe('automatic drafts through the admin API', () => {
  let h: AdminHarness;
  const post = (path: string, as: 'operator' | 'viewer' = 'operator') => request(h.app).post(`/api/v1/admin${path}`).set('authorization', h.auth[as]);
  beforeAll(async () => {
    h = await adminHarness();
  });
  afterAll(async () => h.close());

  it('when a draft is listed, then only the admin API shows it; approving publishes it once, is audited, and a second approval or a viewer is refused', async () => {
    const draft = await createIncident(h.ops, SYSTEM_ACTOR, { title: { pl: 'Wykryta awaria IKP' }, body: { pl: 'Sprawdzamy.' }, impact: 'major', components: ['ikp'] }, { id: 'auto-ikp-1', automatic: true });
    expect(draft).toMatchObject({ draft: true });
    expect(h.events).toEqual([]);
    const listed = await request(h.app).get('/api/v1/admin/incidents').set('authorization', h.auth.viewer).expect(200);
    expect(listed.body.incidents).toMatchObject([{ id: 'auto-ikp-1', draft: true }]);
    await h.snapshot.rebuild();
    expect((await request(h.app).get('/api/v1/status').expect(200)).body.incidents).toEqual([]);

    expect((await post('/incidents/auto-ikp-1/approve', 'viewer').expect(403)).body.error.code).toBe('FORBIDDEN');
    const approved = await post('/incidents/auto-ikp-1/approve').expect(200);
    expect(approved.body).toMatchObject({ id: 'auto-ikp-1', draft: false, version: 2 });
    await h.snapshot.rebuild();
    expect((await request(h.app).get('/api/v1/status').expect(200)).body.incidents).toMatchObject([{ id: 'auto-ikp-1', title: { pl: 'Wykryta awaria IKP' } }]);
    expect(h.events.map((e) => [e.type, e.id])).toEqual([['incident.created', 'incident:auto-ikp-1:v2']]);
    const [row] = (await request(h.app).get('/api/v1/admin/audit?limit=1').set('authorization', h.auth.viewer).expect(200)).body.entries;
    expect(row).toMatchObject({ action: 'incident.approve', actor: 'alice', target: { kind: 'incident', id: 'auto-ikp-1' }, before: { draft: true }, after: { draft: false } });
    expect((await post('/incidents/auto-ikp-1/approve').expect(409)).body.error.code).toBe('NOT_EDITABLE');
    expect((await post('/incidents/nope/approve').expect(404)).body.error.code).toBe('NOT_FOUND');
  });

  it('when a draft is edited through the API, then it stays private until approved', async () => {
    await createIncident(h.ops, SYSTEM_ACTOR, { title: { pl: 'Wykryta awaria PZ' }, body: { pl: 'Sprawdzamy.' }, impact: 'major', components: ['profil-zaufany'] }, { id: 'auto-pz-1', automatic: true });
    const edited = await request(h.app).patch('/api/v1/admin/incidents/auto-pz-1').set('authorization', h.auth.operator).send({ impact: 'critical' }).expect(200);
    expect(edited.body).toMatchObject({ draft: true, impact: 'critical' });
    await h.snapshot.rebuild();
    expect((await request(h.app).get('/api/v1/status').expect(200)).body.incidents.map((i: { id: string }) => i.id)).not.toContain('auto-pz-1');
  });
});
