import { load } from 'cheerio';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, triageConfig } from './fixtures.ts';
import { startHarness, stateOf, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');
const config = triageConfig();

describe('patient form /pomoc and /help', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(config, NOW);
  });
  afterAll(() => h.close());

  it.each([
    ['/pomoc', 'pl', 'Sprawdź', '/help'],
    ['/help', 'en', 'Check', '/pomoc'],
  ])('when %s is opened, then a plain %s form posts to itself and every control has a label', async (path, lang, submit, other) => {
    const res = await request(h.app).get(path).expect(200).expect('content-type', /html/);
    const $ = load(res.text);
    expect($('html').attr('lang')).toBe(lang);
    expect($('form').attr('method')).toBe('post');
    expect($('form').attr('action')).toBe(path);
    expect($('form button[type=submit]').text()).toBe(submit);
    expect($('script:not([src])').length).toBe(0);
    expect($(`nav.lang a[href="${other}"]`).length).toBe(1);
    const controls = $('form input, form select, form textarea').toArray();
    expect(controls.length).toBeGreaterThan(10);
    for (const el of controls) {
      const id = $(el).attr('id');
      expect(id, 'every control has an id').toBeTruthy();
      expect($(`label[for="${id}"]`).length, `label for ${id}`).toBe(1);
    }
    expect($('fieldset legend').length).toBe(2);
    expect($('select#bank optgroup').length).toBe(2);
  });

  it('when the form is sent during a PZ outage, then the result leads with the cause, alternatives and a mailto', async () => {
    await h.setStates([stateOf('profil-zaufany', 'outage', 'http_status', NOW - 600_000)]);
    try {
      const res = await request(h.app).post('/pomoc').type('form').send({ method: 'profil-zaufany', symptom: 'error-after-method', occurredAt: '', errorText: '' }).expect(200);
      const $ = load(res.text);
      expect($('#result h3').first().text()).toBe('Profil Zaufany nie działa');
      expect($('#result').text()).toContain('mObywatel');
      expect($('#result a[href^="mailto:ikp-pomoc@cez.gov.pl"]').length).toBe(1);
      expect($('input#method-profil-zaufany').attr('checked')).toBeDefined();
      expect($('select#symptom option[value="error-after-method"]').attr('selected')).toBeDefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(h.triaged.at(-1)).toBe('PZ_UNAVAILABLE');
    } finally {
      await h.setStates([stateOf('profil-zaufany', 'operational', 'ok', NOW - 600_000)]);
    }
  });

  it('when a trusted profile date is given in English, then the expiry is shown in the result', async () => {
    const res = await request(h.app).post('/help').type('form').send({ method: 'profil-zaufany', confirmedAt: '2023-11-10' }).expect(200);
    const $ = load(res.text);
    expect($('#result h3').first().text()).toBe('Your Trusted Profile has expired');
    expect($('#profile-line').text()).toContain('expired at the end of 10 November 2026 (it was valid through that day)');
  });

  it('when fields are wrong, then each error is tied to its field and listed in a summary with links', async () => {
    const res = await request(h.app).post('/pomoc').type('form').send({ method: 'mobywatel', bank: 'mbank', confirmedAt: '2024-05-01', extendedAt: '2024-04-01', occurredAt: '2030-01-01T10:00' }).expect(400);
    const $ = load(res.text);
    const summary = $('#error-summary');
    expect(summary.attr('role')).toBe('alert');
    expect(summary.find('a').toArray().map((a) => $(a).attr('href'))).toEqual(['#bank', '#occurredAt', '#extendedAt']);
    for (const id of ['bank', 'occurredAt', 'extendedAt']) {
      expect($(`#${id}`).attr('aria-invalid')).toBe('true');
      expect($(`#${id}`).attr('aria-describedby')).toContain(`${id}-error`);
      expect($(`#${id}-error`).text().trim().length).toBeGreaterThan(5);
    }
    expect($('#confirmedAt').attr('aria-invalid')).toBeUndefined();
    expect($('#confirmedAt').attr('value')).toBe('2024-05-01');
    expect($('#result').length).toBe(0);
  });

  it('when the method is not one of the choices, then the summary links to the first radio', async () => {
    const res = await request(h.app).post('/pomoc').type('form').send({ method: 'telepatia' }).expect(400);
    const $ = load(res.text);
    expect($('#error-summary a').attr('href')).toBe('#method-profil-zaufany');
    expect($('fieldset').first().attr('aria-describedby')).toBe('method-hint method-error');
  });

  it('when the form body is over 16 KB, then the page answers 413 with a general message', async () => {
    const res = await request(h.app).post('/pomoc').type('form').send({ errorText: 'a'.repeat(20_000) }).expect(413);
    expect(load(res.text)('#error-summary h2').text()).toBe('Zbyt duże zapytanie.');
  });
});
