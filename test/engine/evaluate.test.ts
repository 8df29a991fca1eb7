import { describe, it, expect } from 'vitest';
import { evaluate, type EvaluateInput, type Overlays } from '../../src/engine/evaluate.ts';
import { findRootCause } from '../../src/engine/root-cause.ts';
import { initialProbeState } from '../../src/engine/probe-state.ts';
import { componentSchema, probeSchema, type ProbeConfig } from '../../src/config/schema.ts';
import type { ComponentState, ComponentStatus, ProbeReason, ProbeState } from '../../src/domain/types.ts';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

const component = (id: string, dependsOn: string[] = []) => componentSchema.parse({ id, name: { pl: id, en: id }, dependsOn });
const probe = (id: string, opts: { component?: string; canary?: boolean; interval?: string } = {}): ProbeConfig =>
  probeSchema.parse({ id, kind: 'http', interval: opts.interval ?? '1m', timeout: '10s', http: { url: 'http://127.0.0.1/' }, ...opts });

const COMPONENTS = [
  component('login-gov'),
  component('profil-zaufany', ['login-gov']),
  component('bank:pko-bp', ['profil-zaufany']),
  component('ikp', ['login-gov']),
];
const PROBES = [
  probe('canary-a', { canary: true }),
  probe('canary-b', { canary: true }),
  probe('login', { component: 'login-gov' }),
  probe('pz', { component: 'profil-zaufany' }),
  probe('pz-slow-lane', { component: 'profil-zaufany', interval: '10m' }),
  probe('pko', { component: 'bank:pko-bp' }),
];

/** `up`, `down:timeout`, `degraded:slow`, `unknown` with an optional age in minutes: `down:timeout@5`. */
function ps(id: string, spec: string): ProbeState {
  const [head = '', age = '1'] = spec.split('@');
  const [status = 'up', reason] = head.split(':') as [ProbeState['status'], ProbeReason | undefined];
  const lastOk = status === 'up' || status === 'degraded';
  return { ...initialProbeState(id, NOW - 99 * MIN), status, lastOk, lastReason: reason ?? (lastOk ? 'ok' : 'timeout'), lastCheckedAt: NOW - Number(age) * MIN };
}

function input(states: Record<string, string>, extra: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    now: NOW,
    components: COMPONENTS,
    probes: PROBES,
    probeStates: new Map(Object.entries(states).map(([id, spec]) => [id, ps(id, spec)])),
    previous: new Map(),
    settings: { failureThreshold: 3, successThreshold: 2, staleAfterIntervals: 3 },
    ...extra,
  };
}

const overlays = (maintenance: string[] = [], outageNotices: string[] = []): Overlays => ({
  maintenance: new Map(maintenance.map((id) => [id, { windowId: `w-${id}` }])),
  outageNotices: new Set(outageNotices),
});

function summary(i: EvaluateInput, ids = ['login-gov', 'profil-zaufany', 'bank:pko-bp']): string {
  const byId = new Map(evaluate(i).components.map((c) => [c.id, c]));
  return ids.map((id) => `${byId.get(id)?.status}/${byId.get(id)?.reason}`).join(' ');
}

const CANARY_OK = { 'canary-a': 'up' };

describe('evaluate: status per component', () => {
  const cases: Array<[string, EvaluateInput, string]> = [
    ['all probes up', input({ ...CANARY_OK, login: 'up', pz: 'up', pko: 'up' }), 'operational/ok operational/ok operational/ok'],
    ['one probe down', input({ ...CANARY_OK, login: 'up', pz: 'down:http_status', pko: 'up' }), 'operational/ok outage/http_status operational/ok'],
    ['one probe degraded', input({ ...CANARY_OK, login: 'degraded:tls_expiring', pz: 'up', pko: 'up' }), 'degraded/tls_expiring operational/ok operational/ok'],
    ['worst of two fresh probes wins', input({ ...CANARY_OK, login: 'up', pz: 'up', 'pz-slow-lane': 'down:dns', pko: 'up' }), 'operational/ok outage/dns operational/ok'],
    ['an accumulating probe beside an up one', input({ ...CANARY_OK, login: 'up', pz: 'unknown', 'pz-slow-lane': 'up', pko: 'up' }), 'operational/ok operational/ok operational/ok'],
    ['only accumulating probes', input({ ...CANARY_OK, login: 'unknown:timeout', pz: 'up', pko: 'up' }), 'unknown/no_data operational/ok operational/ok'],
    ['no probe ever ran', input({ ...CANARY_OK }), 'unknown/no_data unknown/no_data unknown/no_data'],
    ['the only probe is stale', input({ ...CANARY_OK, login: 'down@4', pz: 'up', pko: 'up@3' }), 'unknown/stale operational/ok operational/ok'],
    ['one of two probes is stale', input({ ...CANARY_OK, login: 'up', pz: 'down:dns@4', 'pz-slow-lane': 'up@29', pko: 'up' }), 'operational/ok operational/ok operational/ok'],
    ['all of two probes are stale', input({ ...CANARY_OK, login: 'up', pz: 'up@4', 'pz-slow-lane': 'up@31', pko: 'up' }), 'operational/ok unknown/stale operational/ok'],
  ];
  it.each(cases)('when %s, then statuses are as expected', (_n, i, expected) => {
    expect(summary(i)).toBe(expected);
  });

  it('when a component has no probes, then it is unknown/no_data', () => {
    expect(summary(input({ ...CANARY_OK, login: 'up' }), ['ikp'])).toBe('unknown/no_data');
  });

  it('when a down probe is recovering, then the reason is the failure, not ok', () => {
    const i = input({ ...CANARY_OK, login: 'up', pz: 'up', pko: 'up' });
    i.probeStates.set('login', { ...ps('login', 'down'), lastOk: true, lastReason: 'ok', statusReason: 'connect_refused' });
    expect(summary(i, ['login-gov'])).toBe('outage/connect_refused');
  });
});

describe('evaluate: self-connectivity guard', () => {
  const probesDown = { login: 'down', pz: 'down', pko: 'down' };
  const withCanaries = PROBES;
  const noCanaries = PROBES.filter((p) => !p.canary);
  const cases = [
    { when: 'all canaries fail', states: { 'canary-a': 'down', 'canary-b': 'down', ...probesDown }, probes: withCanaries, blind: true, shown: 'unknown/monitor_offline' },
    { when: 'one canary passes', states: { 'canary-a': 'down', 'canary-b': 'up', ...probesDown }, probes: withCanaries, blind: false, shown: 'outage/timeout' },
    { when: 'the only passing canary is stale', states: { 'canary-a': 'down', 'canary-b': 'up@4', ...probesDown }, probes: withCanaries, blind: true, shown: 'unknown/monitor_offline' },
    // Issue 20 item 10: before any canary ran, nothing says the monitor lost its connectivity.
    { when: 'no canary result yet', states: { ...probesDown }, probes: withCanaries, blind: true, shown: 'unknown/no_data' },
    { when: 'canaries only accumulate failures', states: { 'canary-a': 'unknown', ...probesDown }, probes: withCanaries, blind: true, shown: 'unknown/monitor_offline' },
    { when: 'no canaries are configured', states: { ...probesDown }, probes: noCanaries, blind: false, shown: 'outage/timeout' },
  ];
  it.each(cases)('when $when, then blind is $blind and login-gov shows $shown', ({ states, probes, blind, shown }) => {
    const i = input(states, { probes });
    expect(evaluate(i).blind).toBe(blind);
    expect(summary(i, ['login-gov'])).toBe(shown);
  });

  it('when a canary\'s latest run passed while its threshold status is still down, then the monitor is online', () => {
    const i = input({ ...probesDown });
    i.probeStates.set('canary-a', { ...ps('canary-a', 'down'), lastOk: true, lastReason: 'ok' });
    expect(evaluate(i).blind).toBe(false);
  });
});

describe('evaluate: overlays', () => {
  const cases: Array<[string, Record<string, string>, Overlays, string]> = [
    ['maintenance on a down component', { ...CANARY_OK, login: 'down' }, overlays(['login-gov']), 'maintenance/maintenance'],
    ['maintenance while blind', { 'canary-a': 'down', login: 'down' }, overlays(['login-gov']), 'maintenance/maintenance'],
    ['outage notice on an operational component', { ...CANARY_OK, login: 'up' }, overlays([], ['login-gov']), 'degraded/outage_notice'],
    ['outage notice on a component without data', { ...CANARY_OK }, overlays([], ['login-gov']), 'degraded/outage_notice'],
    ['outage notice on a down component', { ...CANARY_OK, login: 'down:dns' }, overlays([], ['login-gov']), 'outage/dns'],
    ['outage notice on a degraded component', { ...CANARY_OK, login: 'degraded:slow' }, overlays([], ['login-gov']), 'degraded/slow'],
    ['outage notice while blind', { 'canary-a': 'down', login: 'up' }, overlays([], ['login-gov']), 'unknown/monitor_offline'],
    ['maintenance and outage notice together', { ...CANARY_OK, login: 'up' }, overlays(['login-gov'], ['login-gov']), 'maintenance/maintenance'],
    ['maintenance on another component', { ...CANARY_OK, login: 'down:dns' }, overlays(['profil-zaufany']), 'outage/dns'],
  ];
  it.each(cases)('when %s, then login-gov is %s', (_n, states, o, expected) => {
    expect(summary(input(states, { overlays: o }), ['login-gov'])).toBe(expected);
  });
});

describe('evaluate: bookkeeping', () => {
  const prev = (status: ComponentStatus, reason: ComponentState['reason'] = 'ok', rootCause: string | null = null): ComponentState => ({
    id: 'login-gov', status, since: NOW - 50 * MIN, lastCheckedAt: NOW - 2 * MIN, reason, rootCause,
  });
  const cases: Array<[string, ComponentState | undefined, string, number, boolean]> = [
    ['status unchanged', prev('operational'), 'up', NOW - 50 * MIN, false],
    ['status changed', prev('outage', 'timeout'), 'up', NOW, true],
    ['only the reason changed', prev('outage', 'timeout'), 'down:dns', NOW - 50 * MIN, true],
    ['only the root cause changed', prev('operational', 'ok', 'mojeid'), 'up', NOW - 50 * MIN, true],
    ['no previous state', undefined, 'up', NOW, true],
  ];
  it.each(cases)('when %s, then since and changed follow', (_n, previous, spec, since, changed) => {
    const e = evaluate(input({ ...CANARY_OK, login: spec }, { previous: new Map(previous ? [['login-gov', previous]] : []) }));
    expect(e.components[0]?.since).toBe(since);
    expect(e.changed.some((c) => c.id === 'login-gov')).toBe(changed);
  });

  it('when probes ran at different times, then lastCheckedAt is the latest and its age is exposed', () => {
    const e = evaluate(input({ ...CANARY_OK, login: 'up@4', pz: 'up@7', 'pz-slow-lane': 'up@2' }));
    expect(e.components.map((c) => c.id)).toEqual(['login-gov', 'profil-zaufany', 'bank:pko-bp', 'ikp']);
    expect(e.components.map((c) => c.lastCheckedAt)).toEqual([NOW - 4 * MIN, NOW - 2 * MIN, null, null]);
    expect([...e.lastCheckAgeMs]).toEqual([['login-gov', 4 * MIN], ['profil-zaufany', 2 * MIN], ['bank:pko-bp', null], ['ikp', null]]);
  });
});

describe('evaluate: root cause', () => {
  const cases: Array<[string, Record<string, string>, Overlays | undefined, Record<string, string | null>]> = [
    ['the whole chain is down', { login: 'down', pz: 'down', pko: 'down' }, undefined,
      { 'login-gov': null, 'profil-zaufany': 'login-gov', 'bank:pko-bp': 'login-gov', ikp: 'login-gov' }],
    ['the middle is up', { login: 'down', pz: 'up', pko: 'down' }, undefined,
      { 'login-gov': null, 'profil-zaufany': 'login-gov', 'bank:pko-bp': 'login-gov', ikp: 'login-gov' }],
    ['only the leaf is down', { login: 'up', pz: 'up', pko: 'down' }, undefined,
      { 'login-gov': null, 'profil-zaufany': null, 'bank:pko-bp': null, ikp: null }],
    ['the middle is under maintenance', { login: 'up', pz: 'up', pko: 'down' }, overlays(['profil-zaufany']),
      { 'login-gov': null, 'profil-zaufany': null, 'bank:pko-bp': 'profil-zaufany', ikp: null }],
  ];
  it.each(cases)('when %s, then root causes are set', (_n, states, o, expected) => {
    const e = evaluate(input({ ...CANARY_OK, ...states }, o ? { overlays: o } : {}));
    expect(Object.fromEntries(e.components.map((c) => [c.id, c.rootCause]))).toEqual(expected);
  });

  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
  const st = (entries: Record<string, ComponentStatus>) => new Map(Object.entries(entries));
  const direct: Array<[string, string, Record<string, ComponentStatus>, Record<string, string[]>, string | null]> = [
    ['a two-node cycle, all down', 'a', { a: 'outage', b: 'outage' }, { a: ['b'], b: ['a'] }, 'b'],
    ['a cycle with a failing exit', 'a', { a: 'outage', b: 'outage', c: 'outage', d: 'maintenance' }, { a: ['b'], b: ['c'], c: ['a', 'd'] }, 'd'],
    ['a self-loop', 'a', { a: 'outage' }, { a: ['a'] }, null],
    ['a diamond with a failing bottom', 'a', { b: 'operational', c: 'outage', d: 'outage' }, { a: ['b', 'c'], b: ['d'], c: ['d'] }, 'd'],
    ['an unknown dependency', 'a', { b: 'unknown' }, { a: ['b'] }, null],
    ['a dependency missing from the graph', 'a', {}, { a: ['ghost'] }, null],
  ];
  it.each(direct)('when %s, then findRootCause returns the deepest failing node', (_n, id, statuses, edges, expected) => {
    expect(findRootCause(id, st(statuses), graph(edges))).toBe(expected);
  });
});
