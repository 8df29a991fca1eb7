import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/notices/parser/index.ts';

const PUBLISHED = '2026-06-01T10:00:00+02:00';
const THRESHOLD = 0.6; // the shipped notices.confidenceThreshold

describe('notice confidence', () => {
  it.each([
    ['planned work with a date, hours and a component', 'Bank Pekao: 6 czerwca w godz. 1:00-3:00 aplikacja PeoPay będzie niedostępna.', true],
    ['an ongoing outage naming the service', 'Obecnie nie działa logowanie do IKP. Pracujemy nad przywróceniem dostępu.', true],
    ['a resolution', 'Awaria została usunięta, mObywatel działa już poprawnie.', true],
    ['planned work with no time at all', 'Planujemy prace serwisowe w systemie mojeID.', false],
    ['vague trouble with no component', 'Możliwe utrudnienia.', false],
    ['a night with no hours and no component', 'Przerwa techniczna w nocy z 6 na 7 czerwca.', false],
  ])('when the notice is %s, then it is %s the threshold', (_name, text, above) => {
    const { confidence } = parseNotice(text, PUBLISHED);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
    expect(confidence >= THRESHOLD).toBe(above);
  });

  it('when a notice is parsed, then the evidence names the phrases behind its kind, each window and each component', () => {
    const parsed = parseNotice('Alior Bank wyłączy BLIK 6 czerwca od 0:30 do 3:00, bo aktualizuje system płatności.', PUBLISHED);
    expect(parsed.evidence.kind).toContain('wylaczy');
    expect(parsed.evidence.windows).toEqual([{ start: parsed.windows[0]!.start, end: parsed.windows[0]!.end, phrase: '6 czerwca od 0:30 do 3:00', precise: true }]);
    expect(parsed.evidence.components).toEqual([{ id: 'bank:alior', phrase: 'alior' }]);
  });

  it('when a window rests on a convention (a night as 22:00-06:00), then it is marked not precise and lowers the confidence', () => {
    const precise = parseNotice('Aplikacja Alior Mobile będzie niedostępna w nocy z 6 na 7 czerwca w godz. 23:00-5:00.', PUBLISHED);
    const vague = parseNotice('Aplikacja Alior Mobile będzie niedostępna w nocy z 6 na 7 czerwca.', PUBLISHED);
    expect(vague.evidence.windows.map((w) => w.precise)).toEqual([false]);
    expect(vague.confidence).toBeLessThan(precise.confidence);
  });
});
