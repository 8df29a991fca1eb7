import { describe, expect, it } from 'vitest';
import { timeFormat } from '../../src/i18n/format.ts';
import { translator } from '../../src/i18n/index.ts';

const NOW = Date.parse('2026-01-27T20:30:00Z'); // 21:30 in Warsaw (CET)
const pl = timeFormat(translator('pl'), NOW);
const en = timeFormat(translator('en'), NOW);
const at = (iso: string): number => Date.parse(iso);

describe('Warsaw time ranges written the Polish way', () => {
  it.each([
    ['same evening', '2026-01-27T22:00:00+01:00', '2026-01-27T23:00:00+01:00', '27 stycznia, 22:00–23:00', '27 January, 22:00–23:00'],
    ['a night ending at midnight', '2026-01-27T22:00:00+01:00', '2026-01-28T00:00:00+01:00', '27 stycznia, 22:00–24:00', '27 January, 22:00–24:00'],
    ['a night across midnight', '2026-01-27T22:00:00+01:00', '2026-01-28T02:00:00+01:00', '27 stycznia, 22:00 – 28 stycznia, 2:00', '27 January, 22:00 – 28 January, 02:00'],
    ['a summer night (CEST)', '2026-06-09T22:00:00+02:00', '2026-06-09T23:30:00+02:00', '9 czerwca, 22:00–23:30', '9 June, 22:00–23:30'],
    ['a window next year', '2027-03-02T01:00:00+01:00', '2027-03-02T03:00:00+01:00', '2 marca 2027, 1:00–3:00', '2 March 2027, 01:00–03:00'],
    ['a UTC instant shown in Warsaw time', '2026-01-27T21:00:00Z', '2026-01-27T22:00:00Z', '27 stycznia, 22:00–23:00', '27 January, 22:00–23:00'],
  ])('when the window is %s, then Polish reads "%s" and English "%s"', (_what, start, end, expectedPl, expectedEn) => {
    expect(pl.range(at(start), at(end))).toBe(expectedPl);
    expect(en.range(at(start), at(end))).toBe(expectedEn);
  });

  it('when the window has no announced end, then it says so', () => {
    expect(pl.range(at('2026-01-27T22:00:00+01:00'), null)).toBe('od 27 stycznia, 22:00 (koniec nie został podany)');
    expect(en.range(at('2026-01-27T22:00:00+01:00'), null)).toBe('from 27 January, 22:00 (end not announced)');
  });
});

describe('relative times', () => {
  it.each([
    [20_000, 'przed chwilą', 'just now'],
    [2 * 60_000 + 5_000, '2 min temu', '2 min. ago'],
    [59 * 60_000, '59 min temu', '59 min. ago'],
    [5 * 3_600_000, '5 godz. temu', '5 hr. ago'],
    [3 * 86_400_000, '3 dni temu', '3 days ago'],
    [-30_000, 'przed chwilą', 'just now'],
  ])('when the instant was %i ms ago, then Polish reads "%s"', (ago, expectedPl, expectedEn) => {
    expect(pl.ago(NOW - ago)).toBe(expectedPl);
    expect(en.ago(NOW - ago)).toBe(expectedEn);
  });
});

describe('percentages', () => {
  it.each([
    [1, '100%', '100%'],
    [0.99999, '99,99%', '99.99%'],
    [0.5, '50%', '50%'],
    [0, '0%', '0%'],
  ])('when the ratio is %f, then Polish reads %s and it is never rounded up to 100', (ratio, expectedPl, expectedEn) => {
    expect(pl.percent(ratio)).toBe(expectedPl);
    expect(en.percent(ratio)).toBe(expectedEn);
  });
});

it('when a single instant is shown, then it carries the day and the time', () => {
  expect(pl.at(at('2026-01-27T21:29:20+01:00'))).toBe('27 stycznia, 21:29');
  expect(pl.day(at('2025-12-07T12:00:00+01:00'))).toBe('7 grudnia 2025');
});

describe('calendar days of the history', () => {
  it.each([
    ['2026-01-27', '27 stycznia', '27 January'],
    ['2026-03-29', '29 marca', '29 March'],
    ['2025-12-07', '7 grudnia 2025', '7 December 2025'],
  ])('when the day is %s, then Polish reads "%s" and English "%s"', (day, expectedPl, expectedEn) => {
    expect(pl.calendarDay(day)).toBe(expectedPl);
    expect(en.calendarDay(day)).toBe(expectedEn);
  });
});
