import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import type { UptimeBucket, UptimeClass } from '../../src/domain/types.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { timeFormat } from '../../src/i18n/format.ts';
import { translator } from '../../src/i18n/index.ts';
import { HISTORY_DAYS, HistoryLoader, warsawDays } from '../../src/status/history-data.ts';
import { chartModel, dayClass, historyRows, uptimeRatio } from '../../src/web/page/history-section.ts';
import { T0 } from './fixture.ts';

const bucket = (seconds: Partial<Record<UptimeClass, number>>, day = '2026-01-27'): UptimeBucket => ({
  day,
  seconds: { operational: 0, degraded: 0, partial: 0, unverified: 0, maintenance: 0, outage: 0, unknown: 0, ...seconds },
});
const t = translator('pl');

describe('uptime and day classes', () => {
  it.each([
    [{ operational: 86_400 }, 1, 'ok'],
    [{ operational: 79_200, maintenance: 7_200 }, 1, 'maintenance'],
    [{ operational: 79_200, outage: 7_200 }, 79_200 / 86_400, 'outage'],
    [{ operational: 72_000, outage: 7_200, maintenance: 7_200 }, 72_000 / 79_200, 'outage'],
    [{ operational: 80_000, degraded: 6_400 }, 1, 'degraded'],
    // Issue 20: a partial failure or a blocked check is not slowness, and history books them apart.
    [{ operational: 80_000, partial: 6_400 }, 1, 'partial'],
    [{ operational: 80_000, partial: 3_000, degraded: 3_400 }, 1, 'partial'],
    [{ operational: 80_000, unverified: 6_400 }, 1, 'unverified'],
    [{ unverified: 86_400 }, null, 'unverified'],
    [{ unknown: 86_400 }, null, 'none'],
    [{ maintenance: 86_400 }, null, 'maintenance'],
  ])('when a day holds %o, then uptime (maintenance excluded) is %s and the bar is %s', (seconds, ratio, cls) => {
    expect(uptimeRatio([bucket(seconds)])).toBe(ratio);
    expect(dayClass(bucket(seconds))).toBe(cls);
  });

  it('when a day has no bucket, then its bar says no data', () => {
    expect(dayClass(undefined)).toBe('none');
  });
});

describe('history rows', () => {
  it('when 90 days are shown, then every day has a class and a text equivalent', () => {
    const days = warsawDays(T0, HISTORY_DAYS);
    const history = { days, uptime: { ikp: [bucket({ operational: 79_200, outage: 7_200 }, days.at(-1)!), bucket({ operational: 80_000, maintenance: 6_400 }, days.at(-2)!)] }, latency: {} };
    const [row] = historyRows(history, ['ikp'], new Map([['ikp', 'IKP']]), t, timeFormat(t, T0));
    expect(row!.days).toHaveLength(90);
    expect(row!.days.at(-1)).toEqual({ cls: 'outage', text: '27 stycznia: awaria, dostępność 91,66%' });
    expect(row!.days.at(-2)).toEqual({ cls: 'maintenance', text: '26 stycznia: przerwa techniczna' });
    expect(row!.days[0]).toEqual({ cls: 'none', text: '30 października 2025: brak danych' });
    expect(row!.uptimeText).toBe('Dostępność: 95,67%');
    expect(row!.summary).toBe('Dni z awarią: 1. Dni z przerwą techniczną: 1. Dni z częściowym działaniem: 0. Dni z wolniejszym działaniem: 0.');
    expect(row!.chart).toBeNull();
  });

  it('when response times are known, then the chart scales to the slowest and marks failures', () => {
    const chart = chartModel([{ at: 1, ms: 100, ok: true, blind: false }, { at: 2, ms: 400, ok: false, blind: false }, { at: 3, ms: 200, ok: true, blind: false }], t)!;
    expect(chart.lines).toEqual(['0,46 150,4 300,32']);
    expect(chart.gaps).toEqual([]);
    expect(chart.failures).toEqual([{ x: 150, y: 4 }]);
    expect(chart.summary).toBe('Ostatnie sprawdzenia (3): średnio 233 ms, najwięcej 400 ms, nieudane: 1.');
  });
});

describe('HistoryLoader', () => {
  const config = configSchema.parse({
    store: { snapshotFile: '' },
    components: [{ id: 'ikp', name: { pl: 'IKP', en: 'IKP' } }, { id: 'pz', name: { pl: 'PZ', en: 'PZ' } }],
    probes: [{ id: 'ikp-home', kind: 'http', component: 'ikp', interval: '30s', timeout: '5s', http: { url: 'http://127.0.0.1:9/' } }],
  });

  function counting(store: Stores): { stores: Stores; calls: string[] } {
    const calls: string[] = [];
    const history = Object.create(store.history) as Stores['history'];
    history.getUptime = (c, from, to) => (calls.push(`uptime:${c}:${from === to ? 'today' : 'past'}`), store.history.getUptime(c, from, to));
    const results = Object.create(store.results) as Stores['results'];
    results.recentResults = (p, n) => (calls.push(`recent:${p}:${n}`), store.results.recentResults(p, n));
    return { stores: { ...store, local: store.local, observeOutage: (o) => store.observeOutage(o), history, results }, calls };
  }

  it('when it loads twice on one day, then past days are read once and later loads read only today and recent results', async () => {
    const clock = new FakeClock(T0);
    const base = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
    await base.history.addUptime('ikp', '2026-01-20', 'outage', 600, 100);
    await base.history.addUptime('ikp', '2026-01-27', 'operational', 600, 100);
    await base.results.appendResult({ probeId: 'ikp-home', component: 'ikp', at: T0 - 5_000, ok: true, degraded: false, reason: 'ok', durationMs: 120 }, 100);
    await base.results.appendResult({ probeId: 'ikp-home', component: 'ikp', at: T0, ok: false, degraded: false, reason: 'timeout', durationMs: 5_000 }, 100);
    const { stores: store, calls } = counting(base);
    const loader = new HistoryLoader({ config, stores: store });
    const first = await loader.load(T0);
    expect(calls.sort()).toEqual(['recent:ikp-home:30', 'uptime:ikp:past', 'uptime:ikp:today', 'uptime:pz:past', 'uptime:pz:today']);
    expect(first.uptime.ikp!.map((b) => b.day)).toEqual(['2026-01-20', '2026-01-27']);
    expect(first.latency.ikp).toEqual([{ at: T0 - 5_000, ms: 120, ok: true, blind: false }, { at: T0, ms: 5_000, ok: false, blind: false }]);
    expect(first.latency.pz).toEqual([]);
    calls.length = 0;
    await loader.load(T0 + 60_000);
    expect(calls.sort()).toEqual(['recent:ikp-home:30', 'uptime:ikp:today', 'uptime:pz:today']);
    calls.length = 0;
    await loader.load(T0 + 86_400_000);
    expect(calls.filter((c) => c.endsWith(':past'))).toHaveLength(2);
    await base.lifecycle.close();
  });

  it('when an operator reclassifies a past period, then the next load re-reads the past days', async () => {
    const clock = new FakeClock(T0);
    const base = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
    await base.history.addUptime('ikp', '2026-01-20', 'outage', 600, 100);
    const { stores: store, calls } = counting(base);
    const loader = new HistoryLoader({ config, stores: store });
    await loader.load(T0);
    await base.history.moveUptime('ikp', '2026-01-20', 'outage', 'maintenance', 600);
    await base.operator.addReclassification({ id: 'r1', component: 'ikp', from: T0 - 8 * 86_400_000, to: T0 - 7 * 86_400_000, reason: 'planned', createdBy: 'alice', createdAt: T0, movedSeconds: 600, transitionsWritten: 0 });
    calls.length = 0;
    const after = await loader.load(T0 + 60_000);
    expect(calls.filter((c) => c.endsWith(':past'))).toHaveLength(2);
    expect(after.uptime.ikp![0]!.seconds).toMatchObject({ outage: 0, maintenance: 600 });
    await base.lifecycle.close();
  });
});
