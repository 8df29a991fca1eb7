import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentState, ComponentStatus, MaintenanceWindow, ProbeState } from '../../src/domain/types.ts';
import { openIncident } from '../../src/incidents/lifecycle.ts';
import { registerStoreCollectors } from '../../src/metrics/store-collectors.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { testConfig } from '../helpers/config.ts';
import { samples, valueOf } from './prom-text.ts';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const HOUR = 3_600_000;
const config = testConfig({
  probes: [
    { id: 'pz-login', kind: 'http', component: 'profil-zaufany', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1:9/pz' } },
    { id: 'canary', kind: 'http', canary: true, interval: '30s', timeout: '5s', http: { url: 'http://127.0.0.1:9/c' } },
  ],
});

const state = (id: string, status: ComponentStatus, reason: ComponentState['reason'] = 'ok'): ComponentState => ({
  id,
  status,
  reason,
  since: T0 - HOUR,
  lastCheckedAt: T0 - 1000,
  rootCause: null,
});

const window = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  id: 'w1',
  source: 'manual',
  noticeKey: 'k',
  kind: 'maintenance',
  components: ['ikp'],
  start: T0 - HOUR,
  end: T0 + HOUR,
  title: 't',
  text: 't',
  link: null,
  publishedAt: null,
  firstSeenAt: T0 - 2 * HOUR,
  lastSeenAt: T0,
  updatedAt: T0,
  state: 'announced',
  ...over,
});

async function scrape(store: Stores, clock = new FakeClock(T0)): Promise<string> {
  const registry = new Registry();
  registerStoreCollectors(registry, { config, stores: store, now: () => clock.now(), onError: () => undefined });
  return registry.metrics();
}

async function memoryStore(): Promise<Stores> {
  return createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: new FakeClock(T0) });
}

describe('store-read gauges', () => {
  it.each([
    ['an announced window in force', window({}), 1, undefined],
    ['an announced window starting in 2 h', window({ start: T0 + 2 * HOUR, end: T0 + 3 * HOUR }), 0, (T0 + 2 * HOUR) / 1000],
    ['a withdrawn window in force', window({ state: 'withdrawn' }), 0, undefined],
    ['a cancelled future window', window({ state: 'cancelled', start: T0 + HOUR }), 0, undefined],
    ['an outage notice in force', window({ kind: 'outage' }), 0, undefined],
    ['a window that ended', window({ start: T0 - 3 * HOUR, end: T0 - 2 * HOUR }), 0, undefined],
  ])('when the store holds %s for ikp, then maintenance_active is %i and the next start is %s', async (_what, w, active, next) => {
    const store = await memoryStore();
    await store.windows.putWindows([w]);
    const text = await scrape(store);
    expect(valueOf(text, 'ikpstatus_maintenance_active', { component: 'ikp' })).toBe(active);
    expect(valueOf(text, 'ikpstatus_maintenance_next_start_timestamp_seconds', { component: 'ikp' })).toBe(next);
    expect(valueOf(text, 'ikpstatus_maintenance_active', { component: 'login-gov' })).toBe(0);
  });

  it('when two future windows cover ikp, then the next start is the earlier one', async () => {
    const store = await memoryStore();
    await store.windows.putWindows([window({ id: 'a', start: T0 + 5 * HOUR, end: null }), window({ id: 'b', start: T0 + 2 * HOUR, end: T0 + 4 * HOUR })]);
    expect(valueOf(await scrape(store), 'ikpstatus_maintenance_next_start_timestamp_seconds', { component: 'ikp' })).toBe((T0 + 2 * HOUR) / 1000);
  });

  it.each([
    ['monitor_offline', 1],
    ['http_status', 0],
  ] as const)('when components carry reason %s, then monitor_blind is %i', async (reason, blind) => {
    const store = await memoryStore();
    await store.results.setComponentStates(config.components.map((c) => state(c.id, 'unknown', reason)));
    expect(valueOf(await scrape(store), 'ikpstatus_monitor_blind')).toBe(blind);
  });

  it('when probe states are stored, then success, last run time and interval come from the store and unrun probes are absent', async () => {
    const store = await memoryStore();
    const probe: ProbeState = {
      probeId: 'pz-login',
      status: 'down',
      consecutiveFailures: 3,
      consecutiveSuccesses: 0,
      consecutiveSlow: 0,
      consecutiveFast: 0,
      lastOk: false,
      lastReason: 'http_status',
      lastCheckedAt: T0 - 5000,
      since: T0 - 60_000,
    };
    await store.results.setProbeState(probe);
    const text = await scrape(store);
    expect(valueOf(text, 'ikpstatus_probe_success', { probe: 'pz-login', component: 'profil-zaufany' })).toBe(0);
    expect(valueOf(text, 'ikpstatus_last_probe_timestamp_seconds', { probe: 'pz-login' })).toBe((T0 - 5000) / 1000);
    expect(valueOf(text, 'ikpstatus_probe_success', { probe: 'canary' })).toBeUndefined();
    expect(valueOf(text, 'ikpstatus_probe_interval_seconds', { probe: 'canary' })).toBe(30);
    expect(valueOf(text, 'ikpstatus_store_up')).toBe(1);
  });

  it('when the store cannot be read, then store_up is 0, the store-read gauges are empty and the error is reported once', async () => {
    const store = await memoryStore();
    const results = Object.assign(Object.create(store.results) as Stores['results'], {
      getComponentStates: () => Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' })),
    });
    const broken = { ...store, results };
    const errors: unknown[] = [];
    const registry = new Registry();
    registerStoreCollectors(registry, { config, stores: broken, now: () => T0, onError: (e) => errors.push(e) });
    const text = await registry.metrics();
    expect(valueOf(text, 'ikpstatus_store_up')).toBe(0);
    expect(samples(text, 'ikpstatus_maintenance_active')).toEqual([]);
    expect(text).toContain('# TYPE ikpstatus_maintenance_active gauge');
    // The status gauge is not read from the store at all (test/ops/public-collectors.test.ts).
    expect(text).not.toContain('# TYPE ikpstatus_component_status');
    expect(errors).toHaveLength(1);
  });

  it('when one scrape collects every gauge, then the store is read once', async () => {
    const store = await memoryStore();
    let reads = 0;
    const results = Object.assign(Object.create(store.results) as Stores['results'], {
      getComponentStates: () => {
        reads += 1;
        return store.results.getComponentStates();
      },
    });
    const counting = { ...store, results };
    const registry = new Registry();
    registerStoreCollectors(registry, { config, stores: counting, now: () => T0, onError: () => undefined });
    await registry.metrics();
    expect(reads).toBe(1);
    await registry.metrics();
    expect(reads).toBe(2);
  });

  it.each([
    ['an investigating incident', 'investigating', 1],
    ['a monitoring incident', 'monitoring', 1],
    ['a resolved incident', 'resolved', 0],
  ] as const)('when the store holds %s naming profil-zaufany, then incident_open is %i for it and 0 elsewhere', async (_what, state, open) => {
    const store = await memoryStore();
    const incident = openIncident(
      'i1',
      { title: { pl: 'Awaria PZ' }, body: { pl: 'Trwa awaria.' }, impact: 'major', components: ['profil-zaufany'] },
      { updateId: 'u1', by: 'alice', at: T0 },
    );
    await store.operator.saveIncident({ ...incident, state, resolvedAt: state === 'resolved' ? T0 : null }, 0);
    const text = await scrape(store);
    expect(valueOf(text, 'ikpstatus_incident_open', { component: 'profil-zaufany' })).toBe(open);
    expect(valueOf(text, 'ikpstatus_incident_open', { component: 'ikp' })).toBe(0);
  });
});
