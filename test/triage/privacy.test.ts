import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENSOR } from '../../src/logging/redact.ts';
import { at, PESELS, triageConfig } from './fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');
const [P1, P2, P3] = PESELS as [string, string, string];

describe('privacy: PESEL is rejected, never echoed, never logged', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(triageConfig(), NOW);
  });
  afterAll(() => h.close());

  const bodies: [string, unknown, string][] = [
    ['errorText', { method: 'profil-zaufany', errorText: `Mój PESEL: ${P1}` }, 'errorText'],
    ['errorText in groups', { errorText: `pesel ${P2.slice(0, 6)} ${P2.slice(6)}` }, 'errorText'],
    ['method', { method: P1 }, 'method'],
    ['bank', { bank: P2 }, 'bank'],
    ['occurredAt', { occurredAt: P3 }, 'occurredAt'],
    ['symptom', { symptom: `other ${P1}` }, 'symptom'],
    ['profile.validUntil', { profile: { validUntil: P2 } }, 'profile.validUntil'],
    ['profile.confirmedAt', { profile: { confirmedAt: P3 } }, 'profile.confirmedAt'],
    ['profile.extendedAt', { profile: { extendedAt: P1 } }, 'profile.extendedAt'],
    ['an unknown field', { note: P2 }, 'note'],
    ['a number', { method: 'mojeid', count: Number(P3) }, 'count'],
    ['a nested array', { x: [{ y: [P1] }] }, 'x[0].y[0]'],
    ['a key', { [P2]: true }, '[key]'],
    ['a JSON escape', JSON.parse(`{"errorText":"${[...P3].map((d) => `\\u003${d}`).join('')}"}`), 'errorText'],
  ];

  it.each(bodies)('when a PESEL is sent in %s, then 400 PESEL_REJECTED names the field only', async (_what, body, field) => {
    const logsBefore = h.logs.length;
    const res = await request(h.app).post('/api/v1/triage').send(body as object).expect(400);
    expect(res.body.error.code).toBe('PESEL_REJECTED');
    expect(res.body.error.fields).toEqual([{ field, pl: expect.stringMatching(/Nigdy nie podawaj numeru PESEL/), en: expect.stringMatching(/Never send your PESEL/) }]);
    for (const p of PESELS) expect(res.text).not.toContain(p);
    const logged = h.logs.slice(logsBefore).join('');
    for (const p of PESELS) expect(logged).not.toContain(p);
    // Nothing even tried to log the body: the redactor had nothing to hide.
    expect(logged).not.toContain(CENSOR.pesel);
    expect(h.triaged).toEqual([]);
  });

  it.each([
    ['malformed JSON', `{"errorText": "${P1}"`],
    ['nesting deeper than the field walk goes', `${'['.repeat(80)}"${P2}"${']'.repeat(80)}`],
  ])('when a PESEL is in %s, then it is still rejected as a PESEL and not echoed', async (_what, raw) => {
    const res = await request(h.app).post('/api/v1/triage').set('content-type', 'application/json').send(raw).expect(400);
    expect(res.body.error.code).toBe('PESEL_REJECTED');
    for (const p of PESELS) expect(res.text).not.toContain(p);
  });

  it('when a PESEL is typed into the form, then the page names the field, drops the value and keeps the others', async () => {
    const res = await request(h.app).post('/pomoc').type('form').send({ method: 'mojeid', bank: 'mbank', errorText: `PESEL ${P1}` }).expect(400);
    expect(res.text).not.toContain(P1);
    expect(res.text).toMatch(/<p class="field-error" id="errorText-error">/);
    expect(res.text).toMatch(/aria-describedby="errorText-hint errorText-error"/);
    expect(res.text).toMatch(/<option value="mbank" selected>/);
    expect(h.logs.join('')).not.toContain(P1);
  });

  it('when a PESEL is in an extra form field, then it is rejected too', async () => {
    const res = await request(h.app).post('/help').type('form').send({ method: 'mojeid', comment: P3 }).expect(400);
    expect(res.text).not.toContain(P3);
    expect(res.text).toContain('Never send your PESEL');
  });

  it('when a triage succeeds, then the escalation holds no error text, only its keyword classes', async () => {
    const secret = 'moje hasło to Kot123 i kod SMS 482913, wygasł profil';
    const res = await request(h.app).post('/api/v1/triage').send({ method: 'profil-zaufany', errorText: secret }).expect(200);
    expect(res.text).not.toContain('Kot123');
    expect(res.text).not.toContain('482913');
    expect(res.body.escalation.text.pl).toContain('profil wygasł');
    expect(h.logs.join('')).not.toContain('Kot123');
  });
});
