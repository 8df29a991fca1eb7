import { describe, expect, it } from 'vitest';
import { componentSchema, probeSchema, type ComponentConfig, type ProbeConfig } from '../../src/config/schema.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import type { ComponentState, ProbeReason, ProbeState } from '../../src/domain/types.ts';
import { DependencyIndex } from '../../src/engine/dependants.ts';
import { evaluate, type Overlays } from '../../src/engine/evaluate.ts';
import { initialProbeState } from '../../src/engine/probe-state.ts';
import { pick, prng, type Gen } from '../helpers/prng.ts';

const NOW = 1_700_000_000_000;
const SETTINGS = { failureThreshold: 3, successThreshold: 2, staleAfterIntervals: 3 };

const component = (id: string, dependsOn: string[] = []): ComponentConfig => componentSchema.parse({ id, name: { pl: id, en: id }, dependsOn });
const http = (id: string, opts: { component?: string; canary?: boolean } = {}): ProbeConfig =>
  probeSchema.parse({ id, kind: 'http', interval: '1m', timeout: '10s', http: { url: 'http://127.0.0.1/' }, ...opts });
const journey = (id: string, component: string, hops: string[]): ProbeConfig =>
  probeSchema.parse({
    id,
    kind: 'journey',
    component,
    interval: '1m',
    timeout: '30s',
    journey: { steps: hops.map((c, i) => ({ id: `s${i}`, component: c, get: 'http://127.0.0.1/' })) },
  });

describe('DependencyIndex', () => {
  // a ← b ← c (c depends on b, b on a); d alone; journeys j1 (x → y) and j2 (y → z) share y; w has its own journey.
  const components = ['a', 'd', 'x', 'y', 'z', 'w'].map((id) => component(id)).concat([component('b', ['a']), component('c', ['b']), component('e', ['y'])]);
  const probes = [
    http('canary', { canary: true }),
    http('pa', { component: 'a' }),
    http('pc', { component: 'c' }),
    http('pd', { component: 'd' }),
    http('pd2', { component: 'd' }),
    journey('j1', 'x', ['x', 'y']),
    journey('j2', 'z', ['y', 'z']),
    journey('jw', 'w', ['w']),
    probeSchema.parse({ id: 'news', kind: 'notices', interval: '5m', timeout: '10s', notices: { url: 'http://127.0.0.1/', components: ['a'] } }),
  ];
  const index = new DependencyIndex(components, probes);

  it.each([
    ['a plain probe of a leaf component', ['pd'], ['d']],
    ['a plain probe of a component others depend on', ['pa'], ['a', 'b', 'c']],
    ['a plain probe at the top of a chain', ['pc'], ['c']],
    ['a journey sharing a hop with another journey', ['j1'], ['x', 'y', 'z', 'e']],
    ['a journey alone', ['jw'], ['w']],
    ['a batch of results', ['pd', 'pc'], ['c', 'd']],
    ['an unknown probe', ['gone'], []],
  ])('when %s reports, then exactly its dependants are affected', (_name, ids, expected) => {
    expect([...(index.affectedBy(ids) ?? [])].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['a canary', ['pd', 'canary']],
    ['a notice source', ['news']],
  ])('when %s reports, then every component may change (null)', (_name, ids) => {
    expect(index.affectedBy(ids)).toBeNull();
  });

  it('when evaluating a chain top, then it reads its own probes, the canaries and the states its root-cause walk reaches', () => {
    const inputs = index.inputsOf(new Set(['c']));
    expect(inputs.probes.map((p) => p.id).sort()).toEqual(['canary', 'pc']);
    expect(inputs.components.sort()).toEqual(['a', 'b', 'c']);
  });

  it('when evaluating a journey hop, then every journey of its group is read', () => {
    expect(index.inputsOf(new Set(['y'])).probes.map((p) => p.id).sort()).toEqual(['canary', 'j1', 'j2']);
  });
});

/** A random probe state: fresh or stale, any status, with a failed step for journeys. */
function randomState(r: Gen, p: ProbeConfig): ProbeState {
  const status = pick(r, ['up', 'up', 'down', 'degraded', 'unknown'] as const);
  const reason = pick(r, ['timeout', 'http_status', 'maintenance_page', 'blocked', 'page_changed', 'journey_step_failed', 'slow'] as ProbeReason[]);
  const lastOk = status === 'up' || status === 'degraded';
  const base: ProbeState = {
    ...initialProbeState(p.id, NOW - 3_600_000),
    status,
    lastOk,
    lastReason: lastOk ? 'ok' : reason,
    ...(status === 'down' || status === 'degraded' ? { statusReason: reason } : {}),
    lastCheckedAt: r() < 0.1 ? null : NOW - Math.floor(r() * 5 * p.interval),
  };
  if (p.kind === 'journey' && status === 'down') {
    const step = pick(r, p.journey.steps);
    base.failedStep = { id: step.id, component: step.component ?? p.component ?? '' };
  }
  return base;
}

function randomOverlays(r: Gen, ids: string[]): Overlays {
  return {
    maintenance: new Map(r() < 0.3 ? [[pick(r, ids), {}]] : []),
    outageNotices: new Set(r() < 0.3 ? [pick(r, ids)] : []),
    overrides: new Map(r() < 0.2 ? [[pick(r, ids), { status: 'outage' as const, reason: 'test' }]] : []),
  };
}

const only = <T>(map: Map<string, T>, ids: Iterable<string>): Map<string, T> => new Map([...ids].flatMap((id) => (map.has(id) ? [[id, map.get(id)!] as const] : [])));

/** A random monitor: a dependency DAG of components, plain probes, a few journeys over random hops, canaries. */
function randomConfig(r: Gen): { components: ComponentConfig[]; probes: ProbeConfig[] } {
  const ids = Array.from({ length: 8 + Math.floor(r() * 20) }, (_, i) => `c${i}`);
  // Edges only point to lower indices, so the graph has no cycle.
  const components = ids.map((id, i) => component(id, i === 0 ? [] : ids.slice(0, i).filter(() => r() < 0.15)));
  const probes: ProbeConfig[] = [http('canary-1', { canary: true }), http('canary-2', { canary: true })];
  ids.forEach((id, i) => {
    for (let k = 0; k < 1 + Math.floor(r() * 2); k++) if (r() < 0.85) probes.push(http(`p${i}-${k}`, { component: id }));
  });
  for (let j = 0; j < Math.floor(r() * 4); j++) probes.push(journey(`j${j}`, pick(r, ids), Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, ids))));
  return { components, probes };
}

describe('incremental evaluation equals a full one', () => {
  const demo = loadDemoConfig('http://127.0.0.1:9', {});

  it.each([
    ['the demo monitor', () => demo],
    ['random monitors', randomConfig],
  ] as const)('when 500 random probe-state changes in %s are judged incrementally, then the judged components match a full evaluation and no other component would have changed', (_name, makeConfig) => {
    for (let seed = 1; seed <= 500; seed++) {
      const r = prng(seed);
      const config = makeConfig(r);
      const index = new DependencyIndex(config.components, config.probes);
      const ids = config.components.map((c) => c.id);
      const candidates = config.probes.filter((p) => !p.canary && p.kind !== 'notices');
      const before = new Map(config.probes.map((p) => [p.id, randomState(r, p)]));
      const overlays = randomOverlays(r, ids);
      const full = (states: Map<string, ProbeState>, previous: Map<string, ComponentState>) =>
        evaluate({ now: NOW, components: config.components, probes: config.probes, probeStates: states, previous, settings: SETTINGS, overlays });
      const previous = new Map(full(before, new Map()).components.map((c) => [c.id, c]));
      const changedProbes = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, candidates));
      const after = new Map(before);
      for (const p of changedProbes) after.set(p.id, randomState(r, p));

      const affected = index.affectedBy(changedProbes.map((p) => p.id))!;
      const inputs = index.inputsOf(affected);
      const partial = evaluate({
        now: NOW,
        components: config.components,
        probes: inputs.probes,
        probeStates: only(after, inputs.probes.map((p) => p.id)),
        previous: only(previous, inputs.components),
        settings: SETTINGS,
        overlays,
        only: affected,
      });
      const expected = full(after, previous);
      const judged = new Map(partial.components.map((c) => [c.id, c]));
      expect(judged.size, `seed ${seed}`).toBe(affected.size);
      for (const c of expected.components) {
        if (affected.has(c.id)) expect(judged.get(c.id), `seed ${seed}: ${c.id}`).toEqual(c);
        else expect(c, `seed ${seed}: ${c.id} changed without being judged`).toEqual(previous.get(c.id));
      }
    }
  });
});
