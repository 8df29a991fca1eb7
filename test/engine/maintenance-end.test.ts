import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import type { Override } from '../../src/domain/overrides.ts';
import type { ComponentState, MaintenanceWindow, ProbeState } from '../../src/domain/types.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { loginMatrix } from '../../src/engine/login-matrix.ts';
import { maintenanceEnds } from '../../src/engine/maintenance-ends.ts';
import { initialProbeState } from '../../src/engine/probe-state.ts';

const S = 1_000;
const NOW = 1_700_000_000_000;
/** The window over IKP (or login.gov.pl) ended 4 s ago; demo probes run every 5 s, 3 failures make an outage. */
const END = NOW - 4 * S;
const config = loadDemoConfig('http://127.0.0.1:9', {});
const JOURNEYS = config.probes.filter((p) => p.kind === 'journey').map((p) => p.id);

const up = (id: string): ProbeState => ({ ...initialProbeState(id, NOW - 600 * S), status: 'up', lastOk: true, lastReason: 'ok', lastCheckedAt: NOW - S });

/**
 * A probe that went down during the window (failures every 5 s from 60 s before the end) and then
 * saw `after`: 'f' a failure, 'p' a pass, one run per 5 s after the end.
 */
function downDuringWindow(id: string, after: string, failedStep?: { id: string; component: string }): ProbeState {
  let st: ProbeState = {
    ...initialProbeState(id, NOW - 600 * S),
    status: 'down',
    since: END - 50 * S,
    consecutiveFailures: 12,
    lastOk: false,
    lastReason: failedStep ? 'journey_step_failed' : 'http_status',
    statusReason: failedStep ? 'journey_step_failed' : 'http_status',
    lastCheckedAt: END - 2 * S,
    failedAt: [END - 12 * S, END - 7 * S, END - 2 * S],
    ...(failedStep ? { failedStep } : {}),
  };
  [...after].forEach((run, i) => {
    const at = END + (1 + 5 * i) * S;
    st = run === 'f'
      ? { ...st, lastOk: false, lastCheckedAt: at, consecutiveFailures: st.consecutiveFailures + 1, consecutiveSuccesses: 0, failedAt: [...(st.failedAt ?? []), at].slice(-3) }
      : { ...st, lastOk: true, lastReason: 'ok', lastCheckedAt: at, consecutiveFailures: 0, consecutiveSuccesses: st.consecutiveSuccesses + 1 };
  });
  return st;
}

function run(down: Record<string, ProbeState>, ended: Map<string, number>, now = NOW) {
  const states = new Map(config.probes.map((p) => [p.id, down[p.id] ?? up(p.id)]));
  const ev = evaluate({ now, components: config.components, probes: config.probes, probeStates: states, previous: new Map(), settings: config.engine, overlays: { maintenance: new Map(), outageNotices: new Set(), maintenanceEnded: ended } });
  const byId = new Map<string, ComponentState>(ev.components.map((c) => [c.id, c]));
  return { byId, rows: loginMatrix(config.loginMethods, byId) };
}

const IKP_STEP = { id: 'ikp-entry', component: 'ikp' };
const ikpWindow = new Map([['ikp', END]]);
/** IKP's own probe and every journey (each passes through IKP) went down during the window; then each saw its runs. */
const ikpDown = (home: string, journeys: string, step = IKP_STEP, homeProbe = 'ikp-home') => ({
  ...Object.fromEntries(JOURNEYS.map((id) => [id, downDuringWindow(id, journeys, step)])),
  [homeProbe]: downDuringWindow(homeProbe, home),
});

describe('after a maintenance window ends, failures seen during it are not carried over', () => {
  it.each([
    { name: 'no check has run since the end', down: ikpDown('', ''), ikp: 'unknown/awaiting_check' },
    { name: "IKP's own probe passed once since the end (below the success threshold)", down: ikpDown('p', ''), ikp: 'operational/ok' },
    { name: 'the journeys through IKP passed once since the end', down: ikpDown('', 'p'), ikp: 'operational/ok' },
    { name: 'every probe failed once since the end (below the failure threshold)', down: ikpDown('f', 'f'), ikp: 'unknown/awaiting_check' },
    { name: 'every probe failed twice since the end', down: ikpDown('ff', 'ff'), ikp: 'unknown/awaiting_check' },
  ])('when $name, then IKP is $ikp and no component or login row is called down', ({ down, ikp }) => {
    // Evaluated just after the latest run (and never before NOW).
    const { byId, rows } = run(down, ikpWindow, Math.max(NOW, ...Object.values(down).map((st) => (st.lastCheckedAt ?? 0) + S)));
    const c = byId.get('ikp');
    expect(`${c?.status}/${c?.reason}`).toBe(ikp);
    expect([...byId.values()].filter((x) => x.status === 'outage').map((x) => x.id)).toEqual([]);
    expect(rows.filter((r) => r.works === false).map((r) => r.id)).toEqual([]);
  });

  it('when the service is still down after the window, then it is unknown until it failed as often as its threshold since the end, then an outage', () => {
    const seen = ['f', 'ff', 'fff'].map((runs) => {
      const down = ikpDown(runs, runs);
      const { byId, rows } = run(down, ikpWindow, (down['ikp-home']?.lastCheckedAt ?? 0) + S);
      return { status: byId.get('ikp')?.status, step: byId.get('ikp')?.journeyStep?.step, rowsDown: rows.filter((r) => r.works === false).length };
    });
    expect(seen).toEqual([
      { status: 'unknown', step: undefined, rowsDown: 0 },
      { status: 'unknown', step: undefined, rowsDown: 0 },
      { status: 'outage', step: 'ikp-entry', rowsDown: loginMatrix(config.loginMethods, new Map()).length },
    ]);
  });

  it('when a window over login.gov.pl ended, then the components depending on it are not given it as a root cause until a check since says so', () => {
    const { byId } = run(ikpDown('', '', { id: 'login-gov-chooser', component: 'login-gov' }, 'login-gov-home'), new Map([['login-gov', END]]));
    expect(byId.get('login-gov')).toMatchObject({ status: 'unknown', reason: 'awaiting_check' });
    for (const id of ['ikp', 'profil-zaufany', 'mojeid', 'bank:pko-bp']) expect(byId.get(id)?.rootCause, id).toBeNull();
  });
});

const H = 3_600_000;
const T = Date.parse('2026-12-07T14:00:00+01:00');
const win = (id: string, over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  id,
  source: 'pacjent-notices',
  noticeKey: id,
  kind: 'maintenance',
  components: [id],
  start: T - 2 * H,
  end: T - H,
  title: '',
  text: '',
  link: null,
  publishedAt: null,
  firstSeenAt: T - 3 * H,
  lastSeenAt: T - 3 * H,
  updatedAt: T - 3 * H,
  state: 'announced',
  ...over,
});
const override = (component: string, status: Override['status'], expiresAt: number): Override => ({ component, status, reason: 'r', createdBy: 'op', createdAt: T - 2 * H, expiresAt });

describe('maintenanceEnds', () => {
  it('when windows and overrides ended, were called off or never applied, then each component has the instant its last maintenance stopped', () => {
    const ends = maintenanceEnds(
      [
        win('ended', {}),
        win('still-on', { end: T + H }),
        win('to-come', { start: T + H, end: T + 2 * H }),
        // The source dropped it mid-window: it stopped then, not at its announced end.
        win('withdrawn', { state: 'withdrawn', withdrawnFrom: 'announced', updatedAt: T - 90 * 60_000, end: T + H }),
        win('withdrawn-before-start', { state: 'withdrawn', updatedAt: T - 3 * H }),
        win('cancelled', { state: 'cancelled', updatedAt: T - 100 * 60_000, end: T + H }),
        win('rejected', { state: 'cancelled', updatedAt: T - 100 * 60_000, review: { decision: 'rejected', by: 'op', at: T - 100 * 60_000 } }),
        win('suggestion-withdrawn', { state: 'withdrawn', withdrawnFrom: 'pending', updatedAt: T - 90 * 60_000 }),
        win('pending', { state: 'pending' }),
        win('outage-notice', { kind: 'outage' }),
        win('two', { end: T - 90 * 60_000 }),
        { ...win('two', { end: T - 30 * 60_000 }), id: 'two-later' },
        // Open-ended: in force for 12 h at most.
        win('open', { start: T - 13 * H, end: null }),
      ],
      [override('forced-maintenance', 'maintenance', T - 10 * 60_000), override('forced-outage', 'outage', T - 10 * 60_000), override('maintenance-on', 'maintenance', T + H)],
      T,
    );
    expect(Object.fromEntries(ends)).toEqual({
      ended: T - H,
      withdrawn: T - 90 * 60_000,
      cancelled: T - 100 * 60_000,
      two: T - 30 * 60_000,
      open: T - H,
      'forced-maintenance': T - 10 * 60_000,
    });
  });
});

describe('an operator override that ends', () => {
  it('when an override expired, then only a forced maintenance needs a check since its end: the probes measured the real service under the others', () => {
    const seen = (['maintenance', 'outage', 'operational'] as const).map((status) => {
      const ends = maintenanceEnds([], [{ component: 'ikp', status, reason: 'r', createdBy: 'op', createdAt: END - H, expiresAt: END }], NOW);
      const c = run(ikpDown('', ''), ends).byId.get('ikp');
      return [status, `${c?.status}/${c?.reason}`];
    });
    expect(Object.fromEntries(seen)).toEqual({
      // A forced maintenance is a window by hand: what it explained is not carried over.
      maintenance: 'unknown/awaiting_check',
      // The operator overruled the page, not the service: the probes' evidence stands.
      outage: 'outage/journey_step_failed',
      operational: 'outage/journey_step_failed',
    });
  });
});
