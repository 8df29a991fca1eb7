import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { AppError } from '../../src/domain/errors.ts';
import { parseNotice } from '../../src/notices/parser/index.ts';
import { CORPUS } from './corpus.ts';

const plural = (n: number): string => (n === 1 ? 'window' : 'windows');
const rows = CORPUS.map((c) => ({ ...c, label: `${c.expected.kind} with ${c.expected.windows.length} ${plural(c.expected.windows.length)}` }));
// [title, case] pairs: '%s' prints the title verbatim, where '$name' would quote and truncate it.
const titled = (suffix: (r: (typeof rows)[number]) => string, list = rows) => list.map((r) => [`when ${r.name}, then ${suffix(r)}`, r] as const);

describe('parseNotice corpus', () => {
  it('when the corpus is counted, then it holds at least 80 cases with unique names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  it('when the corpus is profiled, then it covers plain-ASCII text, resolutions/denials and DST-crossing windows', () => {
    const ascii = CORPUS.filter((c) => !/[ąćęłńóśźż]/i.test(c.text));
    const settled = CORPUS.filter((c) => c.expected.kind === 'resolved' || c.expected.kind === 'none');
    const offset = (iso: string): string => iso.slice(-6);
    const dstCrossing = CORPUS.filter((c) => c.expected.windows.some((w) => w.end !== null && offset(w.start) !== offset(w.end)));
    expect(ascii.length).toBeGreaterThanOrEqual(12);
    expect(settled.length).toBeGreaterThanOrEqual(10);
    expect(dstCrossing.length).toBeGreaterThanOrEqual(4);
    expect(dstCrossing.some((c) => c.expected.windows.some((w) => offset(w.start) === '+01:00'))).toBe(true);
    expect(dstCrossing.some((c) => c.expected.windows.some((w) => offset(w.start) === '+02:00'))).toBe(true);
  });

  it.each(titled((r) => r.label))('%s', (_title, { text, publishedAt, expected }) => {
    const { kind, windows, components } = parseNotice(text, publishedAt);
    expect({ kind, windows, components }).toEqual(expected);
  });
});

describe('parseNotice properties over the corpus', () => {
  it.each(titled(() => 'every window is valid and ends after it starts'))('%s', (_title, { text, publishedAt }) => {
    for (const w of parseNotice(text, publishedAt).windows) {
      expect(DateTime.fromISO(w.start).isValid).toBe(true);
      if (w.end !== null) expect(DateTime.fromISO(w.end).toMillis()).toBeGreaterThan(DateTime.fromISO(w.start).toMillis());
    }
  });

  it.each(titled(() => 'no two windows overlap (one announced interval gives one window)'))('%s', (_title, { text, publishedAt }) => {
    const ws = parseNotice(text, publishedAt).windows.map((w) => [Date.parse(w.start), w.end === null ? Infinity : Date.parse(w.end)] as const);
    for (let k = 1; k < ws.length; k += 1) expect(ws[k]![0]).toBeGreaterThanOrEqual(ws[k - 1]![1]);
  });

  it.each(titled(() => 'parsing it twice gives equal results'))('%s', (_title, { text, publishedAt }) => {
    expect(parseNotice(text, publishedAt)).toEqual(parseNotice(text, publishedAt));
  });

  it.each(titled(() => 'a resolution or denial has no windows', rows.filter((r) => r.expected.kind === 'resolved' || r.expected.kind === 'none')))(
    '%s',
    (_title, { text, publishedAt }) => {
      expect(parseNotice(text, publishedAt).windows).toEqual([]);
    },
  );
});

describe('parseNotice DST and time rules', () => {
  const hours = (w: { start: string; end: string | null }): number =>
    DateTime.fromISO(w.end ?? '').diff(DateTime.fromISO(w.start), 'hours').hours;

  it.each([
    ['w nocy z 24 na 25 października 2026 (autumn change)', 9, 'W nocy z 24 na 25 października 2026 r. w godz. 22:00–6:00 przerwa techniczna IKP.'],
    ['w nocy z 25 na 26 października 2026 (after the change)', 8, 'W nocy z 25 na 26 października 2026 r. w godz. 22:00–6:00 przerwa techniczna IKP.'],
    ['w nocy z 28 na 29 marca 2026 (spring change)', 7, 'W nocy z 28 na 29 marca 2026 r. w godz. 22:00–6:00 przerwa techniczna IKP.'],
  ] as const)('when the window is %s, then it lasts %i real hours', (_label, expectedHours, text) => {
    const [window] = parseNotice(text, '2026-03-01T10:00:00+01:00').windows;
    expect(window).toBeDefined();
    expect(hours(window ?? { start: '', end: null })).toBe(expectedHours);
  });

  it('when publishedAt is a Date, then it resolves the same as its ISO string', () => {
    const text = 'Jutro w godz. 8:00–9:00 prace serwisowe IKP.';
    const iso = '2026-01-20T23:30:00.000Z';
    expect(parseNotice(text, new Date(iso))).toEqual(parseNotice(text, iso));
  });

  it('when another zone is given, then windows carry that zone’s offset', () => {
    const parsed = parseNotice('27 stycznia 2026 r. w godz. 22:00–23:00 prace serwisowe IKP.', '2026-01-20T10:00:00Z', 'Europe/London');
    expect(parsed.windows).toEqual([{ start: '2026-01-27T22:00:00.000+00:00', end: '2026-01-27T23:00:00.000+00:00' }]);
  });

  it.each([
    ['an unparseable publishedAt', 'wczoraj', 'Europe/Warsaw'],
    ['an unknown zone', '2026-01-20T10:00:00Z', 'Mars/Olympus'],
  ])('when given %s, then it throws VALIDATION_FAILED', (_label, published, zone) => {
    expect(() => parseNotice('Prace serwisowe IKP.', published, zone)).toThrow(AppError);
    try {
      parseNotice('Prace serwisowe IKP.', published, zone);
    } catch (err) {
      expect((err as AppError).code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('parseNotice component keywords', () => {
  it('when config adds keywords for a new bank, then the bank is attributed', () => {
    const text = 'Prace serwisowe w Banku Spółdzielczym w Wadowicach w godz. 22:00–23:00.';
    const parsed = parseNotice(text, '2026-01-20T10:00:00+01:00', 'Europe/Warsaw', { 'bank:bs-wadowice': ['bank* spoldzielcz* w wadowicach'] });
    expect(parsed.components).toEqual(['bank:bs-wadowice']);
  });

  it('when config adds a keyword to a built-in component, then the built-in keywords still match', () => {
    const parsed = parseNotice('Awaria IKP i serwisu eZdrowie.', '2026-01-20T10:00:00+01:00', 'Europe/Warsaw', { ikp: ['ezdrowie'] });
    expect(parsed.components).toEqual(['ikp']);
    expect(parseNotice('Awaria serwisu eZdrowie.', '2026-01-20T10:00:00+01:00', 'Europe/Warsaw', { ikp: ['ezdrowie'] }).components).toEqual(['ikp']);
  });

  it('when a keyword appears inside a longer word, then it does not match', () => {
    expect(parseNotice('Awaria systemu marketingowego.', '2026-01-20T10:00:00+01:00').components).toEqual([]);
  });
});
