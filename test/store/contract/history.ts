import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, dayFromToday, seconds, T0, today, transition, type StoreFixture } from './fixture.ts';

import type { ComponentStatus } from '../../../src/domain/types.ts';

/** HistoryPort scenarios: uptime buckets (add, read, retain, move) and transition history. */
export function historyContract(fixture: () => StoreFixture): void {
  let f: StoreFixture;
  beforeEach(() => {
    f = fixture();
  });

  describe('uptime', () => {
    it('when seconds are added repeatedly to one day, then they accumulate per status', async () => {
      const day = dayFromToday(0);
      await f.stores.history.addUptime('ikp', day, 'operational', 30, 90);
      await f.stores.history.addUptime('ikp', day, 'operational', 30.5, 90);
      await f.stores.history.addUptime('ikp', day, 'outage', 10, 90);
      expect(await f.stores.history.getUptime('ikp', day, day)).toEqual([{ day, seconds: seconds({ operational: 60.5, outage: 10 }) }]);
    });

    it('when a range has gaps and other components have data, then only this component\'s days are returned, oldest first', async () => {
      const [d1, d2, d3, d4] = [dayFromToday(-4), dayFromToday(-3), dayFromToday(-2), dayFromToday(-1)];
      await f.stores.history.addUptime('ikp', d3, 'degraded', 5, 90);
      await f.stores.history.addUptime('ikp', d1, 'operational', 7, 90);
      await f.stores.history.addUptime('ikp', d4, 'operational', 9, 90);
      await f.stores.history.addUptime('mojeid', d2, 'outage', 11, 90);
      expect(await f.stores.history.getUptime('ikp', d1!, d3!)).toEqual([
        { day: d1, seconds: seconds({ operational: 7 }) },
        { day: d3, seconds: seconds({ degraded: 5 }) },
      ]);
      expect(await f.stores.history.getUptime('ikp', d4!, d1!)).toEqual([]);
      expect(await f.stores.history.getUptime('nope', d1!, d4!)).toEqual([]);
    });

    it.each([
      { order: 'old day first', writes: [-20, 0, -2] },
      { order: 'old day last', writes: [0, -2, -20] },
    ])('when a day is older than retainDays ($order), then it is dropped and recent days stay', async ({ writes }) => {
      for (const offset of writes) await f.stores.history.addUptime('ikp', dayFromToday(offset), 'operational', 1, 5);
      const days = (await f.stores.history.getUptime('ikp', dayFromToday(-30), dayFromToday(0))).map((b) => b.day);
      expect(days).toEqual([dayFromToday(-2), dayFromToday(0)]);
    });

    it('when two replicas book overlapping slots of one day, then each slot counts once and its first booking decides the status', async () => {
      const day = dayFromToday(0);
      const peer = await f.makePeer();
      await f.stores.history.bookUptime('ikp', day, 'operational', { seconds: 10, from: 10, to: 12 }, 90);
      await peer.history.bookUptime('ikp', day, 'outage', { seconds: 10, from: 11, to: 14 }, 90);
      // A write-back retried after a lost reply books nothing again.
      await f.stores.history.bookUptime('ikp', day, 'operational', { seconds: 10, from: 10, to: 10 }, 90);
      await peer.history.bookUptime('ikp', day, 'outage', { seconds: 10, from: 13, to: 14 }, 90);
      expect(await f.stores.history.getUptime('ikp', day, day)).toEqual([{ day, seconds: seconds({ operational: 30, outage: 20 }) }]);
    });

    it('when the same slot is booked for two components or two days, then each keeps its own booking', async () => {
      const [d1, d2] = [dayFromToday(-1), dayFromToday(0)];
      for (const [component, day] of [['ikp', d1], ['ikp', d2], ['mojeid', d2]] as const) {
        await f.stores.history.bookUptime(component, day, 'operational', { seconds: 15, from: 7, to: 7 }, 90);
      }
      expect(await f.stores.history.getUptime('ikp', d1!, d2!)).toEqual([
        { day: d1, seconds: seconds({ operational: 15 }) },
        { day: d2, seconds: seconds({ operational: 15 }) },
      ]);
      expect(await f.stores.history.getUptime('mojeid', d2!, d2!)).toEqual([{ day: d2, seconds: seconds({ operational: 15 }) }]);
    });

    it.each([
      { name: 'from after to', slots: { seconds: 10, from: 5, to: 4 } },
      { name: 'a negative slot', slots: { seconds: 10, from: -1, to: 0 } },
      { name: 'a slot past the longest day', slots: { seconds: 10, from: 0, to: 9_000 } },
      { name: 'a fractional slot', slots: { seconds: 10, from: 0.5, to: 1 } },
      { name: 'zero-second slots', slots: { seconds: 0, from: 0, to: 1 } },
    ])('when slots have $name, then bookUptime rejects with a RangeError and books nothing', async ({ slots }) => {
      const day = dayFromToday(0);
      await expect(f.stores.history.bookUptime('ikp', day, 'operational', slots, 90)).rejects.toBeInstanceOf(RangeError);
      expect(await f.stores.history.getUptime('ikp', day, day)).toEqual([]);
    });

    it('when the day is not YYYY-MM-DD, then addUptime rejects with a RangeError', async () => {
      await expect(f.stores.history.addUptime('ikp', '2025-13-45', 'operational', 1, 5)).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('uptime moves', () => {
    it.each([
      { name: 'less than the bucket holds', move: 20, moved: 20, outage: 30, maintenance: 25 },
      { name: 'more than the bucket holds', move: 80, moved: 50, outage: 0, maintenance: 55 },
      { name: 'nothing', move: 0, moved: 0, outage: 50, maintenance: 5 },
    ])('when moving $name from outage to maintenance, then the bucket never goes below zero', async ({ move, moved, outage, maintenance }) => {
      const { stores } = fixture();
      const day = today();
      await stores.history.addUptime('ikp', day, 'outage', 50, 90);
      await stores.history.addUptime('ikp', day, 'maintenance', 5, 90);
      expect(await stores.history.moveUptime('ikp', day, 'outage', 'maintenance', move)).toBeCloseTo(moved, 6);
      const [bucket] = await stores.history.getUptime('ikp', day, day);
      expect(bucket?.seconds.outage).toBeCloseTo(outage, 6);
      expect(bucket?.seconds.maintenance).toBeCloseTo(maintenance, 6);
    });

    it('when the bucket does not exist, then nothing is moved or created', async () => {
      const { stores } = fixture();
      expect(await stores.history.moveUptime('ikp', today(), 'outage', 'maintenance', 10)).toBe(0);
      expect(await stores.history.getUptime('ikp', today(), today())).toEqual([]);
    });
  });

  describe('transitions', () => {
    it('when transitions are added out of order over several batches, then they come back oldest first with every field', async () => {
      const { stores } = fixture();
      const outage = transition('login-gov', T0 + 300, 'outage', { reason: 'dependency', rootCause: 'profil-zaufany' });
      const operational = transition('login-gov', T0 + 100, 'operational');
      const degraded = transition('login-gov', T0 + 200, 'degraded', { reason: 'slow' });
      await stores.history.addTransitions([outage, operational], 90);
      await stores.history.addTransitions([degraded], 90);
      await stores.history.addTransitions([], 90);
      expect(await stores.history.getTransitions('login-gov', T0, T0 + 1000)).toEqual([operational, degraded, outage]);
    });

    it.each([
      { name: 'from falls between entries', from: 250, to: 400, ats: [200, 300, 400] },
      { name: 'entries sit exactly on from and to', from: 200, to: 300, ats: [100, 200, 300] },
      { name: 'to falls between entries', from: 150, to: 250, ats: [100, 200] },
      { name: 'from is after every entry', from: 500, to: 600, ats: [400] },
      { name: 'nothing precedes from', from: 0, to: 150, ats: [100] },
      { name: 'the range precedes every entry', from: 10, to: 90, ats: [] },
    ])('when $name, then the range plus the state in force at from is returned', async ({ from, to, ats }) => {
      const { stores } = fixture();
      const statuses: ComponentStatus[] = ['operational', 'outage', 'degraded', 'operational'];
      await stores.history.addTransitions(statuses.map((status, i) => transition('ikp', T0 + (i + 1) * 100, status)), 90);
      expect((await stores.history.getTransitions('ikp', T0 + from, T0 + to)).map((t) => t.at - T0)).toEqual(ats);
    });

    it('when several components have history, then each component only sees its own', async () => {
      const { stores } = fixture();
      await stores.history.addTransitions([transition('ikp', T0, 'operational'), transition('bank:pko', T0 + 10, 'outage'), transition('ikp', T0 + 20, 'degraded')], 90);
      expect((await stores.history.getTransitions('ikp', T0, T0 + 100)).map((t) => [t.component, t.status])).toEqual([
        ['ikp', 'operational'],
        ['ikp', 'degraded'],
      ]);
      expect(await stores.history.getTransitions('bank:pko', T0, T0 + 100)).toEqual([transition('bank:pko', T0 + 10, 'outage')]);
      expect(await stores.history.getTransitions('bank', T0, T0 + 100)).toEqual([]);
    });

    it('when two transitions share a component and instant, then the later write replaces the earlier', async () => {
      const { stores } = fixture();
      await stores.history.addTransitions([transition('ikp', T0, 'outage'), transition('ikp', T0, 'operational')], 90);
      await stores.history.addTransitions([transition('ikp', T0 + 10, 'degraded')], 90);
      await stores.history.addTransitions([transition('ikp', T0 + 10, 'maintenance', { reason: 'maintenance' })], 90);
      expect(await stores.history.getTransitions('ikp', T0, T0 + 100)).toEqual([
        transition('ikp', T0, 'operational'),
        transition('ikp', T0 + 10, 'maintenance', { reason: 'maintenance' }),
      ]);
    });

    it.each([
      { name: 'an earlier batch', batches: [[-10, -5], [-2, 0]] },
      { name: 'the same batch', batches: [[-2, -10, 0, -5]] },
    ])('when entries are older than retainDays counted from the newest written ($name), then they are dropped', async ({ batches }) => {
      const { stores } = fixture();
      for (const days of batches) await stores.history.addTransitions(days.map((d) => transition('ikp', T0 + d * DAY_MS, 'operational')), 5);
      const kept = await stores.history.getTransitions('ikp', T0 - 30 * DAY_MS, T0);
      expect(kept.map((t) => (t.at - T0) / DAY_MS)).toEqual([-5, -2, 0]);
    });
  });

}
