import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { UPTIME_CLASSES, type ComponentStatus, type StatusTransition, type UptimeClass } from '../../src/domain/types.ts';
import { uptimeClass } from '../../src/status/public-state.ts';
import { initialProbeState } from '../../src/engine/probe-state.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { evaluationTick } from '../../src/pipeline/uptime-tick.ts';
import { planReclassification } from '../../src/reclassify/plan.ts';
import { reclassify } from '../../src/reclassify/service.ts';
import type { Stores } from '../../src/store/ports.ts';
import { testConfig } from '../helpers/config.ts';
import { memoryStores } from '../helpers/stores.ts';

const MIN = 60_000;
const warsaw = (local: string): number => DateTime.fromISO(local, { zone: 'Europe/Warsaw' }).toMillis();
const T0 = warsaw('2026-03-10T12:00');
const tr = (atMin: number, status: ComponentStatus, reason: StatusTransition['reason'] = status === 'operational' ? 'ok' : 'timeout'): StatusTransition => ({
  component: 'ikp',
  at: T0 + atMin * MIN,
  status,
  reason,
  rootCause: null,
});
/** operational from 0, outage 10–40 (timeout, then dns from 25), operational from 40. */
const HISTORY = [tr(0, 'operational'), tr(10, 'outage'), tr(25, 'outage', 'dns'), tr(40, 'operational')];
const short = (ts: StatusTransition[]) => ts.map((t) => `${(t.at - T0) / MIN}:${t.status}/${t.reason}`);

describe('planReclassification', () => {
  it.each([
    { name: 'the whole outage and more', from: 5, to: 50, writes: ['10:maintenance/maintenance', '25:maintenance/maintenance'], seconds: 30 * 60 },
    { name: 'the middle of the outage', from: 15, to: 30, writes: ['15:maintenance/maintenance', '25:maintenance/maintenance', '30:outage/dns'], seconds: 15 * 60 },
    { name: 'the outage start to its middle', from: 10, to: 20, writes: ['10:maintenance/maintenance', '20:outage/timeout'], seconds: 10 * 60 },
    { name: 'a period ending exactly at recovery', from: 30, to: 40, writes: ['30:maintenance/maintenance'], seconds: 10 * 60 },
    { name: 'a period with no outage', from: 41, to: 50, writes: [], seconds: 0 },
    { name: 'a period before any history', from: -30, to: -10, writes: [], seconds: 0 },
  ])('when reclassifying $name, then it writes $writes and moves $seconds s', ({ from, to, writes, seconds }) => {
    const history = HISTORY.filter((t) => t.at <= T0 + to * MIN);
    const plan = planReclassification('ikp', history, T0 + from * MIN, T0 + to * MIN);
    expect(short(plan.transitions)).toEqual(writes);
    expect([...plan.seconds.values()].reduce((a, b) => a + b, 0)).toBe(seconds);
  });

  it('when the period crosses Warsaw midnight, then the seconds are split between the two days', () => {
    const night = [{ ...tr(0, 'outage'), at: warsaw('2026-03-10T23:40') }];
    const plan = planReclassification('ikp', night, warsaw('2026-03-10T23:50'), warsaw('2026-03-11T00:20'));
    expect(Object.fromEntries(plan.seconds)).toEqual({ '2026-03-10': 600, '2026-03-11': 1200 });
  });
});

/** Seconds per uptime class per Warsaw day, integrated from the stored history over [from, to). */
async function secondsFromHistory(store: Stores, from: number, to: number): Promise<Record<string, Record<UptimeClass, number>>> {
  const history = await store.history.getTransitions('login-gov', from, to);
  const out: Record<string, Record<UptimeClass, number>> = {};
  for (let t = from; t < to; t += 15_000) {
    const last = history.filter((h) => h.at <= t).at(-1);
    const booked = last ? uptimeClass(last.status, last.reason) : 'unknown';
    const day = DateTime.fromMillis(t, { zone: 'Europe/Warsaw' }).toISODate()!;
    out[day] ??= Object.fromEntries(UPTIME_CLASSES.map((s) => [s, 0])) as Record<UptimeClass, number>;
    out[day][booked] += 15;
  }
  return out;
}

async function buckets(store: Stores, days: string[]): Promise<Record<string, Record<UptimeClass, number>>> {
  return Object.fromEntries((await store.history.getUptime('login-gov', days[0]!, days.at(-1)!)).map((b) => [b.day, b.seconds]));
}

describe('reclassification keeps uptime and history in agreement', () => {
  it('when an outage across midnight is partly reclassified, then per-day uptime equals the history, before and after, and a repeat moves nothing', async () => {
    const start = warsaw('2026-03-10T23:30');
    const clock = new FakeClock(start);
    const config = testConfig({ probes: [{ id: 'login', kind: 'http', component: 'login-gov', interval: '15s', timeout: '5s', http: { url: 'http://127.0.0.1/' } }] });
    const store = await memoryStores(clock);
    const deps = { config, stores: store, clock, logger: createLogger('silent') };
    const outage = [warsaw('2026-03-10T23:40'), warsaw('2026-03-11T00:25')] as const;
    for (let t = start; t < warsaw('2026-03-11T01:00'); t += 15_000) {
      clock.set(t);
      const down = t >= outage[0] && t < outage[1];
      await store.results.setProbeState({ ...initialProbeState('login', start), status: down ? 'down' : 'up', lastOk: !down, lastReason: down ? 'timeout' : 'ok', lastCheckedAt: t });
      await evaluationTick(deps, 15_000);
    }
    const end = clock.now() + 15_000;
    const days = ['2026-03-10', '2026-03-11'];
    expect(await buckets(store, days)).toEqual(await secondsFromHistory(store, start, end));
    const before = await buckets(store, days);

    const actor = { name: 'alice', role: 'operator' as const };
    const r = await reclassify(deps, actor, { component: 'login-gov', from: warsaw('2026-03-10T23:50'), to: warsaw('2026-03-11T00:10'), reason: 'nieogłoszone prace serwisowe' });
    const after = await buckets(store, days);
    expect(after).toEqual(await secondsFromHistory(store, start, end));
    expect(r.movedSeconds).toBe(20 * 60);
    expect(after['2026-03-10']!.maintenance - before['2026-03-10']!.maintenance).toBe(600);
    expect(before['2026-03-11']!.outage - after['2026-03-11']!.outage).toBe(600);
    expect((await store.operator.getAudit(1))[0]).toMatchObject({ action: 'reclassify.create', actor: 'alice', after: { movedSeconds: 1200 } });

    const again = await reclassify(deps, actor, { component: 'login-gov', from: warsaw('2026-03-10T23:50'), to: warsaw('2026-03-11T00:10'), reason: 'powtórka' });
    expect(again.movedSeconds).toBe(0);
    expect(await buckets(store, days)).toEqual(after);
  });

  it.each([
    { name: 'the end is not after the start', from: '2026-03-11T00:10', to: '2026-03-11T00:10', field: 'to' },
    { name: 'the end is in the future', from: '2026-03-11T00:10', to: '2026-03-11T03:00', field: 'to' },
    { name: 'the start is older than the kept history', from: '2025-10-01T00:00', to: '2026-03-11T00:10', field: 'from' },
  ])('when $name, then VALIDATION_FAILED names $field', async ({ from, to, field }) => {
    const clock = new FakeClock(warsaw('2026-03-11T01:00'));
    const store = await memoryStores(clock);
    const deps = { config: testConfig(), stores: store, clock };
    await expect(reclassify(deps, { name: 'a', role: 'operator' }, { component: 'ikp', from: warsaw(from), to: warsaw(to), reason: 'x y z' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field })],
    });
  });
});
