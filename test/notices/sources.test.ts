import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoticesProbeConfig } from '../../src/config/notices-schema.ts';
import { loadConfig } from '../../src/config/load.ts';
import { extractHtml } from '../../src/notices/extract/html.ts';
import { splitDateStamp } from '../../src/notices/extract/index.ts';
import { parseItem } from '../../src/notices/parse-item.ts';
import { sniffFormat } from '../../src/probes/notices.ts';

// The shipped config's own selectors, so a wrong selector in config/default.yaml fails here.
const config = loadConfig({ file: 'config/default.yaml', env: {} });
const source = (id: string): NoticesProbeConfig['notices'] => {
  const probe = config.probes.find((p) => p.id === id);
  if (probe?.kind !== 'notices') throw new Error(`no notices probe ${id}`);
  return probe.notices;
};
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/notices/${name}`, import.meta.url), 'utf8');
const extract = (id: string, file: string, base: string) => {
  const s = source(id);
  return extractHtml(fixture(file), base, { selectors: s.selectors!, expectContainer: s.expectContainer, allowEmpty: s.allowEmpty, maxItems: s.maxItems });
};
const known = new Set([...config.components.map((c) => c.id), 'bank:bs-wadowice']);
const AT = Date.parse('2026-06-10T10:00:00+02:00');

describe('notice sources as they really are', () => {
  it('when the gov.pl news list is read with the shipped selectors, then only the near-menu items come out, dated and parsed from their intro', () => {
    const result = extract('cyfryzacja-news', 'govpl-news.html', 'https://www.gov.pl/web/cyfryzacja/wiadomosci');
    expect(result.ok).toBe(true);
    const items = result.ok ? result.items : [];
    expect(items.map((i) => i.title)).toEqual(['Przerwa techniczna w działaniu Profilu Zaufanego', 'Konferencja o cyberbezpieczeństwie']);
    expect(items[0]).toMatchObject({ link: 'https://www.gov.pl/web/cyfryzacja/przerwa-techniczna-w-dzialaniu-profilu-zaufanego', publishedAt: '2026-06-08T00:00:00+02:00' });
    const parsed = parseItem(items[0]!, [], known, AT);
    expect(parsed).toMatchObject({ kind: 'maintenance', components: ['profil-zaufany'] });
    expect(parsed.windows).toEqual([{ start: Date.parse('2026-06-14T00:30:00+02:00'), end: Date.parse('2026-06-14T04:30:00+02:00') }]);
  });

  it('when the gov.pl near-menu block disappears, then the source fails (parse_error), not an empty day', () => {
    const result = extract('cyfryzacja-news', 'govpl-news-redesigned.html', 'https://www.gov.pl/web/cyfryzacja/wiadomosci');
    expect(result).toMatchObject({ ok: false });
  });

  it('when the CeZ news list is read with the shipped selectors, then items carry title, date and link, and the body parses', () => {
    const result = extract('cez-news', 'cez-aktualnosci.html', 'https://www.ezdrowie.gov.pl/portal/home/aktualnosci');
    const items = result.ok ? result.items : [];
    expect(items.map((i) => [i.title, i.publishedAt, i.link])).toEqual([
      ['Przerwa techniczna w IKP', '2026-03-12T00:00:00+01:00', 'https://www.ezdrowie.gov.pl/portal/home/aktualnosci/przerwa-ikp'],
      ['Szkolenia dla lekarzy', '2026-03-10T00:00:00+01:00', 'https://www.ezdrowie.gov.pl/portal/home/aktualnosci/szkolenia'],
    ]);
    const parsed = parseItem(items[0]!, ['ikp'], known, AT);
    expect(parsed.windows).toEqual([{ start: Date.parse('2026-03-17T19:30:00+01:00'), end: Date.parse('2026-03-17T22:00:00+01:00') }]);
    expect(parseItem(items[1]!, ['ikp'], known, AT).kind).toBe('none');
  });

  it('when the CeZ news list loses its structure, then the source fails (parse_error)', () => {
    expect(extract('cez-news', 'pacjent-redesigned.html', 'https://www.ezdrowie.gov.pl/portal/home/aktualnosci')).toMatchObject({ ok: false });
  });

  it('when the CeZ RSS is served as text/plain, then the shipped config sniffs it as a feed', () => {
    expect(sniffFormat(source('cez-rss').format, 'text/plain', fixture('cez-rss.xml'))).toBe('feed');
  });

  it('when a bank glues the publication date to the body and its URL slug names another day, then the body decides the window', () => {
    const result = extractHtml(fixture('bank-glued-date.html'), 'https://bs.example/komunikaty', { selectors: { item: 'li.komunikat', title: 'h3', text: 'p', link: 'h3 a' } });
    const [item] = result.ok ? result.items : [];
    expect(item?.text.startsWith('Uprzejmie informujemy')).toBe(true);
    expect(item?.publishedAt).toBe('2020-12-03T00:00:00+01:00');
    expect(item?.link).toContain('12-grudnia');
    const parsed = parseItem(item!, [], known, AT);
    expect(parsed).toMatchObject({ kind: 'maintenance', components: ['bank:bs-wadowice'] });
    expect(parsed.windows).toEqual([{ start: Date.parse('2020-12-05T22:00:00+01:00'), end: Date.parse('2020-12-05T23:30:00+01:00') }]);
  });

  it.each([
    ['a stamp glued to the next word', '2020-12-03Uprzejmie informujemy.', 'Uprzejmie informujemy.', '2020-12-03T00:00:00+01:00'],
    ['a stamp leading the text', '2026-06-01 Prace serwisowe.', 'Prace serwisowe.', '2026-06-01T00:00:00+02:00'],
    ['a date inside a sentence', 'Przerwa 2026-06-01 w nocy.', 'Przerwa 2026-06-01 w nocy.', null],
  ])('when the body holds %s, then the stamp is split off only when it is a stamp', (_name, text, clean, stamp) => {
    expect(splitDateStamp(text)).toEqual({ text: clean, stamp });
  });
});
