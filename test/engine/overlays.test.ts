import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { overlaysAt } from '../../src/engine/overlays.ts';
import { OPEN_ENDED_MAX_MS, isActive, isUpcoming } from '../../src/domain/windows.ts';

const H = 3_600_000;
const T = Date.parse('2026-03-28T22:00:00+01:00');
const win = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  id: 'w',
  source: 's',
  noticeKey: 'k',
  kind: 'maintenance',
  components: ['ikp'],
  start: T,
  end: T + 8 * H,
  title: '',
  text: '',
  link: null,
  publishedAt: null,
  firstSeenAt: T - H,
  lastSeenAt: T - H,
  updatedAt: T - H,
  state: 'announced',
  ...over,
});

describe('window overlays', () => {
  it.each([
    ['before start', win({}), T - 1, false, true],
    ['at start', win({}), T, true, false],
    ['just before end', win({}), T + 8 * H - 1, true, false],
    ['at end', win({}), T + 8 * H, false, false],
    ['withdrawn during', win({ state: 'withdrawn' }), T + H, false, false],
    ['cancelled before', win({ state: 'cancelled' }), T - H, false, false],
    ['open-ended within the cap', win({ end: null }), T + OPEN_ENDED_MAX_MS - 1, true, false],
    ['open-ended past the cap', win({ end: null }), T + OPEN_ENDED_MAX_MS, false, false],
  ])('when a window is checked %s, then active=%s and upcoming=%s', (_n, w, now, active, upcoming) => {
    expect(isActive(w, now)).toBe(active);
    expect(isUpcoming(w, now)).toBe(upcoming);
  });

  it('when maintenance and outage windows are active, then maintenance and outage-notice overlays name their components', () => {
    const o = overlaysAt(
      [win({ id: 'm', components: ['ikp', 'login-gov'] }), win({ id: 'o', kind: 'outage', components: ['bank:mbank'] }), win({ id: 'later', start: T + 24 * H, end: null, components: ['mojeid'] })],
      T + H,
    );
    expect([...o.maintenance.keys()].sort()).toEqual(['ikp', 'login-gov']);
    expect(o.maintenance.get('ikp')).toEqual({ windowId: 'm' });
    expect([...o.outageNotices]).toEqual(['bank:mbank']);
  });
});
