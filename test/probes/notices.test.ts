import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { noticesCheckSchema, noticesProbeSchema, type NoticesCheck, type NoticesProbeConfig } from '../../src/config/notices-schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import type { NoticeItem, ProbeOutcome } from '../../src/domain/types.ts';
import { parseNoticeDate } from '../../src/notices/extract/index.ts';
import { noticesProber, sniffFormat } from '../../src/probes/notices.ts';
import type { ProbeContext } from '../../src/probes/types.ts';
import { closedPort, startUpstream, type Upstream } from '../helpers/upstream.ts';

type NoticesInput = z.input<typeof noticesCheckSchema>;
const UA = 'ikp-status-test/1.0';
const HTML = 'text/html; charset=utf-8';
const PACJENT = { item: '.komunikat', title: 'h2', text: '.komunikat__tresc', link: 'a', date: 'time' };
const BANK = { item: 'li.komunikat', title: 'h3', text: 'p', link: 'h3 a', date: '.data' };

function probe(notices: NoticesInput, timeout = '3s'): NoticesProbeConfig {
  return noticesProbeSchema.parse({ id: 'notices-test', kind: 'notices', interval: '5m', timeout, notices });
}

function context(): ProbeContext {
  return { signal: new AbortController().signal, userAgent: UA, clock: systemClock };
}

const item = (title: string, text: string, link: string | null, publishedAt: string | null): NoticeItem => ({ title, text, link, publishedAt });

/** Fixture file and Content-Type served at each path. */
const FILES: Record<string, [string, string]> = {
  '/': ['pacjent-banner.html', HTML],
  '/bez-komunikatu': ['pacjent-no-notice.html', HTML],
  '/zmieniony': ['pacjent-changed.html', HTML],
  '/nowy-wyglad': ['pacjent-redesigned.html', HTML],
  '/pl/klienci/komunikaty': ['bank-komunikaty.html', HTML],
  '/wrogi': ['untrusted.html', HTML],
  '/rss': ['cez-rss.xml', 'application/rss+xml; charset=utf-8'],
  '/rss-as-text': ['cez-rss.xml', 'text/plain'],
  '/atom': ['atom.xml', 'application/atom+xml'],
  '/malformed': ['malformed.xml', 'application/xml'],
};

const many = (n: number, piece: (i: number) => string): string => Array.from({ length: n }, (_, i) => piece(i + 1)).join('');
const INLINE: Record<string, [string, string]> = {
  '/many.html': [`<main>${many(80, (i) => `<div class="komunikat"><h2>Komunikat ${i}</h2></div>`)}</main>`, HTML],
  '/many.xml': [`<rss version="2.0"><channel>${many(80, (i) => `<item><title>Komunikat ${i}</title></item>`)}</channel></rss>`, 'text/xml'],
  '/empty-items': ['<main><div class="komunikat"> <p>&nbsp;</p> </div></main>', HTML],
};

const expected = {
  banner: (o: string) => [
    item('Przerwa techniczna', 'Przerwa techniczna w IKP w nocy z 26 na 27 kwietnia w godz. 22:00–6:00. W tym czasie nie zalogujesz się na Internetowe Konto Pacjenta.', `${o}/aktualnosci/przerwa-techniczna-ikp`, '2026-04-24T09:30:00+02:00'),
  ],
  changed: (o: string) => [
    item('Zmiana terminu przerwy technicznej', 'Przerwa techniczna w IKP odbędzie się w nocy z 3 na 4 maja w godz. 23:00–5:00.', `${o}/aktualnosci/zmiana-terminu-przerwy`, '2026-04-30T14:05:00+02:00'),
  ],
  bank: (o: string) => [
    item('Prace serwisowe w bankowości internetowej', 'W nocy z 27 na 28 stycznia w godz. 23:00–3:00 logowanie do Profilu Zaufanego przez bank będzie niedostępne.', `${o}/pl/klienci/komunikaty/prace-serwisowe-27-01-2026`, '2026-01-27T00:00:00+01:00'),
    item('Nowy regulamin kont osobistych', 'Od 1 października obowiązuje nowy regulamin.', `${o}/pl/komunikaty/nowy-regulamin`, '2025-09-01T00:00:00+02:00'),
    item('Nowa wersja aplikacji mobilnej', 'Zaktualizuj aplikację, aby dalej potwierdzać logowanie w PZ.', 'https://bank.example/pl/komunikaty/aplikacja', '2025-06-09T00:00:00+02:00'),
    item('Komunikat bez daty', 'Data podana opisowo nie jest zgadywana.', null, null),
  ],
  rss: (o: string) => [
    item('Prace serwisowe w systemie P1 & IKP', 'W nocy z 26 na 27 kwietnia w godz. 22:00–6:00 nie będzie działać Internetowe Konto Pacjenta. Przepraszamy za utrudnienia.', `${o}/portal/home/aktualnosci/prace-serwisowe-p1`, '2026-04-24T10:15:00+02:00'),
    item('Awaria e-recepty usunięta', 'Usunęliśmy awarię. Wszystkie systemy działają.', 'https://www.ezdrowie.gov.pl/portal/home/aktualnosci/awaria-usunieta', '2026-04-22T08:00:00Z'),
    item('Nowe funkcje w IKP', 'Historia zdrowia Skierowania', null, null),
  ],
  atom: (o: string) => [
    item('Przerwa w działaniu login.gov.pl', 'Węzeł Krajowy będzie niedostępny w sobotę 25 kwietnia od 20:00 do 23:00.', `${o}/web/cyfryzacja/przerwa-login-gov-pl`, '2026-04-23T18:00:00+02:00'),
    item('mObywatel działa', 'Wszystkie systemy działają.', 'https://www.gov.pl/web/mobywatel/komunikat', '2026-04-20T08:00:00Z'),
  ],
  untrusted: () => [item('Uwaga awaria', 'Tekst alert(2) z pogrubieniem i stylem.', null, null)],
  firstFive: () => Array.from({ length: 5 }, (_, i) => item(`Komunikat ${i + 1}`, '', null, null)),
};

interface Env {
  up: Upstream;
  refusedPort: number;
  seenHeaders: IncomingHttpHeaders;
}

interface Row {
  name: string;
  url: (env: Env) => string;
  notices?: Omit<NoticesInput, 'url'>;
  timeout?: string;
  outcome: Partial<ProbeOutcome>;
  items?: (origin: string) => NoticeItem[];
}

const pacjent = { selectors: PACJENT, expectContainer: 'main' };
const at = (path: string) => (env: Env) => env.up.url(path);
const rows: Row[] = [
  { name: 'the front page has a maintenance banner (twice, for mobile)', url: at('/'), notices: pacjent, outcome: { ok: true, reason: 'ok', httpStatus: 200 }, items: expected.banner },
  { name: 'the front page has no notice', url: at('/bez-komunikatu'), notices: pacjent, outcome: { ok: true, reason: 'ok', notices: [] } },
  { name: 'the notice changed', url: at('/zmieniony'), notices: pacjent, outcome: { ok: true, reason: 'ok' }, items: expected.changed },
  { name: 'the page was redesigned and the container is gone', url: at('/nowy-wyglad'), notices: pacjent, outcome: { ok: false, reason: 'parse_error', httpStatus: 200, detail: 'expected container "main" not found' } },
  { name: 'a bank lists Komunikaty with Polish dates', url: at('/pl/klienci/komunikaty'), notices: { selectors: BANK }, outcome: { ok: true, reason: 'ok' }, items: expected.bank },
  { name: 'a redirect leads to the bank page', url: at('/stare-komunikaty'), notices: { selectors: BANK }, outcome: { ok: true, reason: 'ok' }, items: expected.bank },
  { name: 'a page carries script, style and escaped markup', url: at('/wrogi'), notices: { selectors: { item: '.komunikat', title: 'h2', text: 'p', link: 'a' } }, outcome: { ok: true }, items: expected.untrusted },
  { name: 'a CeZ-style RSS 2.0 feed has CDATA HTML', url: at('/rss'), outcome: { ok: true, reason: 'ok' }, items: expected.rss },
  { name: 'an RSS feed comes as text/plain', url: at('/rss-as-text'), outcome: { ok: true, reason: 'ok' }, items: expected.rss },
  { name: 'an Atom 1.0 feed', url: at('/atom'), notices: { format: 'atom' }, outcome: { ok: true, reason: 'ok' }, items: expected.atom },
  { name: 'an rss source starts serving Atom', url: at('/atom'), notices: { format: 'rss' }, outcome: { ok: false, reason: 'parse_error', detail: 'expected rss but got atom' } },
  { name: 'the feed is malformed XML', url: at('/malformed'), outcome: { ok: false, reason: 'parse_error', detail: 'malformed XML: InvalidTag at line 7' } },
  { name: 'an rss source serves an HTML page', url: at('/'), notices: { format: 'rss' }, outcome: { ok: false, reason: 'parse_error' } },
  { name: 'an HTML page comes but no selectors are configured', url: at('/'), outcome: { ok: false, reason: 'parse_error', detail: 'page is HTML but no selectors are configured' } },
  { name: 'no notice is there and allowEmpty is false', url: at('/bez-komunikatu'), notices: { ...pacjent, allowEmpty: false }, outcome: { ok: false, reason: 'parse_error' } },
  { name: 'items match but all are empty', url: at('/empty-items'), notices: pacjent, outcome: { ok: false, reason: 'parse_error', detail: '1 items for ".komunikat" found but all are empty' } },
  { name: 'an HTML page has more items than maxItems', url: at('/many.html'), notices: { ...pacjent, maxItems: 5 }, outcome: { ok: true }, items: expected.firstFive },
  { name: 'a feed has more items than maxItems', url: at('/many.xml'), notices: { maxItems: 5 }, outcome: { ok: true }, items: expected.firstFive },
  { name: 'the server answers 503', url: at('/awaria'), notices: pacjent, outcome: { ok: false, reason: 'http_status', httpStatus: 503, detail: 'status 503' } },
  { name: 'nothing listens on the port', url: (e) => `http://127.0.0.1:${e.refusedPort}/`, notices: pacjent, outcome: { ok: false, reason: 'connect_refused' } },
  { name: 'the server never answers', url: at('/hang'), notices: pacjent, timeout: '300ms', outcome: { ok: false, reason: 'timeout' } },
  { name: 'the page is over maxBodyBytes', url: at('/'), notices: { ...pacjent, maxBodyBytes: 512 }, outcome: { ok: false, reason: 'too_large' } },
];

describe('noticesProber against a local server', () => {
  const env = { seenHeaders: {} } as Env;
  beforeAll(async () => {
    env.refusedPort = await closedPort();
    env.up = await startUpstream();
    const read = async ([file, type]: [string, string]): Promise<[string, string]> => [await readFile(new URL(`../fixtures/notices/${file}`, import.meta.url), 'utf8'), type];
    const bodies = { ...Object.fromEntries(await Promise.all(Object.entries(FILES).map(async ([p, f]) => [p, await read(f)] as const))), ...INLINE };
    for (const [path, [body, type]] of Object.entries(bodies)) {
      env.up.route(path, (req, res) => ((env.seenHeaders = req.headers), res.writeHead(200, { 'content-type': type }).end(body)));
    }
    env.up.route('/stare-komunikaty', (_req, res) => res.writeHead(301, { location: '/pl/klienci/komunikaty' }).end());
    env.up.route('/awaria', (_req, res) => res.writeHead(503, { 'content-type': HTML }).end('<main>Serwis niedostępny</main>'));
    env.up.route('/hang', () => undefined);
  });
  afterAll(() => env.up.close());

  for (const row of rows) {
    it(`when ${row.name}, then the outcome is ${row.outcome.reason ?? (row.outcome.ok ? 'ok' : 'a failure')}`, async () => {
      const outcome = await noticesProber(probe({ url: row.url(env), ...row.notices }, row.timeout), context());
      expect(outcome).toMatchObject(row.outcome);
      if (row.items) expect(outcome.notices).toEqual(row.items(env.up.origin));
      if (!outcome.ok) expect(outcome.notices).toBeUndefined();
    });
  }

  it('when a notice changes, then the extracted text differs from the earlier one', async () => {
    const before = await noticesProber(probe({ url: env.up.url('/'), ...pacjent }), context());
    const after = await noticesProber(probe({ url: env.up.url('/zmieniony'), ...pacjent }), context());
    expect(before.notices?.[0]?.text).toContain('z 26 na 27 kwietnia');
    expect(after.notices?.[0]?.text).toContain('z 3 na 4 maja');
  });

  it('when untrusted markup is extracted, then no field of any item contains a tag', async () => {
    for (const path of ['/wrogi', '/rss', '/atom']) {
      const outcome = await noticesProber(probe({ url: env.up.url(path), selectors: { item: '.komunikat' } }), context());
      expect(outcome.notices?.length).toBeGreaterThan(0);
      for (const n of outcome.notices ?? []) expect(`${n.title} ${n.text} ${n.link ?? ''}`).not.toMatch(/[<>]|javascript:|alert\(1\)|evil/);
    }
  });

  it('when probing, then the User-Agent and an Accept for pages and feeds reach the server', async () => {
    await noticesProber(probe({ url: env.up.url('/rss') }), context());
    expect(env.seenHeaders['user-agent']).toBe(UA);
    expect(env.seenHeaders.accept).toContain('application/rss+xml');
  });
});

describe('parseNoticeDate', () => {
  const cases: [string, string | null][] = [
    ['2026-04-24', '2026-04-24T00:00:00+02:00'],
    ['2026-04-24T09:30:00Z', '2026-04-24T09:30:00Z'],
    ['2026-01-15T08:00', '2026-01-15T08:00:00+01:00'],
    ['Fri, 24 Apr 2026 10:15:00 +0200', '2026-04-24T10:15:00+02:00'],
    ['24.04.2026', '2026-04-24T00:00:00+02:00'],
    ['9.06.2025 r.', '2025-06-09T00:00:00+02:00'],
    ['Opublikowano: 12.01.2026, 10.30', '2026-01-12T10:30:00+01:00'],
    ['27 stycznia 2026', '2026-01-27T00:00:00+01:00'],
    ['26 listopada 2025 r.', '2025-11-26T00:00:00+01:00'],
    ['3 października 2025 r. godz. 8:15', '2025-10-03T08:15:00+02:00'],
    ['1 wrzesnia 2025', '2025-09-01T00:00:00+02:00'],
    ['29 marca 2026 2:30', null],
    ['31.02.2026', null],
    ['24 kwietnia', null],
    ['2026', null],
    ['wczoraj', null],
    ['', null],
  ];
  for (const [raw, iso] of cases) {
    it(`when the date reads ${JSON.stringify(raw)}, then it parses to ${iso ?? 'null'}`, () => {
      expect(parseNoticeDate(raw)).toBe(iso);
    });
  }
});

describe('sniffFormat', () => {
  const cases: [string, NoticesCheck['format'], string | null, string, string][] = [
    ['a configured format', 'atom', HTML, '<html>', 'atom'],
    ['an HTML content type', 'auto', HTML, '<?xml version="1.0"?>', 'html'],
    ['an XHTML content type', 'auto', 'application/xhtml+xml', '<html>', 'html'],
    ['an RSS content type', 'auto', 'application/rss+xml', '', 'rss'],
    ['a generic XML content type', 'auto', 'text/xml', '', 'feed'],
    ['no content type and a <feed> root', 'auto', null, '\uFEFF\n<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['no content type and markup', 'auto', null, '<!doctype html><html>', 'html'],
  ];
  for (const [name, format, type, body, want] of cases) {
    it(`when given ${name}, then the body is read as ${want}`, () => {
      expect(sniffFormat(format, type, body)).toBe(want);
    });
  }
});

describe('noticesCheckSchema', () => {
  const url = 'https://pacjent.gov.pl/';
  const cases: [string, NoticesInput | Record<string, unknown>, boolean][] = [
    ['an RSS source with defaults', { url }, true],
    ['an HTML source with selectors', { url, format: 'html', selectors: PACJENT, expectContainer: 'main', components: ['ikp'] }, true],
    ['format html without selectors', { url, format: 'html' }, false],
    ['selectors on an rss source', { url, format: 'rss', selectors: PACJENT }, false],
    ['an invalid CSS selector', { url, selectors: { item: 'div[' } }, false],
    ['a non-http URL', { url: 'ftp://pacjent.gov.pl/' }, false],
    ['an unknown key', { url, selector: '.x' }, false],
    ['maxItems of zero', { url, maxItems: 0 }, false],
  ];
  for (const [name, input, valid] of cases) {
    it(`when given ${name}, then it is ${valid ? 'accepted' : 'rejected'}`, () => {
      expect(noticesCheckSchema.safeParse(input).success).toBe(valid);
    });
  }

  it('when optional fields are left out, then the documented defaults apply', () => {
    expect(noticesCheckSchema.parse({ url })).toMatchObject({ format: 'auto', allowEmpty: true, maxItems: 50, maxBodyBytes: 2 * 1024 * 1024, components: [] });
  });
});
