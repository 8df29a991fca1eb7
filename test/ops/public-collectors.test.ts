import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { COMPONENT_STATUSES, type ComponentState, type ComponentStatus } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { registerPublicStateCollectors } from '../../src/metrics/public-collectors.ts';
import { registerStoreCollectors } from '../../src/metrics/store-collectors.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import { testConfig } from '../helpers/config.ts';
import { samples, valueOf } from './prom-text.ts';

/**
 * The status gauge formats the snapshot every other face serves. Each case builds a real
 * snapshot over a real store and compares the scrape with what the snapshot tells the public.
 */
const T0 = Date.parse('2026-11-22T10:00:00Z');
const HOUR = 3_600_000;
const config = testConfig({
  probes: [{ id: 'pz-login', kind: 'http', component: 'profil-zaufany', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1:9/pz' } }],
});

const state = (id: string, status: ComponentStatus, lastCheckedAt = T0 - 1000): ComponentState => ({
  id,
  status,
  reason: status === 'operational' ? 'ok' : 'timeout',
  since: T0 - HOUR,
  lastCheckedAt,
  rootCause: null,
});

const snapshots: StatusSnapshot[] = [];
afterEach(async () => {
  await Promise.all(snapshots.splice(0).map((s) => s.stop()));
});

async function world(states: ComponentState[] = []): Promise<{ store: Stores; clock: FakeClock; snapshot: StatusSnapshot; registry: Registry }> {
  const clock = new FakeClock(T0);
  const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
  await store.results.setComponentStates(states);
  const snapshot = new StatusSnapshot({ config, stores: store, logger: createLogger('silent'), now: () => clock.now() });
  snapshots.push(snapshot);
  await snapshot.start();
  const registry = new Registry();
  registerPublicStateCollectors(registry, config, () => snapshot.current().view.public);
  return { store, clock, snapshot, registry };
}

const shown = (text: string, component: string): string[] =>
  samples(text, 'ikpstatus_component_status')
    .filter((s) => s.labels.component === component && s.value === 1)
    .map((s) => s.labels.status!);
const publicStatus = (snapshot: StatusSnapshot, id: string): ComponentStatus | undefined => snapshot.current().view.public.components.find((c) => c.id === id)?.status;

describe('the status gauge formats the public state', () => {
  it.each(COMPONENT_STATUSES)('when the snapshot shows profil-zaufany as %s, then the gauge has exactly that status at 1 and the other four at 0', async (status) => {
    const { snapshot, registry } = await world([state('profil-zaufany', status)]);
    const text = await registry.metrics();
    const series = samples(text, 'ikpstatus_component_status').filter((s) => s.labels.component === 'profil-zaufany');
    expect(series.map((s) => s.labels.status).sort()).toEqual([...COMPONENT_STATUSES].sort());
    expect(publicStatus(snapshot, 'profil-zaufany')).toBe(status);
    expect(shown(text, 'profil-zaufany')).toEqual([status]);
  });

  it('when a configured component was never evaluated, then it is exported as unknown', async () => {
    const { registry } = await world();
    const text = await registry.metrics();
    expect(valueOf(text, 'ikpstatus_component_status', { component: 'bank:pko-bp', status: 'unknown' })).toBe(1);
    expect(valueOf(text, 'ikpstatus_component_status', { component: 'bank:pko-bp', status: 'operational' })).toBe(0);
  });

  it('when the store changed but the snapshot has not rebuilt yet, then the gauge still agrees with the page, not with the store', async () => {
    const { store, snapshot, registry } = await world([state('profil-zaufany', 'operational')]);
    await store.results.setComponentStates([state('profil-zaufany', 'outage')]);
    expect(shown(await registry.metrics(), 'profil-zaufany')).toEqual(['operational']);
    await snapshot.rebuild();
    expect(shown(await registry.metrics(), 'profil-zaufany')).toEqual(['outage']);
  });

  it('when an operator override is in force, then the gauge shows the override as every face does', async () => {
    const { store, snapshot, registry } = await world([state('profil-zaufany', 'operational')]);
    await store.operator.putOverride({ component: 'profil-zaufany', status: 'outage', reason: 'test', createdBy: 'test', createdAt: T0, expiresAt: T0 + HOUR });
    await snapshot.rebuild();
    expect(shown(await registry.metrics(), 'profil-zaufany')).toEqual(['outage']);
  });

  it('when the data grows older than the stale limit with no rebuild, then the gauge says unknown, never operational', async () => {
    const { clock, registry } = await world([state('profil-zaufany', 'operational')]);
    expect(shown(await registry.metrics(), 'profil-zaufany')).toEqual(['operational']);
    clock.advance(30 * 60_000);
    expect(shown(await registry.metrics(), 'profil-zaufany')).toEqual(['unknown']);
  });

  it('when the store cannot be read at scrape time, then store_up is 0 and the status gauge still shows what the page shows', async () => {
    const { store, snapshot, registry } = await world([state('profil-zaufany', 'outage')]);
    const results = Object.assign(Object.create(store.results) as Stores['results'], {
      getComponentStates: () => Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' })),
    });
    registerStoreCollectors(registry, { config, stores: { ...store, results }, now: () => T0, onError: () => undefined });
    const text = await registry.metrics();
    expect(valueOf(text, 'ikpstatus_store_up')).toBe(0);
    expect(shown(text, 'profil-zaufany')).toEqual([publicStatus(snapshot, 'profil-zaufany')]);
    expect(shown(text, 'profil-zaufany')).toEqual(['outage']);
  });

  it('when the snapshot has not been built, then the gauge is declared but empty', async () => {
    const registry = new Registry();
    registerPublicStateCollectors(registry, config, () => null);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE ikpstatus_component_status gauge');
    expect(samples(text, 'ikpstatus_component_status')).toEqual([]);
  });
});
