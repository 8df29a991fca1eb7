import { load } from 'cheerio';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { at, triageConfig } from './fixtures.ts';
import { startHarness, stateOf, type Harness } from './harness.ts';

/** What triage says in words, through the real API, form and report text: no sentence the facts do not carry. */

// 7 December 2026, 11:00 Warsaw: the day after a profile's last valid day, 6 December.
const NOW = at('2026-12-07T10:00:00Z');
const config = triageConfig();

describe('triage wording', () => {
  let h: Harness;
  const api = (body: unknown) => request(h.app).post('/api/v1/triage').send(body as object);
  const form = async (path: string, body: Record<string, string>, status = 200) => load((await request(h.app).post(path).type('form').send(body).expect(status)).text);
  // The result as read on the page, without the ready e-mail (a face of its own).
  const resultText = ($: ReturnType<typeof load>): string => $('#result').clone().find('textarea').remove().end().text();
  const count = (text: string, part: string): number => text.split(part).length - 1;

  beforeAll(async () => {
    h = await startHarness(config, NOW);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.setStates(config.components.map((c) => stateOf(c.id, 'operational', 'ok', NOW - 3_600_000)));
  });

  describe('a profile whose last valid day was 6 December', () => {
    const PL = 'wygasł z końcem dnia 6 grudnia 2026 (był ważny do tego dnia włącznie)';
    const EN = 'expired at the end of 6 December 2026 (it was valid through that day)';

    it('when triaged by the API, then it was valid through 6 December inclusive, and the e-mail says so once', async () => {
      const r = (await api({ method: 'profil-zaufany', profile: { validUntil: '2026-12-06' } }).expect(200)).body;
      expect(r.causes[0].code).toBe('PZ_EXPIRED');
      expect(r.profile).toMatchObject({ status: 'expired', lastValidDay: '2026-12-06', text: { pl: PL, en: EN } });
      expect(count(r.escalation.text.pl, PL)).toBe(1);
      expect(count(r.escalation.text.en, EN)).toBe(1);
      expect(JSON.stringify(r)).not.toMatch(/wygasł 6 grudnia|expired 6 December/);
    });

    it.each([
      ['/pomoc', PL, /wygasł 6 grudnia/],
      ['/help', EN, /expired 6 December/],
    ])('when the form %s is sent, then the line is printed once and never says it expired on its last day', async (path, line, wrong) => {
      const $ = await form(path, { method: 'profil-zaufany', validUntil: '2026-12-06' });
      expect(count(resultText($), line)).toBe(1);
      expect(count($('#escalation-text').text(), line)).toBe(1);
      expect($('#result').text()).not.toMatch(wrong);
    });

    it('when the expiry is computed by GET /api/v1/profile-expiry, then its words count the last day in full', async () => {
      const r = (await request(h.app).get('/api/v1/profile-expiry?extendedAt=2023-12-06').expect(200)).body;
      expect(r).toMatchObject({ lastValidDay: '2026-12-06', status: 'expired', text: { pl: PL, en: EN } });
    });

    it('when a reminder .ics is fetched, then its summary says valid through the last day, not "expires" on it', async () => {
      const res = await request(h.app).get('/api/v1/profile-expiry.ics?confirmedAt=2024-02-29').expect(200);
      const text = res.text.replace(/\r\n[ \t]/g, '');
      expect(text).toContain('SUMMARY:Profil Zaufany jest ważny do 28 lutego 2027 (włącznie)');
      expect(text).not.toContain('wygasa 28 lutego');
    });
  });

  it('when the patient saw "profil wygasł" but the date entered says valid, then both are shown and the difference explained', async () => {
    const body = { method: 'profil-zaufany', symptom: 'profile-expired-message', profile: { validUntil: '2028-01-01' } };
    const r = (await api(body).expect(200)).body;
    const conflict = r.causes.find((c: { code: string }) => c.code === 'PZ_EXPIRY_CONFLICT');
    expect(conflict).toBeDefined();
    expect(conflict.advice.pl).toContain('według wpisanej daty jest ważny do 1 stycznia 2028 (włącznie)');
    expect(conflict.advice.pl).toContain('Rozstrzyga data ważności pokazana na Twoim koncie Profilu Zaufanego');
    expect(conflict.advice.pl).toContain('pz.gov.pl');
    expect(conflict.evidence.map((e: { kind: string }) => e.kind)).toEqual(['profile', 'symptom']);
    expect(r.profile.text.pl).toBe('ważny do 1 stycznia 2028 (włącznie)');
    const $ = await form('/pomoc', { method: 'profil-zaufany', symptom: 'profile-expired-message', validUntil: '2028-01-01' });
    expect($('#profile-line').text()).toContain('ważny do 1 stycznia 2028 (włącznie)');
    expect($('#result').text()).toContain('Komunikat o wygaśnięciu Profilu Zaufanego a wpisana data');
  });

  it('when no cause is known, then no confidence is shown for it: the page says what was checked and the e-mail names it plainly', async () => {
    const $ = await form('/pomoc', { method: 'profil-zaufany' });
    const first = $('#result .card').first();
    expect(first.find('h3').text()).toBe('Nie znamy przyczyny');
    expect(first.text()).not.toMatch(/pewność/);
    expect(first.text()).toContain('Co sprawdziliśmy');
    expect($('#escalation-text').text()).toContain('Nie znamy przyczyny');
    expect($('#escalation-text').text()).not.toMatch(/Nie znamy przyczyny \(pewność/);
  });

  it.each([
    ['IKP slow (the unknown cause comes last)', { method: 'mobywatel' }, [stateOf('ikp', 'degraded', 'slow', NOW - 600_000)]],
    ['login.gov.pl slow, PZ login', { method: 'profil-zaufany' }, [stateOf('login-gov', 'degraded', 'slow', NOW - 600_000)]],
  ])('when %s, then no advice points at causes "below" that are not there', async (_name, body, states) => {
    await h.setStates(states);
    const r = (await api(body).expect(200)).body;
    r.causes.forEach((c: { advice: { pl: string; en: string } }, i: number) => {
      const last = i === r.causes.length - 1;
      if (last) expect(c.advice.pl).not.toMatch(/przyczyny są poniżej/);
      if (last) expect(c.advice.en).not.toMatch(/causes are below/);
    });
    expect(r.causes.at(-1).code).toBe('NO_KNOWN_CAUSE');
  });

  describe('a day the calendar does not have', () => {
    it.each([
      [{ profile: { validUntil: '2024-02-30' } }, 'profile.validUntil', 'Nie ma takiego dnia', 'There is no such day'],
      [{ profile: { confirmedAt: '2023-02-29' } }, 'profile.confirmedAt', 'Nie ma takiego dnia', 'There is no such day'],
      [{ profile: { extendedAt: '2024-04-31' } }, 'profile.extendedAt', 'Nie ma takiego dnia', 'There is no such day'],
      [{ occurredAt: '2026-11-31T10:00' }, 'occurredAt', 'Nie ma takiego dnia', 'There is no such day'],
      [{ occurredAt: '2026-12-07T25:00' }, 'occurredAt', 'Nie ma takiej godziny', 'There is no such time'],
    ])('when the API is sent %j, then 400 names %s and says "%s" in Polish and English', async (body, field, pl, en) => {
      const res = await api(body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const f = res.body.error.fields.find((x: { field: string }) => x.field === field);
      expect(f.pl).toContain(pl);
      expect(f.en).toContain(en);
    });

    it.each([
      ['/pomoc', 'Nie ma takiego dnia'],
      ['/help', 'There is no such day'],
    ])('when the form %s gets 2024-02-30, then the field says "%s"', async (path, text) => {
      const $ = await form(path, { method: 'profil-zaufany', validUntil: '2024-02-30' }, 400);
      expect($('#validUntil-error').text()).toContain(text);
      expect($('#validUntil').attr('aria-invalid')).toBe('true');
    });

    it('when the expiry API gets 2024-02-30, then 400 names confirmedAt with "nie ma takiego dnia"', async () => {
      const res = await request(h.app).get('/api/v1/profile-expiry?confirmedAt=2024-02-30').expect(400);
      expect(res.body.error.fields).toContainEqual(expect.objectContaining({ field: 'confirmedAt', pl: expect.stringContaining('Nie ma takiego dnia') }));
    });
  });
});
