import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminHarness, T0, type AdminHarness } from '../admin/harness.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Operator text with Markdown and hostile bits: the same safe HTML must come out on the page and the history. */
const MARKDOWN_BODY = [
  'Trwa awaria.',
  'Druga linia <script>alert(1)</script>',
  '',
  '**Ważne:** *zaloguj się* przez aplikację mObywatel.',
  '',
  '- pierwszy krok',
  '- drugi krok',
  '',
  '[Komunikat](https://www.gov.pl/web/cyfryzacja) [zły](javascript:alert(1)) <img src=x onerror=alert(2)>',
].join('\n');

/** The text of every element with the given class, in page order (tags stripped). */
const texts = (html: string, cls: string): string[] =>
  [...html.matchAll(new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`, 'g'))].map((m) => m[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
const headings = (html: string, level: number): string[] =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
describe('public history page (/historia, /history)', () => {
  let h: AdminHarness;
  const admin = (method: 'post' | 'patch', path: string, body?: object) => request(h.app)[method](`/api/v1/admin${path}`).set('authorization', h.auth.operator).send(body);
  const incident = async (body: object): Promise<string> => (await admin('post', '/incidents', body).expect(201)).body.id as string;
  const windowOf = async (body: object): Promise<string> => (await admin('post', '/maintenance', body).expect(201)).body.id as string;
  const page = async (path: string): Promise<string> => {
    await h.snapshot.rebuild();
    return (await request(h.app).get(path).expect(200).expect('content-type', /text\/html/)).text;
  };

  beforeEach(async () => {
    h = await adminHarness();
  });
  afterEach(async () => h.close());

  it('when incidents and windows were posted through the admin API, then /historia lists them newest first by month with Polish dates, impact, components, start, end and updates in order', async () => {
    // 28 March 2026, 12:00: an incident, resolved at 14:00 after one update.
    const pz = await incident({ title: { pl: 'Awaria Profilu Zaufanego' }, body: { pl: 'Sprawdzamy zgłoszenia.' }, impact: 'major', components: ['profil-zaufany', 'bank:pko-bp'] });
    const night = await windowOf({ components: ['profil-zaufany'], start: '2026-03-28 22:00', end: '2026-03-29 06:00', title: 'Prace serwisowe Profilu Zaufanego' });
    const dropped = await windowOf({ components: ['login-gov'], start: '2026-04-02 22:00', end: '2026-04-02 23:00', title: 'Przerwa login.gov.pl' });
    h.clock.advance(30 * MIN);
    await admin('post', `/incidents/${pz}/updates`, { state: 'identified', body: { pl: 'Przyczyna: awaria serwera.' } }).expect(201);
    h.clock.advance(90 * MIN);
    await admin('post', `/incidents/${pz}/resolve`).expect(200);
    await admin('post', `/maintenance/${dropped}/cancel`).expect(200);
    // 3 April, 12:00: a new incident, still open.
    h.clock.set(Date.parse('2026-04-03T12:00:00+02:00'));
    const bank = await incident({ title: { pl: 'Logowanie przez PKO BP przerywa' }, body: { pl: 'Badamy.' }, impact: 'minor', components: ['bank:pko-bp'] });

    const html = await page('/historia');
    expect(html).toContain('<html lang="pl">');
    expect(headings(html, 1)).toEqual(['Historia zgłoszeń i przerw technicznych']);
    expect(headings(html, 2)).toEqual(['Kwiecień 2026', 'Marzec 2026']);
    const order = [`incident-${bank}`, `window-${dropped}`, `window-${night}`, `incident-${pz}`].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const pzHtml = html.slice(order[3]);
    expect(texts(pzHtml, 'past-times')[0]).toBe('Początek 28 marca 2026, 12:00 Koniec 28 marca 2026, 14:00');
    expect(pzHtml).toContain('<strong>Poważna awaria</strong> · Rozwiązany');
    expect(pzHtml).toContain('Dotyczy: Profil Zaufany, PKO BP');
    expect(texts(pzHtml, 'update-meta')).toEqual(['28 marca 2026, 12:00 · Badamy problem', '28 marca 2026, 12:30 · Znamy przyczynę', '28 marca 2026, 14:00 · Rozwiązany']);
    expect(texts(pzHtml, 'md').slice(0, 2)).toEqual(['Sprawdzamy zgłoszenia.', 'Przyczyna: awaria serwera.']);

    const bankHtml = html.slice(order[0], order[1]);
    expect(bankHtml).toContain('<strong>Utrudnienia</strong> · Badamy problem');
    expect(texts(bankHtml, 'past-times')).toEqual(['Początek 3 kwietnia 2026, 12:00 Koniec trwa nadal']);

    const nightHtml = html.slice(order[2], order[3]);
    // Across the DST night, written the Polish way.
    expect(texts(nightHtml, 'past-times')).toEqual(['Początek 28 marca 2026, 22:00 Koniec 29 marca 2026, 6:00']);
    expect(nightHtml).toContain('Przerwa techniczna</span>');
    expect(nightHtml).toContain('Źródło: ogłoszenie dyżurnego operatora');

    const droppedHtml = html.slice(order[1], order[2]);
    expect(html).toContain(`<li class="window window-cancelled" id="window-${dropped}">`);
    expect(droppedHtml).toContain('Przerwa techniczna · Odwołana');
    expect(texts(droppedHtml, 'past-times')).toEqual(['Zapowiadano 2 kwietnia 2026, 22:00 – 23:00 Odwołano 28 marca 2026, 14:00']);
    // Never the numeric form in prose.
    expect(html).not.toMatch(/\b\d{1,2}\.\d{2}\.\d{4}\b/);
  });

  it('when incident text carries Markdown and a script payload, then the history and the main page render the same safe HTML', async () => {
    const id = await incident({ title: { pl: '<script>alert("t")</script> Awaria' }, body: { pl: MARKDOWN_BODY }, impact: 'critical', components: ['ikp'] });
    await windowOf({ components: ['ikp'], start: '2026-03-28 11:00', end: '2026-03-28 13:00', title: '<img src=x onerror=alert(3)>Przerwa' });
    const history = await page('/historia');
    const main = await page('/');
    const bodyOf = (html: string): string => {
      const at = html.indexOf(`id="incident-${id}"`);
      return /<div class="md">([\s\S]*?)<\/div>/.exec(html.slice(at))![1]!;
    };
    const body = bodyOf(history);
    expect(bodyOf(main)).toBe(body);
    expect(body).toContain('Trwa awaria.<br>');
    expect(body).toContain('Druga linia &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('<strong>Ważne:</strong> <em>zaloguj się</em>');
    expect(body).toMatch(/<ul>\s*<li>pierwszy krok<\/li>\s*<li>drugi krok<\/li>\s*<\/ul>/);
    expect(body).toContain('<a href="https://www.gov.pl/web/cyfryzacja" rel="nofollow noopener">Komunikat</a>');
    expect(body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    for (const html of [history, main]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toMatch(/<img[^>]*onerror/);
      expect(html).not.toMatch(/href="\s*javascript:/i);
      expect(html).toContain('&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; Awaria');
    }
    expect(history).toContain('&lt;img src=x onerror=alert(3)&gt;Przerwa');
  });

  it('when the driven clock passes 90 days after an item ended, then it leaves the history while a later one stays', async () => {
    const old = await incident({ title: { pl: 'Stara awaria' }, body: { pl: 'x' }, impact: 'major', components: ['ikp'] });
    const oldWindow = await windowOf({ components: ['ikp'], start: '2026-03-28 13:00', end: '2026-03-28 14:00', title: 'Stara przerwa' });
    h.clock.advance(HOUR);
    await admin('post', `/incidents/${old}/resolve`).expect(200);
    h.clock.advance(DAY);
    const later = await incident({ title: { pl: 'Nowsza awaria' }, body: { pl: 'y' }, impact: 'minor', components: ['ikp'] });
    await admin('post', `/incidents/${later}/resolve`).expect(200);
    const shown = async (): Promise<string[]> => [...(await page('/historia')).matchAll(/<li class="(?:incident|window)[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);

    // 13:00 on 28 March plus 90 days, one minute before: the old incident (resolved at 13:00) still counts.
    h.clock.set(T0 + HOUR + 90 * DAY - MIN);
    expect(await shown()).toEqual([`incident-${later}`, `window-${oldWindow}`, `incident-${old}`]);
    h.clock.set(T0 + HOUR + 90 * DAY + MIN);
    expect(await shown()).toEqual([`incident-${later}`, `window-${oldWindow}`]);
    // The window ended at 14:00.
    h.clock.set(T0 + 2 * HOUR + 90 * DAY + MIN);
    expect(await shown()).toEqual([`incident-${later}`]);
    h.clock.set(T0 + HOUR + DAY + 90 * DAY + MIN);
    const html = await page('/historia');
    expect(await shown()).toEqual([]);
    expect(html).toContain('W ostatnich 90 dniach nie zgłoszono żadnego problemu i nie ogłoszono żadnej przerwy.');
  });

  it('when /history is requested, then it is in English with English months, and each history links to the other language', async () => {
    await incident({ title: { pl: 'Awaria', en: 'Outage' }, body: { pl: 'Badamy.', en: 'We are **checking**.' }, impact: 'major', components: ['ikp'] });
    const en = await page('/history');
    expect(en).toContain('<html lang="en">');
    expect(headings(en, 1)).toEqual(['History of reported problems and maintenance']);
    expect(headings(en, 2)).toEqual(['March 2026']);
    expect(en).toContain('<span>Outage</span>');
    expect(texts(en, 'past-times')).toEqual(['Start 28 March 2026, 12:00 End still ongoing']);
    expect(en).toContain('We are <strong>checking</strong>.');
    expect(en).toContain('<a href="/historia" lang="pl" hreflang="pl"');
    expect(await page('/historia?lang=en')).toBe(en);
    const pl = await page('/historia');
    expect(pl).toContain('<a href="/history" lang="en" hreflang="en"');
    expect(pl).toContain('<span>Awaria</span>');
  });

  it('when the history is served, then it has the main page security headers, short cache, ETag revalidation and gzip', async () => {
    await h.snapshot.rebuild();
    const [mainRes, res] = [await request(h.app).get('/').expect(200), await request(h.app).get('/historia').expect(200)];
    for (const header of ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'cross-origin-opener-policy', 'cache-control', 'vary']) {
      expect(res.headers[header], header).toBe(mainRes.headers[header]);
    }
    expect(res.headers['cache-control']).toBe('public, max-age=15');
    await request(h.app).get('/historia').set('if-none-match', res.headers.etag!).expect(304);
    const zipped = await request(h.app).get('/historia').set('accept-encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/\sstyle=/);
  });

  it('when the main page is shown, then its incidents section and footer link to the history', async () => {
    const pl = await page('/');
    const en = await page('/?lang=en');
    expect(pl.match(/<a href="\/historia">/g)).toHaveLength(2);
    expect(pl).toContain('<a href="/historia">Historia zgłoszeń i przerw z ostatnich 90 dni</a>');
    expect(en.match(/<a href="\/history">/g)).toHaveLength(2);
  });
});
