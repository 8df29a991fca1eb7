import { describe, expect, it } from 'vitest';
import { originalPhrase } from '../../src/notices/parser/normalize.ts';
import { parseItem } from '../../src/notices/parse-item.ts';

describe('evidence in the notice\u2019s own words', () => {
  it.each([
    ['Przerwa techniczna w Profilu Zaufanym', 'przerwa techniczna', 'Przerwa techniczna'],
    ['W nocy z soboty na niedzielę zmieniamy czas', 'z soboty na niedziele', 'z soboty na niedzielę'],
    ['Logowanie  przez\u00a0mojeID będzie niemożliwe', 'przez mojeid bedzie', 'przez\u00a0mojeID będzie'],
    ['  Usługa Łatwa – wyłączona', 'usluga latwa - wylaczona', 'Usługa Łatwa – wyłączona'],
    ['Awaria', 'czego tu nie ma', 'czego tu nie ma'],
  ])('when the text is %j and the parser read %j, then the operator sees %j', (text, phrase, shown) => {
    expect(originalPhrase(text, phrase)).toBe(shown);
  });

  it('when a notice with Polish letters is parsed, then its evidence keeps them', () => {
    const parsed = parseItem(
      { title: 'Przerwa techniczna', text: 'W nocy z 12 na 13 grudnia w godz. 23:00–4:00 logowanie przez Profil Zaufany będzie niemożliwe.', link: null, publishedAt: '2026-12-07T10:00:00Z' },
      ['profil-zaufany'],
      new Set(['profil-zaufany']),
      Date.parse('2026-12-07T10:00:00Z'),
    );
    expect(parsed.evidence.length).toBeGreaterThan(0);
    expect(parsed.evidence.some((e) => /[ąćęłńóśźż]|[A-Z]/.test(e))).toBe(true);
    for (const e of parsed.evidence) expect(`Przerwa techniczna\nW nocy z 12 na 13 grudnia w godz. 23:00–4:00 logowanie przez Profil Zaufany będzie niemożliwe.`).toContain(e);
  });
});
