import { beforeEach, describe, expect, it } from 'vitest';
import { byId, componentState, dayFromToday, maintenanceWindow, probeState, result, seconds, T0, transition, type StoreFixture } from './fixture.ts';

/** LifecyclePort scenarios: ping, restart, flush, close. */
export function lifecycleContract(fixture: () => StoreFixture): void {
  let f: StoreFixture;
  beforeEach(() => {
    f = fixture();
  });

  describe('lifecycle', () => {
    it('when pinged, then it resolves', async () => {
      await expect(f.stores.lifecycle.ping()).resolves.toBeUndefined();
    });

    it('when closed and reopened, then results, states, uptime, transitions and windows survive', async () => {
      const day = dayFromToday(0);
      const transitions = [transition('ikp', T0, 'outage'), transition('ikp', T0 + 10, 'maintenance', { reason: 'maintenance' })];
      const windows = [maintenanceWindow('pz#0'), maintenanceWindow('manual-1', { source: 'manual', end: null, link: null, publishedAt: null })];
      await f.stores.history.addTransitions(transitions, 90);
      await f.stores.windows.putWindows(windows);
      await f.stores.results.appendResult(result('p1', 1), 10);
      await f.stores.results.appendResult(result('p1', 2), 10);
      await f.stores.results.setProbeState(probeState('p1', { status: 'degraded' }));
      await f.stores.results.setComponentStates([componentState('ikp', 'maintenance', { reason: 'maintenance' })]);
      await f.stores.history.addUptime('ikp', day, 'maintenance', 120, 90);
      const reopened = await f.reopen();
      expect((await reopened.results.recentResults('p1', 10)).map((r) => r.at)).toEqual([2, 1]);
      expect((await reopened.results.getProbeStates()).get('p1')).toEqual(probeState('p1', { status: 'degraded' }));
      expect((await reopened.results.getComponentStates()).get('ikp')).toEqual(componentState('ikp', 'maintenance', { reason: 'maintenance' }));
      expect(await reopened.history.getUptime('ikp', day, day)).toEqual([{ day, seconds: seconds({ maintenance: 120 }) }]);
      expect(await reopened.history.getTransitions('ikp', T0 + 5, T0 + 10)).toEqual(transitions);
      expect(byId(await reopened.windows.getWindows())).toEqual(byId(windows));
    });

    it('when flushed, then it resolves and the store keeps serving reads', async () => {
      await f.stores.windows.putWindows([maintenanceWindow('pz#0')]);
      await expect(f.stores.lifecycle.flush()).resolves.toBeUndefined();
      expect((await f.stores.windows.getWindows()).map((w) => w.id)).toEqual(['pz#0']);
    });

    it('when closed twice, then the second close resolves', async () => {
      await f.stores.lifecycle.close();
      await expect(f.stores.lifecycle.close()).resolves.toBeUndefined();
    });
  });

}
