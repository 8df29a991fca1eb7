import { describe, expect, it } from 'vitest';
import { componentSchema, probeSchema } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentStatus, ProbeState } from '../../src/domain/types.ts';
import { evaluate, type Overlays } from '../../src/engine/evaluate.ts';
import { initialProbeState } from '../../src/engine/probe-state.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { activeOverrides, withOverrides } from '../../src/overrides/overrides.ts';
import type { Override } from '../../src/overrides/types.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import { testConfig } from '../helpers/config.ts';
import { memoryStores } from '../helpers/stores.ts';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

const components = [componentSchema.parse({ id: 'login-gov', name: { pl: 'l', en: 'l' } }), componentSchema.parse({ id: 'ikp', name: { pl: 'i', en: 'i' }, dependsOn: ['login-gov'] })];
const probes = [
  probeSchema.parse({ id: 'canary', kind: 'http', canary: true, interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1/' } }),
  probeSchema.parse({ id: 'login', kind: 'http', component: 'login-gov', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1/' } }),
];
const probeState = (id: string, status: ProbeState['status'], lastOk: boolean): ProbeState => ({
  ...initialProbeState(id, NOW - 10 * MIN),
  status,
  lastOk,
  lastReason: lastOk ? 'ok' : 'timeout',
  lastCheckedAt: NOW - MIN,
});

describe('overrides in the engine', () => {
  it.each([
    { name: 'a measured outage', login: 'down', canaryOk: true, maintenance: false, forced: 'operational' },
    { name: 'an active maintenance window', login: 'up', canaryOk: true, maintenance: true, forced: 'outage' },
    { name: 'the blind guard (no canary passes)', login: 'up', canaryOk: false, maintenance: false, forced: 'degraded' },
  ] as const)('when an override meets $name, then the override wins with reason override', ({ login, canaryOk, maintenance, forced }) => {
    const overlays: Overlays = {
      maintenance: new Map(maintenance ? [['login-gov', {}]] : []),
      outageNotices: new Set(),
      overrides: new Map([['login-gov', { status: forced as ComponentStatus, reason: 'probe is wrong' }]]),
    };
    const result = evaluate({
      now: NOW,
      components,
      probes,
      probeStates: new Map([
        ['canary', probeState('canary', canaryOk ? 'up' : 'down', canaryOk)],
        ['login', probeState('login', login, login === 'up')],
      ]),
      previous: new Map(),
      settings: { failureThreshold: 3, successThreshold: 2, staleAfterIntervals: 3 },
      overlays,
    });
    expect(result.components.find((c) => c.id === 'login-gov')).toMatchObject({ status: forced, reason: 'override' });
  });

  it('when a forced outage is upstream, then dependents name it as root cause', () => {
    const result = evaluate({
      now: NOW,
      components,
      probes,
      probeStates: new Map([['canary', probeState('canary', 'up', true)], ['login', probeState('login', 'up', true)]]),
      previous: new Map(),
      settings: { failureThreshold: 3, successThreshold: 2, staleAfterIntervals: 3 },
      overlays: withOverrides({ maintenance: new Map(), outageNotices: new Set() }, [override({ status: 'outage' })], NOW),
    });
    expect(result.components.find((c) => c.id === 'ikp')?.rootCause).toBe('login-gov');
  });
});

function override(extra: Partial<Override> = {}): Override {
  return { component: 'login-gov', status: 'operational', reason: 'probe is wrong', createdBy: 'alice', createdAt: NOW, expiresAt: NOW + 30 * MIN, ...extra };
}

describe('override expiry over a fake clock', () => {
  it.each([
    { label: '1 ms before it was created', at: NOW - 1, active: false },
    { label: 'the instant it was created', at: NOW, active: true },
    { label: '1 ms before it expires', at: NOW + 30 * MIN - 1, active: true },
    { label: 'the instant it expires', at: NOW + 30 * MIN, active: false },
    { label: 'a minute after it expired', at: NOW + 31 * MIN, active: false },
  ])('when the clock reads $label, then the override applies=$active', ({ at, active }) => {
    expect(activeOverrides([override()], at).has('login-gov')).toBe(active);
  });

  it.each([
    { name: 'before the end', advance: 29 * MIN, status: 'operational', reason: 'override' },
    { name: 'exactly at the end', advance: 30 * MIN, status: 'outage', reason: 'timeout' },
    { name: 'long after the end', advance: 2 * 60 * MIN, status: 'outage', reason: 'timeout' },
  ])('when a store-kept override is re-evaluated $name, then the component shows $status/$reason with no one lifting it', async ({ advance, status, reason }) => {
    const clock = new FakeClock(NOW);
    const config = testConfig({
      probes: [{ id: 'login', kind: 'http', component: 'login-gov', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1/' } }],
    });
    const store = await memoryStores(clock);
    const deps = { config, stores: store, clock, logger: createLogger('silent') };
    await store.operator.putOverride(override());
    // The probe keeps failing (fresh results) the whole time.
    const failing = (): ProbeState => ({ ...probeState('login', 'down', false), since: NOW - 10 * MIN, lastCheckedAt: clock.now() - 1_000 });
    await store.results.setProbeState(failing());
    expect((await reevaluate(deps)).components.find((c) => c.id === 'login-gov')).toMatchObject({ status: 'operational', reason: 'override' });
    clock.advance(advance);
    await store.results.setProbeState(failing());
    expect((await reevaluate(deps)).components.find((c) => c.id === 'login-gov')).toMatchObject({ status, reason });
  });
});
