import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ProbeResult } from '../../src/domain/types.ts';
import type { Stores } from '../../src/store/ports.ts';
import { translator } from '../../src/i18n/index.ts';
import { chartModel } from '../../src/web/page/history-section.ts';
import type { LatencyPoint } from '../../src/status/history-data.ts';
import { testConfig } from '../helpers/config.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { memoryStores, redisStores } from '../helpers/stores.ts';
import { webAppOver } from '../helpers/web-app.ts';
import { T0 } from './fixture.ts';

const t = translator('pl');
const GAP = 'Przerwy w wykresie to brak danych: monitor nie miał połączenia z internetem, więc tych sprawdzeń nie liczymy';
const point = (ms: number, kind: 'ok' | 'failed' | 'blind'): LatencyPoint => ({ at: 0, ms, ok: kind === 'ok', blind: kind === 'blind' });

describe('response-time chart with a blind spell', () => {
  it.each([
    {
      name: 'samples in the middle were taken blind',
      points: [point(100, 'ok'), point(3_000, 'blind'), point(3_000, 'blind'), point(200, 'ok'), point(400, 'failed')],
      lines: ['0,46 18.8,46', '225,32 300,4'],
      gaps: [{ x: 37.5, width: 150 }],
      failures: [{ x: 300, y: 4 }],
      maxMs: 400,
      summary: `Ostatnie sprawdzenia (3): średnio 233 ms, najwięcej 400 ms, nieudane: 1. ${GAP} (pominięte: 2).`,
    },
    {
      name: 'every sample was taken blind',
      points: [point(3_000, 'blind'), point(3_000, 'blind'), point(3_000, 'blind')],
      lines: [],
      gaps: [{ x: 0, width: 300 }],
      failures: [],
      maxMs: null,
      summary: `Brak pomiarów czasu odpowiedzi. ${GAP} (pominięte: 3).`,
    },
    {
      name: 'the newest samples were taken blind',
      points: [point(100, 'ok'), point(200, 'ok'), point(4_000, 'blind')],
      lines: ['0,32 150,4'],
      gaps: [{ x: 225, width: 75 }],
      failures: [],
      maxMs: 200,
      summary: `Ostatnie sprawdzenia (2): średnio 150 ms, najwięcej 200 ms, nieudane: 0. ${GAP} (pominięte: 1).`,
    },
  ])('when $name, then they are a gap: no failure, no time in the average or scale, and the summary says why', ({ points, lines, gaps, failures, maxMs, summary }) => {
    const chart = chartModel(points, t)!;
    expect(chart.lines).toEqual(lines);
    expect(chart.gaps).toEqual(gaps);
    expect(chart.failures).toEqual(failures);
    expect(chart.maxMs).toBe(maxMs);
    expect(chart.summary).toBe(summary);
  });
});

describe('status page after the monitor lost its own connection', () => {
  const config = testConfig({
    probes: [
      { id: 'canary', kind: 'http', canary: true, interval: '5s', timeout: '3s', http: { url: 'http://127.0.0.1:9/canary' } },
      { id: 'ikp-home', kind: 'http', component: 'ikp', interval: '5s', timeout: '4s', http: { url: 'http://127.0.0.1:9/ikp' } },
    ],
  });
  // Oldest first, one fire of both probes every 5 s: three good runs, a blind spell of four (the canary
  // failing too), one real failure while the canary passed, then two good runs.
  const script: { canary: boolean; probe: 'ok' | 'fail' }[] = [
    ...Array.from({ length: 3 }, () => ({ canary: true, probe: 'ok' as const })),
    ...Array.from({ length: 4 }, () => ({ canary: false, probe: 'fail' as const })),
    { canary: true, probe: 'fail' },
    ...Array.from({ length: 2 }, () => ({ canary: true, probe: 'ok' as const })),
  ];

  async function seed(stores: Stores): Promise<void> {
    for (const [i, step] of script.entries()) {
      const at = T0 - (script.length - 1 - i) * 5_000;
      const run = (probeId: string, component: string | null, ok: boolean, durationMs: number): ProbeResult => ({ probeId, component, at, ok, degraded: false, reason: ok ? 'ok' : 'connect_reset', durationMs });
      await stores.results.appendResult(run('canary', null, step.canary, step.canary ? 40 : 3_000), 100);
      const ok = step.probe === 'ok';
      await stores.results.appendResult(run('ikp-home', 'ikp', ok, ok ? 150 : step.canary ? 900 : 4_000), 100);
    }
  }

  it.each([
    { store: 'memory', open: (clock: FakeClock) => memoryStores(clock) },
    { store: 'Redis', open: (clock: FakeClock) => redisStores(testRedisUrl(), uniquePrefix(), { clock }) },
  ])('when the canaries failed alongside a service ($store store), then its chart shows a gap and counts only the real failure', async ({ open }) => {
    const clock = new FakeClock(T0);
    const stores = await open(clock);
    await seed(stores);
    const web = await webAppOver(stores, config, clock);
    try {
      const html = (await request(web.app).get('/').expect(200)).text;
      const figure = html.slice(html.indexOf('<li id="h-ikp"'), html.indexOf('</figure>', html.indexOf('<li id="h-ikp"')));
      expect(figure).toContain('Ostatnie sprawdzenia (6): średnio 275 ms, najwięcej 900 ms, nieudane: 1.');
      expect(figure).toContain(`${GAP} (pominięte: 4).`);
      expect(figure.match(/<rect class="gap"/g)).toHaveLength(1);
      expect(figure.match(/<polyline class="line"/g)).toHaveLength(2);
      expect(figure.match(/<circle class="fail"/g)).toHaveLength(1);
    } finally {
      await web.close();
    }
  });
});
