import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TITLE, webFixture, type WebFixture } from './fixture.ts';

describe('status page over HTTP', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture('maintenance');
  });
  afterAll(async () => f.close());

  it('when the page is requested without a language, then it is Polish with the English switch', async () => {
    const res = await request(f.app).get('/').expect(200).expect('content-type', /text\/html/);
    expect(res.text).toMatch(/<html lang="pl">/);
    expect(res.text).toContain('Jak mogę się teraz zalogować?');
    expect(res.text).toContain('<a href="/?lang=en" lang="en" hreflang="en"');
    expect(res.headers.vary).toMatch(/Accept-Language/);
  });

  it.each([
    ['?lang=en', undefined, 'en'],
    // Polish is the default whatever the browser asks; English is the visible switch (?lang=en).
    ['', 'en-US,en;q=0.9', 'pl'],
    ['', 'pl-PL,pl;q=0.9', 'pl'],
    ['?lang=pl', 'en', 'pl'],
  ])('when the page is asked with %s and Accept-Language %s, then it is in %s', async (query, accept, lang) => {
    const req = request(f.app).get(`/${query}`);
    if (accept) req.set('accept-language', accept);
    const res = await req.expect(200);
    expect(res.text).toContain(`<html lang="${lang}">`);
  });

  it('when the page is requested again with its ETag, then the answer is 304 without a body', async () => {
    const first = await request(f.app).get('/').expect(200);
    const again = await request(f.app).get('/').set('if-none-match', first.headers.etag!).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('when the client accepts gzip, then the page comes precompressed; otherwise it comes plain', async () => {
    // superagent inflates gzip bodies itself, so equal text proves the gzip variant was valid.
    const zipped = await request(f.app).get('/').set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const plain = await request(f.app).get('/').set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.text).toBe(plain.text);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 4);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect(plain.headers['cache-control']).toBe('public, max-age=15');
  });

  it('when the page is served, then a strict CSP applies and there are no inline scripts, styles or handlers', async () => {
    const res = await request(f.app).get('/').expect(200);
    const csp = res.headers['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/\sstyle=/);
    expect(res.text).not.toMatch(/<[^>]*\son[a-z]+=/);
    expect(res.text).not.toMatch(/<style/);
  });

  it('when a scraped notice is hostile, then the page shows it as escaped text and never links javascript:', async () => {
    const res = await request(f.app).get('/').expect(200);
    expect(res.text).not.toContain(HOSTILE_TITLE);
    expect(res.text).toContain('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;');
    expect(res.text).not.toContain('javascript:');
  });

  it('when the page answers the three patient questions, then cause, until-when and alternatives are named', async () => {
    const res = await request(f.app).get('/').expect(200);
    expect(res.text).toContain('Trwa przerwa techniczna');
    expect(res.text).toContain('Logowanie przez PKO Bank Polski nie działa, bo login.gov.pl (Węzeł Krajowy) ma przerwę techniczną (do 27 stycznia, 23:00).');
    expect(res.text).toContain('27 stycznia, 21:00–23:00');
    expect(res.text).toContain('Sprawdzono przed chwilą');
    expect(res.text).toContain('Przerwa techniczna: login.gov.pl (Węzeł Krajowy), 27 stycznia, 21:00–23:00.');
    expect(res.text).toContain('Logowanie tędy teraz nie działa, bo login.gov.pl (Węzeł Krajowy) ma przerwę techniczną.');
  });

  it('when the fragment is requested, then it is the live region only, not cached by proxies', async () => {
    const res = await request(f.app).get('/fragment?lang=en').expect(200);
    expect(res.text.trim()).toMatch(/^<div id="status-region" data-version="\d+"/);
    expect(res.text).not.toContain('<html');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('when the static assets are requested under their hashed prefix, then they are cached for a year', async () => {
    const page = await request(f.app).get('/').expect(200);
    const css = /href="(\/static\/[^"]+\/app\.css)"/.exec(page.text)![1]!;
    const js = /src="(\/static\/[^"]+\/live\.js)"/.exec(page.text)![1]!;
    const res = await request(f.app).get(css).expect(200).expect('content-type', /text\/css/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    await request(f.app).get(js).expect(200).expect('content-type', /javascript/);
    await request(f.app).get('/static/not-the-hash/app.css').expect(404);
  });

  it.each([
    ['/deklaracja-dostepnosci', 'pl', 'Deklaracja dostępności'],
    ['/accessibility', 'en', 'Accessibility statement'],
    ['/accessibility?lang=pl', 'pl', 'Deklaracja dostępności'],
  ])('when %s is requested, then the statement is served in %s', async (path, lang, heading) => {
    const res = await request(f.app).get(path).expect(200);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).toContain(`<h1 id="a11y-wstep">${heading}</h1>`);
    expect(res.text).toContain('id="a11y-data-publikacja"');
  });

  it.each(['/nope', '/api/v2/nope.json', '/feed.xml'])('when %s is requested, then it is a JSON 404', async (path) => {
    const res = await request(f.app).get(path).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('when /api/v1/status is requested twice with its ETag within a second, then the answer is 304', async () => {
    const first = await request(f.app).get('/api/v1/status').expect(200);
    expect(first.body.incidents).toEqual([]);
    await request(f.app).get('/api/v1/status').set('if-none-match', first.headers.etag!).expect(304);
  });

  it('when a JSON route that is not prepared is requested with gzip, then the compression middleware compresses it', async () => {
    const res = await request(f.app).get('/api/v1/maintenance').set('accept-encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.history.length).toBeGreaterThan(0);
  });
});
