import { beforeEach, describe, expect, it } from 'vitest';
import { componentState, probeState, result, type StoreFixture } from './fixture.ts';

/** ResultsPort scenarios: results, probe and component states, partial reads and one-trip runs. */
export function resultsContract(fixture: () => StoreFixture): void {
  let f: StoreFixture;
  beforeEach(() => {
    f = fixture();
  });

  describe('results', () => {
    it('when more results than `keep` are appended, then only the newest are kept, newest first', async () => {
      for (let i = 1; i <= 5; i++) await f.stores.results.appendResult(result('p1', i * 1000), 3);
      expect((await f.stores.results.recentResults('p1', 10)).map((r) => r.at)).toEqual([5000, 4000, 3000]);
    });

    it('when fewer than available are asked for, then `limit` newest are returned', async () => {
      for (let i = 1; i <= 4; i++) await f.stores.results.appendResult(result('p1', i), 10);
      expect((await f.stores.results.recentResults('p1', 2)).map((r) => r.at)).toEqual([4, 3]);
    });

    it('when a result is read back, then every field survives and other probes are untouched', async () => {
      const full = result('p1', 42, {
        ok: false,
        reason: 'http_status',
        httpStatus: 503,
        detail: 'upstream said no',
        tlsDaysLeft: 12,
        notices: [{ title: 'Przerwa', text: 'Prace serwisowe', link: null, publishedAt: '2025-01-01T10:00:00Z' }],
      });
      await f.stores.results.appendResult(full, 10);
      await f.stores.results.appendResult(result('p2', 7), 10);
      expect(await f.stores.results.recentResults('p1', 10)).toEqual([full]);
      expect(await f.stores.results.recentResults('nope', 10)).toEqual([]);
    });
  });

  describe('probe states', () => {
    it('when states are set and one is overwritten, then the latest per probe is returned', async () => {
      await f.stores.results.setProbeState(probeState('a'));
      await f.stores.results.setProbeState(probeState('b', { lastDetail: 'x', lastDurationMs: 5 }));
      await f.stores.results.setProbeState(probeState('a', { status: 'down', consecutiveFailures: 4, lastOk: false, lastReason: 'timeout' }));
      const states = await f.stores.results.getProbeStates();
      expect([...states.keys()].sort()).toEqual(['a', 'b']);
      expect(states.get('a')).toEqual(probeState('a', { status: 'down', consecutiveFailures: 4, lastOk: false, lastReason: 'timeout' }));
      expect(states.get('b')).toEqual(probeState('b', { lastDetail: 'x', lastDurationMs: 5 }));
    });

    it('when nothing was stored, then the map is empty', async () => {
      expect((await f.stores.results.getProbeStates()).size).toBe(0);
    });
  });

  describe('component states', () => {
    it('when a subset is set, then only those components are replaced', async () => {
      await f.stores.results.setComponentStates([componentState('ikp', 'operational'), componentState('bank:pko', 'outage', { reason: 'timeout' })]);
      await f.stores.results.setComponentStates([componentState('bank:pko', 'degraded', { reason: 'slow', rootCause: 'login-gov' })]);
      await f.stores.results.setComponentStates([]);
      const states = await f.stores.results.getComponentStates();
      expect(states.size).toBe(2);
      expect(states.get('ikp')).toEqual(componentState('ikp', 'operational'));
      expect(states.get('bank:pko')).toEqual(componentState('bank:pko', 'degraded', { reason: 'slow', rootCause: 'login-gov' }));
    });
  });

  describe('states of chosen ids', () => {
    it('when some ids were stored and others never, then only the stored ones come back, with every field', async () => {
      await f.stores.results.setProbeState(probeState('a'));
      await f.stores.results.setProbeState(probeState('b', { status: 'down', lastOk: false }));
      await f.stores.results.setComponentStates([componentState('ikp', 'outage'), componentState('bank:pko', 'operational')]);
      const probes = await f.stores.results.getProbeStatesOf(['b', 'missing', 'a']);
      expect([...probes.keys()].sort()).toEqual(['a', 'b']);
      expect(probes.get('b')).toEqual(probeState('b', { status: 'down', lastOk: false }));
      const components = await f.stores.results.getComponentStatesOf(['bank:pko', 'nope']);
      expect([...components]).toEqual([['bank:pko', componentState('bank:pko', 'operational')]]);
      expect(await f.stores.results.getProbeState('a')).toEqual(probeState('a'));
      expect(await f.stores.results.getProbeState('missing')).toBeNull();
    });

    it('when the list of ids is empty, then both reads answer an empty map', async () => {
      await f.stores.results.setProbeState(probeState('a'));
      await f.stores.results.setComponentStates([componentState('ikp', 'outage')]);
      expect((await f.stores.results.getProbeStatesOf([])).size).toBe(0);
      expect((await f.stores.results.getComponentStatesOf([])).size).toBe(0);
    });

    it('when a caller changes a returned state, then the stored one is not changed', async () => {
      await f.stores.results.setProbeState(probeState('a'));
      await f.stores.results.setComponentStates([componentState('ikp', 'operational')]);
      const probe = (await f.stores.results.getProbeStatesOf(['a'])).get('a')!;
      const component = (await f.stores.results.getComponentStates()).get('ikp')!;
      // Redis hands out fresh copies; the memory store hands out frozen ones (a change throws).
      try {
        probe.status = 'down';
        component.status = 'outage';
      } catch (err) {
        expect(err).toBeInstanceOf(TypeError);
      }
      expect((await f.stores.results.getProbeStatesOf(['a'])).get('a')?.status).toBe('up');
      expect((await f.stores.results.getComponentStatesOf(['ikp'])).get('ikp')?.status).toBe('operational');
    });
  });

  describe('recording a run', () => {
    it('when runs are recorded past `keep`, then the newest results are kept and the state is the last one written', async () => {
      for (let i = 1; i <= 4; i++) await f.stores.results.recordRun(result('p1', i * 1000), probeState('p1', { lastCheckedAt: i * 1000, consecutiveSuccesses: i }), 3);
      expect((await f.stores.results.recentResults('p1', 10)).map((r) => r.at)).toEqual([4000, 3000, 2000]);
      expect((await f.stores.results.getProbeStatesOf(['p1'])).get('p1')).toEqual(probeState('p1', { lastCheckedAt: 4000, consecutiveSuccesses: 4 }));
    });

    it('when `keep` is zero, then no result is kept but the state is still written', async () => {
      await f.stores.results.appendResult(result('p1', 1), 10);
      await f.stores.results.recordRun(result('p1', 2), probeState('p1', { status: 'down' }), 0);
      expect(await f.stores.results.recentResults('p1', 10)).toEqual([]);
      expect((await f.stores.results.getProbeStates()).get('p1')?.status).toBe('down');
    });
  });

}
