import { describe, expect, it } from 'vitest';
import { blindAdvice } from '../../src/triage/advice.ts';

/** Triage says why the monitor cannot speak in the words the page uses: "lost its connection" only when it did. */
describe('MONITOR_BLIND advice', () => {
  it.each([
    ['nothing was checked yet', { dataAsOf: null, stale: true }, 'dopiero zaczął pracę'],
    ['the data is old', { dataAsOf: 1, stale: true }, 'Nie mamy aktualnych wyników'],
    ['the operator records cannot be read', { dataAsOf: 1, stale: false, recordsUnavailable: true as const }, 'Nie możemy teraz odczytać komunikatów'],
    ['the self-connectivity guard fired', { dataAsOf: 1, stale: false }, 'stracił połączenie'],
  ])('when %s, then the advice says so', (_what, p, words) => {
    const advice = blindAdvice(p);
    expect(advice.pl).toContain(words);
    if (!words.includes('połączenie')) expect(advice.pl).not.toContain('stracił połączenie');
    expect(advice.en.length).toBeGreaterThan(0);
  });
});
