import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { at, PESELS, triageConfig } from './fixtures.ts';
import { startHarness, stateOf, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');
const config = triageConfig();

function windowOf(over: Partial<MaintenanceWindow>): MaintenanceWindow {
  return {
    id: 'n#0', source: 'cez', noticeKey: 'n', kind: 'maintenance', components: ['ikp'], start: NOW - 3_600_000, end: NOW + 3_600_000,
    title: 'Przerwa techniczna IKP', text: 'W godz. 10-12 IKP będzie niedostępne.', link: 'https://pacjent.gov.pl/aktualnosc/przerwa', publishedAt: NOW - 86_400_000,
    firstSeenAt: NOW - 86_400_000, lastSeenAt: NOW, updatedAt: NOW - 86_400_000, state: 'announced', ...over,
  };
}

describe('POST /api/v1/triage', () => {
  let h: Harness;
  const post = (body: unknown) => request(h.app).post('/api/v1/triage').send(body as object);

  beforeAll(async () => {
    h = await startHarness(config, NOW);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.setStates(config.components.map((c) => stateOf(c.id, 'operational', 'ok', NOW - 3_600_000)));
    h.triaged.length = 0;
  });

  it.each([
    [{ method: 'profil-zaufany' }, { 'profil-zaufany': 'outage' }, 'PZ_UNAVAILABLE', ['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod']],
    [{ method: 'mojeid', bank: 'mbank' }, { 'bank:mbank': 'outage' }, 'BANK_UNAVAILABLE', ['profil-zaufany', 'pz-bank:pko-bp', 'pz-bank:santander', 'mobywatel', 'e-dowod']],
    [{ method: 'unknown', bank: 'bank:mbank' }, { mojeid: 'outage' }, 'MOJEID_UNAVAILABLE', ['profil-zaufany', 'pz-bank:pko-bp', 'pz-bank:santander', 'mobywatel', 'e-dowod']],
    [{ method: 'e-dowod' }, { 'login-gov': 'outage' }, 'LOGIN_GOV_UNAVAILABLE', []],
    // The patient's rows work: the page claims no alternatives, and neither does triage.
    [{}, {}, 'NO_KNOWN_CAUSE', null],
    [{ method: 'profil-zaufany', profile: { confirmedAt: '2024-02-29' }, occurredAt: '2026-11-22T11:00' }, {}, 'NO_KNOWN_CAUSE', null],
    [{ method: 'profil-zaufany', profile: { confirmedAt: '2023-11-10' } }, {}, 'PZ_EXPIRED', null],
  ] as const)('when the body is %j and states are %j, then the first cause is %s', async (body, states, first, alternatives) => {
    await h.setStates(Object.entries(states).map(([id, s]) => stateOf(id, s, undefined, NOW - 600_000)));
    const res = await post(body).expect(200).expect('content-type', /json/);
    expect(res.body.causes[0].code).toBe(first);
    expect(res.body.alternatives?.map((a: { id: string }) => a.id) ?? null).toEqual(alternatives);
    expect(res.body.basis).toBe('live');
    expect(h.triaged).toEqual([first]);
  });

  it('when an unknown method is sent with a mojeID bank, then the method is taken from the bank', async () => {
    const res = await post({ bank: 'mbank' }).expect(200);
    expect(res.body).toMatchObject({ method: 'mojeid', bank: 'mbank' });
  });

  it('when a maintenance window is in force, then the window and its notice link are the evidence', async () => {
    await h.putWindows([windowOf({})]);
    try {
      const res = await post({ method: 'mobywatel' }).expect(200);
      expect(res.body.causes[0]).toMatchObject({ code: 'IKP_MAINTENANCE', component: 'ikp' });
      expect(res.body.causes[0].evidence).toContainEqual(expect.objectContaining({ kind: 'window', link: 'https://pacjent.gov.pl/aktualnosc/przerwa', start: '2026-11-22T10:00:00.000+01:00' }));
    } finally {
      await h.putWindows([windowOf({ state: 'cancelled', updatedAt: NOW })]);
    }
  });

  it.each([
    [{ method: 'sms' }, ['method']],
    [{ method: 'pz-bank', bank: 'nobank' }, ['bank']],
    [{ method: 'pz-bank', bank: 'mbank' }, ['bank']],
    [{ method: 'mobywatel', bank: 'mbank' }, ['bank']],
    [{ occurredAt: '2026-11-23T10:00:00Z' }, ['occurredAt']],
    [{ occurredAt: '2026-08-01T10:00:00Z' }, ['occurredAt']],
    [{ occurredAt: 'yesterday' }, ['occurredAt']],
    [{ profile: { confirmedAt: '2026-02-30' } }, ['profile.confirmedAt']],
    [{ profile: { confirmedAt: '2026-12-01' } }, ['profile.confirmedAt']],
    [{ profile: { extendedAt: '2026-12-01' } }, ['profile.extendedAt']],
    [{ profile: { confirmedAt: '2024-05-01', extendedAt: '2024-04-30' } }, ['profile.extendedAt']],
    [{ profile: { validUntil: 20270228 } }, ['profile.validUntil']],
    [{ profile: { expires: '2027-01-01' } }, ['profile.expires']],
    [{ errorText: 'x'.repeat(2001) }, ['errorText']],
    [{ symptom: 'headache' }, ['symptom']],
    [{ pesel: 'nie podam' }, ['pesel']],
    [{ method: 1, symptom: 2, extra: true, profile: 'x' }, ['method', 'symptom', 'profile', 'extra']],
    [[1, 2], ['body']],
  ])('when the body is %j, then 400 VALIDATION_FAILED names %j in Polish and English', async (body, fields) => {
    const res = await post(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([...fields].sort());
    for (const f of res.body.error.fields) expect(f).toEqual({ field: expect.any(String), pl: expect.any(String), en: expect.any(String) });
    expect(h.triaged).toEqual([]);
  });

  it.each([
    ['text/plain', 'method=mojeid', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/x-www-form-urlencoded', 'method=mojeid', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/json', '{"method": "mojeid"', 400, 'BAD_REQUEST'],
    ['application/json', '"mojeid"', 400, 'BAD_REQUEST'],
    ['application/json', JSON.stringify({ errorText: 'a'.repeat(17_000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('when the content type is %s and the body is malformed or large, then %i %s', async (type, body, status, code) => {
    const res = await request(h.app).post('/api/v1/triage').set('content-type', type).send(body).expect(status);
    expect(res.body.error.code).toBe(code);
  });
});

describe('GET /api/v1/profile-expiry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(config, NOW);
  });
  afterAll(() => h.close());

  it.each([
    ['confirmedAt=2024-02-29', { basis: 'confirmedAt', lastValidDay: '2027-02-28', validThrough: '2027-02-28T23:59:59.999+01:00', expiresAt: '2027-03-01T00:00:00.000+01:00', status: 'valid', reminder: { date: '2027-01-29' } }],
    ['confirmedAt=2020-05-01&extendedAt=2023-11-30', { basis: 'extendedAt', lastValidDay: '2026-11-30', status: 'expiring-soon', daysLeft: 8 }],
    ['extendedAt=2023-03-29', { basis: 'extendedAt', lastValidDay: '2026-03-29', validThrough: '2026-03-29T23:59:59.999+02:00', status: 'expired' }],
  ])('when asked with %s, then the computed expiry is %j', async (qs, expected) => {
    const res = await request(h.app).get(`/api/v1/profile-expiry?${qs}`).expect(200);
    expect(res.body).toMatchObject(expected);
    expect(res.body.reminder.ics).toBe(`/api/v1/profile-expiry.ics?${qs}`);
  });

  it.each([
    ['', 'confirmedAt'],
    ['confirmedAt=2024-05-01&extendedAt=2024-04-01', 'extendedAt'],
    ['confirmedAt=2027-01-01', 'confirmedAt'],
    ['confirmedAt=29.02.2024', 'confirmedAt'],
    ['confirmedAt=2024-02-29&validUntil=2027-01-01', 'validUntil'],
    ['confirmedAt=2024-02-29&confirmedAt=2024-03-01', 'confirmedAt'],
  ])('when asked with "%s", then 400 names %s', async (qs, field) => {
    const res = await request(h.app).get(`/api/v1/profile-expiry?${qs}`).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('when the .ics is asked for, then it is one all-day reminder 30 days before the last valid day', async () => {
    const res = await request(h.app).get('/api/v1/profile-expiry.ics?confirmedAt=2024-02-29').expect(200).expect('content-type', /text\/calendar/);
    expect(res.text).toContain('DTSTART;VALUE=DATE:20270129');
    expect(res.text).toContain('UID:pz-expiry-2027-02-28@ikp-status');
    expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('when a PESEL is in the query, then 400 PESEL_REJECTED and the number is not echoed', async () => {
    const res = await request(h.app).get(`/api/v1/profile-expiry?confirmedAt=${PESELS[0]}`).expect(400);
    expect(res.body.error.code).toBe('PESEL_REJECTED');
    expect(res.text).not.toContain(PESELS[0]);
    expect(h.logs.join('')).not.toContain(PESELS[0]);
  });
});

describe('rate limiting', () => {
  it('when an address goes over its budget, then 429 RATE_LIMITED in both languages, across API and form', async () => {
    const h = await startHarness(config, NOW, { rateLimit: { windowMs: 60_000, limit: 3 } });
    try {
      await request(h.app).post('/api/v1/triage').send({}).expect(200);
      await request(h.app).get('/api/v1/profile-expiry?confirmedAt=2024-02-29').expect(200);
      await request(h.app).post('/pomoc').type('form').send({ method: 'mojeid' }).expect(200);
      const res = await request(h.app).post('/api/v1/triage').send({}).expect(429);
      expect(res.body.error).toMatchObject({ code: 'RATE_LIMITED', message: { pl: expect.any(String), en: expect.any(String) } });
      expect(res.headers['ratelimit-policy']).toBeDefined();
      const page = await request(h.app).post('/help').type('form').send({}).expect(429);
      expect(page.text).toContain('Too many requests');
      await request(h.app).get('/pomoc').expect(200);
    } finally {
      await h.close();
    }
  });
});
