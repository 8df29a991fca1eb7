import { describe, expect, it } from 'vitest';
import { byId, DAY_MS, maintenanceWindow, T0, type StoreFixture } from './fixture.ts';

/** WindowsPort scenarios: put, read back, prune. */
export function windowsContract(fixture: () => StoreFixture): void {
  describe('maintenance windows', () => {
    it('when a window is put again with the same id, then the edit replaces it and one copy is kept', async () => {
      const { stores } = fixture();
      await stores.windows.putWindows([maintenanceWindow('pz#0'), maintenanceWindow('pz#1', { start: T0 + DAY_MS, end: null })]);
      const edited = maintenanceWindow('pz#0', { end: T0 + 7_200_000, title: 'Prace serwisowe (przedłużone)', updatedAt: T0 });
      await stores.windows.putWindows([edited]);
      await stores.windows.putWindows([]);
      expect(byId(await stores.windows.getWindows())).toEqual([edited, maintenanceWindow('pz#1', { start: T0 + DAY_MS, end: null })]);
    });

    it('when windows are announced, withdrawn and cancelled, then getWindows returns all of them', async () => {
      const { stores } = fixture();
      const windows = [
        maintenanceWindow('a', { state: 'announced' }),
        maintenanceWindow('b', { state: 'withdrawn', kind: 'outage' }),
        maintenanceWindow('c', { state: 'cancelled', source: 'manual' }),
      ];
      await stores.windows.putWindows(windows);
      expect(byId(await stores.windows.getWindows())).toEqual(windows);
    });

    it.each([
      { name: 'with every field set', window: maintenanceWindow('full') },
      { name: 'open-ended without link or publication time', window: maintenanceWindow('open', { end: null, link: null, publishedAt: null, components: [] }) },
    ])('when a window $name is read back, then every field survives', async ({ window }) => {
      const { stores } = fixture();
      await stores.windows.putWindows([window]);
      expect(await stores.windows.getWindows()).toStrictEqual([window]);
    });

    it.each([
      { name: 'ended before the cutoff', end: -1, updatedAt: 10, pruned: true },
      { name: 'ends exactly at the cutoff', end: 0, updatedAt: -10, pruned: false },
      { name: 'ends after the cutoff though updated long before', end: 1, updatedAt: -DAY_MS, pruned: false },
      { name: 'is open-ended and was last updated before the cutoff', end: null, updatedAt: -1, pruned: true },
      { name: 'is open-ended and was updated since the cutoff', end: null, updatedAt: 1, pruned: false },
    ])('when a window $name, then pruneWindows removes it: $pruned', async ({ end, updatedAt, pruned }) => {
      const { stores } = fixture();
      const cutoff = T0 + DAY_MS;
      const subject = maintenanceWindow('subject', { end: end === null ? null : cutoff + end, updatedAt: cutoff + updatedAt });
      await stores.windows.putWindows([subject, maintenanceWindow('future', { start: cutoff, end: cutoff + DAY_MS })]);
      await stores.windows.pruneWindows(cutoff);
      expect(byId(await stores.windows.getWindows()).map((w) => w.id)).toEqual(pruned ? ['future'] : ['future', 'subject']);
    });
  });

}
