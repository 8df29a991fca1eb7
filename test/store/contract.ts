import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentState, ComponentStatus, ProbeResult, ProbeState } from '../../src/domain/types.ts';
import type { Store } from '../../src/store/store.ts';
import { byId, historyContract, maintenanceWindow, T0, transition } from './history-contract.ts';
import { operatorContract } from './operator-contract.ts';

/** What each store's test file hands the contract: a fresh store over empty, isolated data. */
export interface StoreFixture {
  store: Store;
  /** Drives stores that read an injected clock (leases); real-time stores ignore it. */
  clock: FakeClock;
  /** Another handle on the same backing data, like a second replica (may be `store` itself for in-process stores). */
  makePeer: () => Promise<Store>;
  /** Closes `store` and opens a new one over the same data, like a clean restart. */
  reopen: () => Promise<Store>;
  /** Closes everything the fixture opened and removes its data. */
  cleanup: () => Promise<void>;
}

/** Real UTC day `offset` days from today, so time-based expiry (Redis) and newest-day retention (memory) agree. */
function dayFromToday(offset: number): string {
  return DateTime.utc().startOf('day').plus({ days: offset }).toFormat('yyyy-MM-dd');
}

function result(probeId: string, at: number, extra: Partial<ProbeResult> = {}): ProbeResult {
  return { probeId, component: 'login-gov', at, ok: true, degraded: false, reason: 'ok', durationMs: 120, ...extra };
}

function probeState(probeId: string, extra: Partial<ProbeState> = {}): ProbeState {
  return {
    probeId,
    status: 'up',
    consecutiveFailures: 0,
    consecutiveSuccesses: 3,
    consecutiveSlow: 0,
    consecutiveFast: 3,
    lastOk: true,
    lastReason: 'ok',
    lastCheckedAt: 1_700_000_000_000,
    since: 1_690_000_000_000,
    ...extra,
  };
}

function componentState(id: string, status: ComponentStatus, extra: Partial<ComponentState> = {}): ComponentState {
  return { id, status, since: 1_700_000_000_000, lastCheckedAt: 1_700_000_060_000, reason: 'ok', rootCause: null, ...extra };
}

function seconds(partial: Partial<Record<ComponentStatus, number>>): Record<ComponentStatus, number> {
  return { operational: 0, degraded: 0, maintenance: 0, outage: 0, unknown: 0, ...partial };
}

/** The scenarios every Store implementation must pass (after Gatus's store_test.go). */
export function storeContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let f: StoreFixture;
    beforeEach(async () => {
      f = await make();
    });
    afterEach(async () => {
      await f.cleanup();
    });

    describe('results', () => {
      it('when more results than `keep` are appended, then only the newest are kept, newest first', async () => {
        for (let i = 1; i <= 5; i++) await f.store.appendResult(result('p1', i * 1000), 3);
        expect((await f.store.recentResults('p1', 10)).map((r) => r.at)).toEqual([5000, 4000, 3000]);
      });

      it('when fewer than available are asked for, then `limit` newest are returned', async () => {
        for (let i = 1; i <= 4; i++) await f.store.appendResult(result('p1', i), 10);
        expect((await f.store.recentResults('p1', 2)).map((r) => r.at)).toEqual([4, 3]);
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
        await f.store.appendResult(full, 10);
        await f.store.appendResult(result('p2', 7), 10);
        expect(await f.store.recentResults('p1', 10)).toEqual([full]);
        expect(await f.store.recentResults('nope', 10)).toEqual([]);
      });
    });

    describe('probe states', () => {
      it('when states are set and one is overwritten, then the latest per probe is returned', async () => {
        await f.store.setProbeState(probeState('a'));
        await f.store.setProbeState(probeState('b', { lastDetail: 'x', lastDurationMs: 5 }));
        await f.store.setProbeState(probeState('a', { status: 'down', consecutiveFailures: 4, lastOk: false, lastReason: 'timeout' }));
        const states = await f.store.getProbeStates();
        expect([...states.keys()].sort()).toEqual(['a', 'b']);
        expect(states.get('a')).toEqual(probeState('a', { status: 'down', consecutiveFailures: 4, lastOk: false, lastReason: 'timeout' }));
        expect(states.get('b')).toEqual(probeState('b', { lastDetail: 'x', lastDurationMs: 5 }));
      });

      it('when nothing was stored, then the map is empty', async () => {
        expect((await f.store.getProbeStates()).size).toBe(0);
      });
    });

    describe('component states', () => {
      it('when a subset is set, then only those components are replaced', async () => {
        await f.store.setComponentStates([componentState('ikp', 'operational'), componentState('bank:pko', 'outage', { reason: 'timeout' })]);
        await f.store.setComponentStates([componentState('bank:pko', 'degraded', { reason: 'slow', rootCause: 'login-gov' })]);
        await f.store.setComponentStates([]);
        const states = await f.store.getComponentStates();
        expect(states.size).toBe(2);
        expect(states.get('ikp')).toEqual(componentState('ikp', 'operational'));
        expect(states.get('bank:pko')).toEqual(componentState('bank:pko', 'degraded', { reason: 'slow', rootCause: 'login-gov' }));
      });
    });

    describe('uptime', () => {
      it('when seconds are added repeatedly to one day, then they accumulate per status', async () => {
        const day = dayFromToday(0);
        await f.store.addUptime('ikp', day, 'operational', 30, 90);
        await f.store.addUptime('ikp', day, 'operational', 30.5, 90);
        await f.store.addUptime('ikp', day, 'outage', 10, 90);
        expect(await f.store.getUptime('ikp', day, day)).toEqual([{ day, seconds: seconds({ operational: 60.5, outage: 10 }) }]);
      });

      it('when a range has gaps and other components have data, then only this component\'s days are returned, oldest first', async () => {
        const [d1, d2, d3, d4] = [dayFromToday(-4), dayFromToday(-3), dayFromToday(-2), dayFromToday(-1)];
        await f.store.addUptime('ikp', d3, 'degraded', 5, 90);
        await f.store.addUptime('ikp', d1, 'operational', 7, 90);
        await f.store.addUptime('ikp', d4, 'operational', 9, 90);
        await f.store.addUptime('mojeid', d2, 'outage', 11, 90);
        expect(await f.store.getUptime('ikp', d1!, d3!)).toEqual([
          { day: d1, seconds: seconds({ operational: 7 }) },
          { day: d3, seconds: seconds({ degraded: 5 }) },
        ]);
        expect(await f.store.getUptime('ikp', d4!, d1!)).toEqual([]);
        expect(await f.store.getUptime('nope', d1!, d4!)).toEqual([]);
      });

      it.each([
        { order: 'old day first', writes: [-20, 0, -2] },
        { order: 'old day last', writes: [0, -2, -20] },
      ])('when a day is older than retainDays ($order), then it is dropped and recent days stay', async ({ writes }) => {
        for (const offset of writes) await f.store.addUptime('ikp', dayFromToday(offset), 'operational', 1, 5);
        const days = (await f.store.getUptime('ikp', dayFromToday(-30), dayFromToday(0))).map((b) => b.day);
        expect(days).toEqual([dayFromToday(-2), dayFromToday(0)]);
      });

      it('when the day is not YYYY-MM-DD, then addUptime rejects with a RangeError', async () => {
        await expect(f.store.addUptime('ikp', '2025-13-45', 'operational', 1, 5)).rejects.toBeInstanceOf(RangeError);
      });
    });

    historyContract(() => f);
    operatorContract(() => f);

    describe('leases', () => {
      it('when a lease is held and its TTL has not passed, then nobody else gets it, while other keys stay free', async () => {
        const peer = await f.makePeer();
        expect(await f.store.acquireLease('probe:a', 60_000)).toBe(true);
        f.clock.advance(59_000);
        expect(await f.store.acquireLease('probe:a', 60_000)).toBe(false);
        expect(await peer.acquireLease('probe:a', 60_000)).toBe(false);
        expect(await peer.acquireLease('probe:b', 60_000)).toBe(true);
      });

      it('when the TTL passes, then the lease can be taken again', async () => {
        expect(await f.store.acquireLease('probe:a', 150)).toBe(true);
        await vi.waitFor(
          async () => {
            f.clock.advance(50);
            expect(await f.store.acquireLease('probe:a', 150)).toBe(true);
          },
          { timeout: 10_000, interval: 50 },
        );
      });
    });

    describe('changed pub/sub', () => {
      it('when one handle publishes, then subscribers on another handle are called, except unsubscribed ones', async () => {
        const peer = await f.makePeer();
        const calls = { kept: 0, dropped: 0 };
        await peer.subscribeChanged(() => void calls.kept++);
        const unsubscribe = await peer.subscribeChanged(() => void calls.dropped++);
        await peer.subscribeChanged(() => {
          throw new Error('a broken listener');
        });
        await f.store.publishChanged();
        await vi.waitFor(() => expect(calls).toEqual({ kept: 1, dropped: 1 }), { timeout: 10_000 });
        await unsubscribe();
        await f.store.publishChanged();
        await vi.waitFor(() => expect(calls.kept).toBe(2), { timeout: 10_000 });
        expect(calls.dropped).toBe(1);
      });
    });

    describe('lifecycle', () => {
      it('when pinged, then it resolves', async () => {
        await expect(f.store.ping()).resolves.toBeUndefined();
      });

      it('when closed and reopened, then results, states, uptime, transitions and windows survive', async () => {
        const day = dayFromToday(0);
        const transitions = [transition('ikp', T0, 'outage'), transition('ikp', T0 + 10, 'maintenance', { reason: 'maintenance' })];
        const windows = [maintenanceWindow('pz#0'), maintenanceWindow('manual-1', { source: 'manual', end: null, link: null, publishedAt: null })];
        await f.store.addTransitions(transitions, 90);
        await f.store.putWindows(windows);
        await f.store.appendResult(result('p1', 1), 10);
        await f.store.appendResult(result('p1', 2), 10);
        await f.store.setProbeState(probeState('p1', { status: 'degraded' }));
        await f.store.setComponentStates([componentState('ikp', 'maintenance', { reason: 'maintenance' })]);
        await f.store.addUptime('ikp', day, 'maintenance', 120, 90);
        const reopened = await f.reopen();
        expect((await reopened.recentResults('p1', 10)).map((r) => r.at)).toEqual([2, 1]);
        expect((await reopened.getProbeStates()).get('p1')).toEqual(probeState('p1', { status: 'degraded' }));
        expect((await reopened.getComponentStates()).get('ikp')).toEqual(componentState('ikp', 'maintenance', { reason: 'maintenance' }));
        expect(await reopened.getUptime('ikp', day, day)).toEqual([{ day, seconds: seconds({ maintenance: 120 }) }]);
        expect(await reopened.getTransitions('ikp', T0 + 5, T0 + 10)).toEqual(transitions);
        expect(byId(await reopened.getWindows())).toEqual(byId(windows));
      });

      it('when flushed, then it resolves and the store keeps serving reads', async () => {
        await f.store.putWindows([maintenanceWindow('pz#0')]);
        await expect(f.store.flush()).resolves.toBeUndefined();
        expect((await f.store.getWindows()).map((w) => w.id)).toEqual(['pz#0']);
      });

      it('when closed twice, then the second close resolves', async () => {
        await f.store.close();
        await expect(f.store.close()).resolves.toBeUndefined();
      });
    });
  });
}
