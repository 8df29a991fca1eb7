import { describe, expect, it } from 'vitest';
import { parseOperatorTime } from '../../src/admin/warsaw-time.ts';

describe('operator times', () => {
  it.each([
    { text: '2026-03-28T22:00:00+01:00', iso: '2026-03-28T21:00:00.000Z' },
    { text: '2026-03-28T21:00Z', iso: '2026-03-28T21:00:00.000Z' },
    { text: '2026-07-01 12:00', iso: '2026-07-01T10:00:00.000Z' },
    { text: '2026-01-15T08:30', iso: '2026-01-15T07:30:00.000Z' },
    { text: '2026-03-29 03:00', iso: '2026-03-29T01:00:00.000Z' },
    { text: ' 2026-10-25 02:30:15 ', iso: '2026-10-25T00:30:15.000Z' },
  ])('when an operator writes $text, then it means $iso', ({ text, iso }) => {
    const ms = parseOperatorTime(text);
    expect(typeof ms === 'number' ? new Date(ms).toISOString() : ms).toBe(iso);
  });

  it.each([
    { text: '2026-03-29 02:30', why: /nie istnieje w Polsce/ },
    { text: '2026-02-29 10:00', why: /Taka data nie istnieje/ },
    { text: '2026-13-01T10:00:00Z', why: /Taka data nie istnieje/ },
    { text: '28.03.2026 22:00', why: /ISO-8601/ },
    { text: 'jutro', why: /ISO-8601/ },
    { text: '2026-03-28', why: /ISO-8601/ },
  ])('when an operator writes $text, then it is rejected in Polish and English', ({ text, why }) => {
    const parsed = parseOperatorTime(text);
    expect(typeof parsed).toBe('object');
    if (typeof parsed === 'number') return;
    expect(parsed.pl).toMatch(why);
    expect(parsed.en.length).toBeGreaterThan(10);
  });
});
