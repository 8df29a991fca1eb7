import { describe, expect, it } from 'vitest';
import type { ComponentStatus, MaintenanceWindow, StatusTransition } from '../../src/domain/types.ts';
import type { StoreFixture } from './contract.ts';

const DAY_MS = 86_400_000;
/** A fixed instant for history tests: stores must not compare history with the wall clock. */
export const T0 = 1_700_000_000_000;

/** A status transition with sensible defaults. */
export function transition(component: string, at: number, status: ComponentStatus, extra: Partial<StatusTransition> = {}): StatusTransition {
  return { component, at, status, reason: status === 'operational' ? 'ok' : 'timeout', rootCause: null, ...extra };
}

/** A fully populated maintenance window. */
export function maintenanceWindow(id: string, extra: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return {
    id,
    source: 'notices-pz',
    noticeKey: 'https://pz.gov.pl/komunikat/1',
    kind: 'maintenance',
    components: ['profil-zaufany', 'login-gov'],
    start: T0,
    end: T0 + 3_600_000,
    title: 'Prace serwisowe <b>',
    text: 'W nocy z 27 na 28 & dalej',
    link: 'https://pz.gov.pl/komunikat/1',
    publishedAt: T0 - DAY_MS,
    firstSeenAt: T0 - DAY_MS,
    lastSeenAt: T0 - 60_000,
    updatedAt: T0 - 120_000,
    state: 'announced',
    ...extra,
  };
}

/** Windows sorted by id, since getWindows promises no order. */
export function byId(windows: MaintenanceWindow[]): MaintenanceWindow[] {
  return [...windows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Transition-history and maintenance-window scenarios of the store contract; `fixture` yields the current test's fixture. */
export function historyContract(fixture: () => StoreFixture): void {
  describe('transitions', () => {
    it('when transitions are added out of order over several batches, then they come back oldest first with every field', async () => {
      const { store } = fixture();
      const outage = transition('login-gov', T0 + 300, 'outage', { reason: 'dependency', rootCause: 'profil-zaufany' });
      const operational = transition('login-gov', T0 + 100, 'operational');
      const degraded = transition('login-gov', T0 + 200, 'degraded', { reason: 'slow' });
      await store.addTransitions([outage, operational], 90);
      await store.addTransitions([degraded], 90);
      await store.addTransitions([], 90);
      expect(await store.getTransitions('login-gov', T0, T0 + 1000)).toEqual([operational, degraded, outage]);
    });

    it.each([
      { name: 'from falls between entries', from: 250, to: 400, ats: [200, 300, 400] },
      { name: 'entries sit exactly on from and to', from: 200, to: 300, ats: [100, 200, 300] },
      { name: 'to falls between entries', from: 150, to: 250, ats: [100, 200] },
      { name: 'from is after every entry', from: 500, to: 600, ats: [400] },
      { name: 'nothing precedes from', from: 0, to: 150, ats: [100] },
      { name: 'the range precedes every entry', from: 10, to: 90, ats: [] },
    ])('when $name, then the range plus the state in force at from is returned', async ({ from, to, ats }) => {
      const { store } = fixture();
      const statuses: ComponentStatus[] = ['operational', 'outage', 'degraded', 'operational'];
      await store.addTransitions(statuses.map((status, i) => transition('ikp', T0 + (i + 1) * 100, status)), 90);
      expect((await store.getTransitions('ikp', T0 + from, T0 + to)).map((t) => t.at - T0)).toEqual(ats);
    });

    it('when several components have history, then each component only sees its own', async () => {
      const { store } = fixture();
      await store.addTransitions([transition('ikp', T0, 'operational'), transition('bank:pko', T0 + 10, 'outage'), transition('ikp', T0 + 20, 'degraded')], 90);
      expect((await store.getTransitions('ikp', T0, T0 + 100)).map((t) => [t.component, t.status])).toEqual([
        ['ikp', 'operational'],
        ['ikp', 'degraded'],
      ]);
      expect(await store.getTransitions('bank:pko', T0, T0 + 100)).toEqual([transition('bank:pko', T0 + 10, 'outage')]);
      expect(await store.getTransitions('bank', T0, T0 + 100)).toEqual([]);
    });

    it('when two transitions share a component and instant, then the later write replaces the earlier', async () => {
      const { store } = fixture();
      await store.addTransitions([transition('ikp', T0, 'outage'), transition('ikp', T0, 'operational')], 90);
      await store.addTransitions([transition('ikp', T0 + 10, 'degraded')], 90);
      await store.addTransitions([transition('ikp', T0 + 10, 'maintenance', { reason: 'maintenance' })], 90);
      expect(await store.getTransitions('ikp', T0, T0 + 100)).toEqual([
        transition('ikp', T0, 'operational'),
        transition('ikp', T0 + 10, 'maintenance', { reason: 'maintenance' }),
      ]);
    });

    it.each([
      { name: 'an earlier batch', batches: [[-10, -5], [-2, 0]] },
      { name: 'the same batch', batches: [[-2, -10, 0, -5]] },
    ])('when entries are older than retainDays counted from the newest written ($name), then they are dropped', async ({ batches }) => {
      const { store } = fixture();
      for (const days of batches) await store.addTransitions(days.map((d) => transition('ikp', T0 + d * DAY_MS, 'operational')), 5);
      const kept = await store.getTransitions('ikp', T0 - 30 * DAY_MS, T0);
      expect(kept.map((t) => (t.at - T0) / DAY_MS)).toEqual([-5, -2, 0]);
    });
  });

  describe('maintenance windows', () => {
    it('when a window is put again with the same id, then the edit replaces it and one copy is kept', async () => {
      const { store } = fixture();
      await store.putWindows([maintenanceWindow('pz#0'), maintenanceWindow('pz#1', { start: T0 + DAY_MS, end: null })]);
      const edited = maintenanceWindow('pz#0', { end: T0 + 7_200_000, title: 'Prace serwisowe (przedłużone)', updatedAt: T0 });
      await store.putWindows([edited]);
      await store.putWindows([]);
      expect(byId(await store.getWindows())).toEqual([edited, maintenanceWindow('pz#1', { start: T0 + DAY_MS, end: null })]);
    });

    it('when windows are announced, withdrawn and cancelled, then getWindows returns all of them', async () => {
      const { store } = fixture();
      const windows = [
        maintenanceWindow('a', { state: 'announced' }),
        maintenanceWindow('b', { state: 'withdrawn', kind: 'outage' }),
        maintenanceWindow('c', { state: 'cancelled', source: 'manual' }),
      ];
      await store.putWindows(windows);
      expect(byId(await store.getWindows())).toEqual(windows);
    });

    it.each([
      { name: 'with every field set', window: maintenanceWindow('full') },
      { name: 'open-ended without link or publication time', window: maintenanceWindow('open', { end: null, link: null, publishedAt: null, components: [] }) },
    ])('when a window $name is read back, then every field survives', async ({ window }) => {
      const { store } = fixture();
      await store.putWindows([window]);
      expect(await store.getWindows()).toStrictEqual([window]);
    });

    it.each([
      { name: 'ended before the cutoff', end: -1, updatedAt: 10, pruned: true },
      { name: 'ends exactly at the cutoff', end: 0, updatedAt: -10, pruned: false },
      { name: 'ends after the cutoff though updated long before', end: 1, updatedAt: -DAY_MS, pruned: false },
      { name: 'is open-ended and was last updated before the cutoff', end: null, updatedAt: -1, pruned: true },
      { name: 'is open-ended and was updated since the cutoff', end: null, updatedAt: 1, pruned: false },
    ])('when a window $name, then pruneWindows removes it: $pruned', async ({ end, updatedAt, pruned }) => {
      const { store } = fixture();
      const cutoff = T0 + DAY_MS;
      const subject = maintenanceWindow('subject', { end: end === null ? null : cutoff + end, updatedAt: cutoff + updatedAt });
      await store.putWindows([subject, maintenanceWindow('future', { start: cutoff, end: cutoff + DAY_MS })]);
      await store.pruneWindows(cutoff);
      expect(byId(await store.getWindows()).map((w) => w.id)).toEqual(pruned ? ['future'] : ['future', 'subject']);
    });
  });
}
