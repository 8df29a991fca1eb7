import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import type { NoticesProbeConfig } from '../../src/config/notices-schema.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { applyNotices } from '../../src/pipeline/notices.ts';
import { recordResult } from '../../src/pipeline/record-result.ts';
import { evaluationTick } from '../../src/pipeline/uptime-tick.ts';
import { warsawDay } from '../../src/domain/warsaw.ts';
import { createStore } from '../../src/store/create.ts';

const PUBLISHED = '2026-01-20T09:00:00+01:00';
const NIGHT_START = Date.parse('2026-01-26T22:00:00+01:00');

const config = configSchema.parse({
  store: { snapshotFile: '' },
  engine: { failureThreshold: 1, successThreshold: 1 },
  components: [
    { id: 'ikp', name: { pl: 'IKP', en: 'IKP' } },
    { id: 'bank:mbank', kind: 'bank', name: { pl: 'mBank', en: 'mBank' } },
  ],
  probes: [
    { id: 'ikp-home', kind: 'http', component: 'ikp', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1:9/' } },
    { id: 'mbank-home', kind: 'http', component: 'bank:mbank', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1:9/' } },
    { id: 'pacjent-notices', kind: 'notices', interval: '1m', timeout: '10s', notices: { url: 'http://127.0.0.1:9/', components: ['ikp'] } },
  ],
});
const [ikpProbe, mbankProbe, noticesProbe] = config.probes as [(typeof config.probes)[0], (typeof config.probes)[0], NoticesProbeConfig];

async function setup() {
  const clock = new FakeClock(Date.parse('2026-01-20T10:00:00+01:00'));
  const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
  const deps = { config, stores: store, clock, logger: createLogger('silent') };
  const result = (probe: typeof ikpProbe, ok: boolean) =>
    recordResult(deps, probe, { ok, degraded: false, reason: ok ? 'ok' : 'http_status', durationMs: 5, probeId: probe.id, component: probe.component ?? null, at: clock.now() });
  return { clock, stores: store, deps, result };
}

const banner = {
  title: 'Przerwa techniczna',
  text: 'W nocy z 26 na 27 stycznia w godz. 22:00–6:00 Internetowe Konto Pacjenta będzie niedostępne z powodu prac serwisowych.',
  link: 'https://pacjent.gov.pl/komunikat/przerwa',
  publishedAt: PUBLISHED,
};

describe('notices through the pipeline', () => {
  it('when a maintenance window is active and the probe fails, then ikp is maintenance (not outage) and the time is booked as maintenance', async () => {
    const { clock, stores: store, deps, result } = await setup();
    await applyNotices(deps, noticesProbe, [banner], clock.now());
    clock.set(NIGHT_START + 3_600_000);
    await result(ikpProbe, false);
    expect((await store.results.getComponentStates()).get('ikp')).toMatchObject({ status: 'maintenance', reason: 'maintenance' });
    await evaluationTick(deps, 15_000);
    const [bucket] = await store.history.getUptime('ikp', warsawDay(clock.now()), warsawDay(clock.now()));
    expect(bucket!.seconds.maintenance).toBe(15);
    expect(bucket!.seconds.outage).toBe(0);
  });

  it('when the window ends and the probe still fails, then ikp becomes outage', async () => {
    const { clock, stores: store, deps, result } = await setup();
    await applyNotices(deps, noticesProbe, [banner], clock.now());
    clock.set(Date.parse('2026-01-27T06:00:00+01:00'));
    await result(ikpProbe, false);
    expect((await store.results.getComponentStates()).get('ikp')?.status).toBe('outage');
  });

  it('when a bank outage notice is published while its probe passes, then the bank is at least degraded', async () => {
    const { clock, stores: store, deps, result } = await setup();
    await result(mbankProbe, true);
    const notice = { title: 'Awaria', text: 'Trwa awaria bankowości internetowej mBanku. Pracujemy nad rozwiązaniem.', link: null, publishedAt: null };
    await applyNotices(deps, noticesProbe, [notice], clock.now());
    await result(mbankProbe, true);
    expect((await store.results.getComponentStates()).get('bank:mbank')).toMatchObject({ status: 'degraded', reason: 'outage_notice' });
  });

  it('when the banner disappears, then the window is withdrawn and kept as evidence', async () => {
    const { clock, stores: store, deps } = await setup();
    await applyNotices(deps, noticesProbe, [banner], clock.now());
    await applyNotices(deps, noticesProbe, [], clock.now() + 60_000);
    const [w] = await store.windows.getWindows();
    expect(w).toMatchObject({ state: 'withdrawn', link: banner.link, text: banner.text, start: NIGHT_START });
  });
});
