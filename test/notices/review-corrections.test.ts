import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow, NoticeCorrection, NoticeItem } from '../../src/domain/types.ts';
import { reconcileNotices, type ParsedItem } from '../../src/notices/reconcile.ts';

const T0 = Date.parse('2026-01-20T12:00:00+01:00');
const H = 3_600_000;
const SRC = 'pz-notices';
const THRESHOLD = 0.6;

const item: NoticeItem = {
  title: 'Komunikat w sprawie Profilu Zaufanego',
  text: 'Nie wykluczamy utrudnień w logowaniu Profilem Zaufanym 26 stycznia w godz. 22:00-23:00.',
  link: 'https://www.gov.pl/web/cyfryzacja/komunikat',
  publishedAt: '2026-01-20T09:00:00+01:00',
};
// The parser's doubtful reading: an outage, under the threshold.
const doubtful = (over: Partial<NoticeItem> = {}): ParsedItem => ({
  item: { ...item, ...over },
  kind: 'outage',
  windows: [{ start: T0 + 6 * 24 * H + 10 * H, end: T0 + 6 * 24 * H + 11 * H }],
  components: ['profil-zaufany'],
  confidence: 0.5,
  evidence: ['utrudnie'],
});
const fix: NoticeCorrection = { kind: 'maintenance', components: ['profil-zaufany', 'login-gov'], start: T0 + 6 * 24 * H + 9 * H, end: T0 + 6 * 24 * H + 13 * H };

/** The stored window after an operator's review (as notices/review.ts leaves it). */
function reviewed(state: MaintenanceWindow['state'], decision: 'confirmed' | 'rejected', corrected: NoticeCorrection): MaintenanceWindow {
  const [pending] = reconcileNotices(SRC, [], [doubtful()], T0, THRESHOLD);
  const announced = corrected.kind === 'maintenance' || corrected.kind === 'outage';
  return { ...pending!, ...(announced ? { kind: corrected.kind as 'maintenance', components: corrected.components, start: corrected.start, end: corrected.end } : {}), state, review: { decision, by: 'alice', at: T0, corrected } };
}

describe('reconcileNotices keeps an operator\'s correction of a doubtful notice', () => {
  it.each([
    { name: 'a confirmed correction', before: reviewed('announced', 'confirmed', fix), state: 'announced', kind: 'maintenance', start: fix.start, components: fix.components },
    { name: 'a corrected window an operator later cancelled', before: { ...reviewed('announced', 'confirmed', fix), state: 'cancelled' as const }, state: 'cancelled', kind: 'maintenance', start: fix.start, components: fix.components },
    { name: 'a corrected window its source dropped and published again', before: { ...reviewed('announced', 'confirmed', fix), state: 'withdrawn' as const }, state: 'announced', kind: 'maintenance', start: fix.start, components: fix.components },
  ])('when the unchanged notice is read again after $name, then it stays $state with the operator\'s reading', ({ before, state, kind, start, components }) => {
    const [again] = reconcileNotices(SRC, [before], [doubtful()], T0 + H, THRESHOLD);
    expect(again).toMatchObject({ id: before.id, state, kind, start, components, review: before.review });
  });

  it('when the source rewords a notice whose correction was confirmed, then the correction is dropped and the notice waits for review again', () => {
    const before = reviewed('announced', 'confirmed', fix);
    const [again] = reconcileNotices(SRC, [before], [doubtful({ text: `${item.text} Przepraszamy.` })], T0 + H, THRESHOLD);
    expect(again).toMatchObject({ state: 'pending', kind: 'outage', start: doubtful().windows[0]!.start, components: ['profil-zaufany'] });
    expect(again!.review).toBeUndefined();
  });
});
