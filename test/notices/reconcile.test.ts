import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow, NoticeItem } from '../../src/domain/types.ts';
import { noticeKey } from '../../src/notices/notice-key.ts';
import { reconcileNotices, type ParsedItem } from '../../src/notices/reconcile.ts';

const T0 = Date.parse('2026-01-20T12:00:00+01:00');
const H = 3_600_000;
const SRC = 'pacjent-notices';

const item = (over: Partial<NoticeItem> = {}): NoticeItem => ({
  title: 'Przerwa techniczna w IKP',
  text: 'W nocy z 26 na 27 stycznia w godz. 22:00–6:00 IKP będzie niedostępne.',
  link: 'https://pacjent.gov.pl/komunikat/1',
  publishedAt: '2026-01-20T09:00:00+01:00',
  ...over,
});
const parsed = (over: Partial<ParsedItem> = {}): ParsedItem => ({
  item: item(),
  kind: 'maintenance',
  windows: [{ start: T0 + 6 * 24 * H, end: T0 + 6 * 24 * H + 8 * H }],
  components: ['ikp'],
  confidence: 0.9,
  evidence: ['bedzie niedostepne'],
  ...over,
});

describe('reconcileNotices', () => {
  it('when a notice is first seen, then one announced window per parsed span is created with its evidence', () => {
    const out = reconcileNotices(SRC, [], [parsed({ windows: [{ start: 1, end: 2 }, { start: 3, end: null }] })], T0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ source: SRC, state: 'announced', kind: 'maintenance', start: 1, end: 2, link: item().link, firstSeenAt: T0, publishedAt: Date.parse(item().publishedAt!) });
    expect(out[1]!.id).not.toBe(out[0]!.id);
  });

  it('when the same notice is read again unchanged, then its window keeps id, firstSeenAt and updatedAt', () => {
    const [first] = reconcileNotices(SRC, [], [parsed()], T0);
    const [again] = reconcileNotices(SRC, [first!], [parsed()], T0 + H);
    expect(again).toMatchObject({ id: first!.id, firstSeenAt: T0, updatedAt: T0, lastSeenAt: T0 + H });
  });

  it('when a notice is edited (same link, new text and times), then its window is updated, not duplicated', () => {
    const [first] = reconcileNotices(SRC, [], [parsed()], T0);
    const edited = parsed({ item: item({ text: 'Zmiana terminu: 27 stycznia 23:00–5:00' }), windows: [{ start: 10, end: 20 }] });
    const out = reconcileNotices(SRC, [first!], [edited], T0 + H);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: first!.id, start: 10, end: 20, updatedAt: T0 + H, firstSeenAt: T0, text: edited.item.text });
  });

  it('when a notice disappears from its source, then its window is kept and marked withdrawn', () => {
    const [first] = reconcileNotices(SRC, [], [parsed()], T0);
    const out = reconcileNotices(SRC, [first!], [], T0 + H);
    expect(out).toEqual([{ ...first!, state: 'withdrawn', withdrawnFrom: 'announced', updatedAt: T0 + H }]);
  });

  it('when a notice turns into a resolution, then the earlier outage window is withdrawn', () => {
    const outage = parsed({ kind: 'outage', windows: [] });
    const [first] = reconcileNotices(SRC, [], [outage], T0);
    expect(first).toMatchObject({ kind: 'outage', start: Date.parse(item().publishedAt!), end: null });
    const out = reconcileNotices(SRC, [first!], [parsed({ kind: 'resolved', windows: [] })], T0 + H);
    expect(out.map((w) => w.state)).toEqual(['withdrawn']);
  });

  it.each([
    ['a maintenance notice without a time', parsed({ windows: [] })],
    ['a resolution', parsed({ kind: 'resolved', windows: [] })],
    ['a denial', parsed({ kind: 'none', windows: [] })],
    ['a notice that names no component', parsed({ components: [] })],
  ])('when the source publishes %s, then no window is invented', (_name, p) => {
    expect(reconcileNotices(SRC, [], [p], T0)).toEqual([]);
  });

  it('when another source or a manual window exists, then it is never withdrawn by this source', () => {
    const other: MaintenanceWindow = { ...reconcileNotices('bank-notices', [], [parsed()], T0)[0]! };
    expect(reconcileNotices(SRC, [other], [], T0 + H)).toEqual([]);
  });

  it('when an operator cancelled a window, then re-reading the notice keeps it cancelled', () => {
    const [first] = reconcileNotices(SRC, [], [parsed()], T0);
    const out = reconcileNotices(SRC, [{ ...first!, state: 'cancelled' }], [parsed()], T0 + H);
    expect(out[0]!.state).toBe('cancelled');
  });

  it.each([
    ['link', item(), item({ text: 'inny tekst' }), true],
    ['title without link', item({ link: null }), item({ link: null, text: 'inny tekst' }), true],
    ['title case and spacing', item({ link: null }), item({ link: null, title: '  PRZERWA   techniczna w IKP ' }), true],
    ['different link', item(), item({ link: 'https://pacjent.gov.pl/komunikat/2' }), false],
  ])('when two items differ only by %s, then their identity match is %s', (_n, a, b, same) => {
    expect(noticeKey(SRC, a) === noticeKey(SRC, b)).toBe(same);
  });

  describe('with a confidence threshold', () => {
    const THRESHOLD = 0.6;
    it.each([
      [0.59, 'pending'],
      [0.6, 'announced'],
      [0.95, 'announced'],
    ] as const)('when a notice parsed with confidence %s is first seen, then its window is %s', (confidence, state) => {
      const [w] = reconcileNotices(SRC, [], [parsed({ confidence })], T0, THRESHOLD);
      expect(w).toMatchObject({ state, confidence, evidence: ['bedzie niedostepne'] });
    });

    it('when an operator confirmed a suggestion and it is read again with the same times, then it stays announced', () => {
      const [first] = reconcileNotices(SRC, [], [parsed({ confidence: 0.3 })], T0, THRESHOLD);
      const confirmed: MaintenanceWindow = { ...first!, state: 'announced', review: { decision: 'confirmed', by: 'ops', at: T0 } };
      const [again] = reconcileNotices(SRC, [confirmed], [parsed({ confidence: 0.3 })], T0 + H, THRESHOLD);
      expect(again).toMatchObject({ state: 'announced', review: { decision: 'confirmed' } });
    });

    it('when a confirmed suggestion is edited to other times, then it is pending again', () => {
      const [first] = reconcileNotices(SRC, [], [parsed({ confidence: 0.3 })], T0, THRESHOLD);
      const confirmed: MaintenanceWindow = { ...first!, state: 'announced', review: { decision: 'confirmed', by: 'ops', at: T0 } };
      const [again] = reconcileNotices(SRC, [confirmed], [parsed({ confidence: 0.3, windows: [{ start: 5, end: 6 }] })], T0 + H, THRESHOLD);
      expect(again?.state).toBe('pending');
    });

    it('when a rejected suggestion is read again, then it stays cancelled', () => {
      const [first] = reconcileNotices(SRC, [], [parsed({ confidence: 0.3 })], T0, THRESHOLD);
      const rejected: MaintenanceWindow = { ...first!, state: 'cancelled', review: { decision: 'rejected', by: 'ops', at: T0 } };
      const [again] = reconcileNotices(SRC, [rejected], [parsed({ confidence: 0.3 })], T0 + H, THRESHOLD);
      expect(again?.state).toBe('cancelled');
    });

    it('when a pending suggestion disappears from its source, then it is withdrawn and remembered as never announced', () => {
      const [first] = reconcileNotices(SRC, [], [parsed({ confidence: 0.3 })], T0, THRESHOLD);
      const out = reconcileNotices(SRC, [first!], [], T0 + H, THRESHOLD);
      expect(out).toEqual([{ ...first!, state: 'withdrawn', withdrawnFrom: 'pending', updatedAt: T0 + H }]);
    });
  });
});
