import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { calledOff, wasAnnounced } from '../../src/maintenance/called-off.ts';
import { windowRevision } from '../../src/status/window-view.ts';

const H = 3_600_000;
const T0 = Date.parse('2026-03-28T12:00:00+01:00');

function window(extra: Partial<MaintenanceWindow>): MaintenanceWindow {
  return {
    id: 'pz#0', source: 'pz-notices', noticeKey: 'pz', kind: 'maintenance', components: ['profil-zaufany'], start: T0 + 10 * H, end: T0 + 12 * H,
    title: 'Komunikat', text: '', link: null, publishedAt: T0, firstSeenAt: T0, lastSeenAt: T0, updatedAt: T0, state: 'announced', ...extra,
  };
}

describe('calledOff', () => {
  it.each([
    ['an announced window', {}, null],
    ['a window an operator cancelled before it began', { state: 'cancelled', updatedAt: T0 + H }, { how: 'cancelled', at: T0 + H, beforeStart: true }],
    ['a window an operator cancelled while it ran', { state: 'cancelled', updatedAt: T0 + 11 * H }, { how: 'cancelled', at: T0 + 11 * H, beforeStart: false }],
    ['a window its source dropped before it began', { state: 'withdrawn', withdrawnFrom: 'announced', updatedAt: T0 + H }, { how: 'withdrawn', at: T0 + H, beforeStart: true }],
    ['a window withdrawn before withdrawnFrom was stored', { state: 'withdrawn', updatedAt: T0 + H }, { how: 'withdrawn', at: T0 + H, beforeStart: true }],
    ['a notice taken down after its window ended', { state: 'withdrawn', withdrawnFrom: 'announced', updatedAt: T0 + 13 * H }, null],
    ['a rejected suggestion', { state: 'cancelled', review: { decision: 'rejected', by: 'alice', at: T0 + H }, updatedAt: T0 + H }, null],
    ['a suggestion its source dropped while pending', { state: 'withdrawn', withdrawnFrom: 'pending', updatedAt: T0 + H }, null],
    ['a pending suggestion', { state: 'pending' }, null],
  ] as const)('when it is %s, then it reads %o', (_name, extra, expected) => {
    expect(calledOff(window(extra as Partial<MaintenanceWindow>))).toEqual(expected);
  });

  it.each([
    ['pending', {}, false],
    ['cancelled', { review: { decision: 'rejected', by: 'alice', at: T0 } }, false],
    ['withdrawn', { withdrawnFrom: 'pending' }, false],
    ['withdrawn', { withdrawnFrom: 'announced' }, true],
    ['cancelled', { review: { decision: 'confirmed', by: 'alice', at: T0 } }, true],
  ] as const)('when a %s window carries %o, then wasAnnounced is %s', (state, extra, expected) => {
    expect(wasAnnounced(window({ state, ...(extra as Partial<MaintenanceWindow>) }))).toBe(expected);
  });
});

describe('windowRevision', () => {
  it('when a window is cancelled within the second it was announced, then its revision still grows', () => {
    const announced = window({ updatedAt: T0 + 200 });
    expect(windowRevision(window({ state: 'cancelled', updatedAt: T0 + 700 }))).toBeGreaterThan(windowRevision(announced));
  });

  it('when a withdrawn window is announced again a second later, then its revision goes past the withdrawn one', () => {
    const withdrawn = windowRevision(window({ state: 'withdrawn', updatedAt: T0 + 60_400 }));
    expect(windowRevision(window({ state: 'announced', updatedAt: T0 + 61_400 }))).toBeGreaterThan(withdrawn);
  });

  it('when an announced window is edited later, then its revision never falls below the seconds-based one published before', () => {
    for (const ms of [0, 999, 1_000, 90_000, 86_400_000]) expect(windowRevision(window({ updatedAt: T0 + ms }))).toBeGreaterThanOrEqual(Math.floor(ms / 1000));
  });
});
