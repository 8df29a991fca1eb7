import { describe, it, expect } from 'vitest';
import { applyResult, initialProbeState, thresholdsFor } from '../../src/engine/probe-state.ts';
import type { ProbeReason, ProbeResult, ProbeState } from '../../src/domain/types.ts';

const T0 = 1_700_000_000_000;
const STEP = 60_000;

/** F = failure, S = fast success, W = slow (degraded) success. */
type Step = 'F' | 'S' | 'W';
const REASON: Record<Step, ProbeReason> = { F: 'timeout', S: 'ok', W: 'slow' };

function result(step: Step, i: number): ProbeResult {
  return {
    probeId: 'p',
    component: 'login-gov',
    at: T0 + (i + 1) * STEP,
    ok: step !== 'F',
    degraded: step === 'W',
    reason: REASON[step],
    durationMs: 100 + i,
  };
}

function startIn(status: ProbeState['status']): ProbeState {
  return { ...initialProbeState('p', T0), status, lastCheckedAt: status === 'unknown' ? null : T0 };
}

function run(start: ProbeState['status'], steps: string, f: number, s: number): ProbeState[] {
  const out: ProbeState[] = [];
  let st = startIn(start);
  steps.split(' ').forEach((step, i) => {
    st = applyResult(st, result(step as Step, i), { failureThreshold: f, successThreshold: s });
    out.push(st);
  });
  return out;
}

describe('applyResult threshold state machine', () => {
  const cases: Array<[string, ProbeState['status'], string, number, number, string]> = [
    ['unknown, failures reach the threshold', 'unknown', 'F F F', 3, 2, 'unknown unknown down'],
    ['unknown, a success breaks the failure run', 'unknown', 'F F S F F', 3, 2, 'unknown unknown up up up'],
    ['unknown, success only after failures', 'unknown', 'F F W', 3, 2, 'unknown unknown degraded'],
    ['unknown, first fast success', 'unknown', 'S', 3, 2, 'up'],
    ['unknown, first slow success', 'unknown', 'W', 3, 2, 'degraded'],
    ['up, failures below the threshold', 'up', 'F F', 3, 2, 'up up'],
    ['up, failures reach the threshold', 'up', 'F F F', 3, 2, 'up up down'],
    ['up, interrupted failures', 'up', 'F F S F F', 3, 2, 'up up up up up'],
    ['degraded, failures reach the threshold', 'degraded', 'F F F', 3, 2, 'degraded degraded down'],
    ['down, one success', 'down', 'S', 3, 2, 'down'],
    ['down, two successes', 'down', 'S S', 3, 2, 'down up'],
    ['down, successes ending slow', 'down', 'S W', 3, 2, 'down degraded'],
    ['down, success interrupted by a failure', 'down', 'S F S S', 3, 2, 'down down down up'],
    ['up, slow runs below the threshold', 'up', 'W W', 3, 2, 'up up'],
    ['up, slow runs reach the threshold', 'up', 'W W W', 3, 2, 'up up degraded'],
    ['up, slow run broken by a fast one', 'up', 'W W S W W', 3, 2, 'up up up up up'],
    ['up, slow run broken by a failure', 'up', 'W W F W', 3, 2, 'up up up up'],
    ['degraded, one fast run', 'degraded', 'S', 3, 2, 'degraded'],
    ['degraded, fast runs reach the threshold', 'degraded', 'S S', 3, 2, 'degraded up'],
    ['degraded, fast run broken by a slow one', 'degraded', 'S W S', 3, 2, 'degraded degraded degraded'],
    ['thresholds 1/1, flapping', 'unknown', 'F S F W S', 1, 1, 'down up down degraded up'],
    ['thresholds 1/1, from up', 'up', 'W S F', 1, 1, 'degraded up down'],
  ];

  it.each(cases)('when %s (%s + "%s", thresholds %i/%i), then statuses are %s', (_name, start, steps, f, s, expected) => {
    expect(run(start, steps, f, s).map((x) => x.status).join(' ')).toBe(expected);
  });
});

describe('applyResult bookkeeping', () => {
  it('when a probe is new, then it is unknown with zeroed counters', () => {
    expect(initialProbeState('p', T0)).toEqual({
      probeId: 'p',
      status: 'unknown',
      consecutiveFailures: 0,
      consecutiveSuccesses: 0,
      consecutiveSlow: 0,
      consecutiveFast: 0,
      lastOk: false,
      lastReason: 'ok',
      lastCheckedAt: null,
      since: T0,
    });
  });

  it('when results arrive, then counters reset across kinds', () => {
    const states = run('up', 'F F W W S', 3, 2);
    const counters = states.map((s) => [s.consecutiveFailures, s.consecutiveSuccesses, s.consecutiveSlow, s.consecutiveFast]);
    expect(counters).toEqual([
      [1, 0, 0, 0],
      [2, 0, 0, 0],
      [0, 1, 1, 0],
      [0, 2, 2, 0],
      [0, 3, 0, 1],
    ]);
  });

  it('when the status holds, then since is kept; when it changes, then since is the result time', () => {
    const states = run('up', 'F F F F', 3, 2);
    expect(states.map((s) => s.since)).toEqual([T0, T0, T0 + 3 * STEP, T0 + 3 * STEP]);
  });

  it('when a result is applied, then the latest run is recorded', () => {
    const st = applyResult(initialProbeState('p', T0), { ...result('F', 0), detail: 'HTTP 503' }, { failureThreshold: 3, successThreshold: 2 });
    expect(st).toMatchObject({ lastOk: false, lastReason: 'timeout', lastDetail: 'HTTP 503', lastCheckedAt: T0 + STEP, lastDurationMs: 100 });
    const next = applyResult(st, result('S', 1), { failureThreshold: 3, successThreshold: 2 });
    expect(next.lastDetail).toBeUndefined();
    expect(next.lastOk).toBe(true);
  });

  it('when a down probe starts recovering, then statusReason still names the failure', () => {
    const states = run('up', 'F F F S S', 3, 2);
    expect(states.map((s) => `${s.status}/${s.lastReason}/${s.statusReason}`)).toEqual([
      'up/timeout/undefined',
      'up/timeout/undefined',
      'down/timeout/timeout',
      'down/ok/timeout',
      'up/ok/ok',
    ]);
  });

  it('when a result is older than the latest applied one, then the state is unchanged', () => {
    const st = applyResult(initialProbeState('p', T0), result('S', 5), { failureThreshold: 1, successThreshold: 1 });
    expect(applyResult(st, result('F', 1), { failureThreshold: 1, successThreshold: 1 })).toBe(st);
  });
});

describe('thresholdsFor', () => {
  it.each([
    [{}, { failureThreshold: 3, successThreshold: 2 }],
    [{ failureThreshold: 5 }, { failureThreshold: 5, successThreshold: 2 }],
    [{ failureThreshold: 1, successThreshold: 4 }, { failureThreshold: 1, successThreshold: 4 }],
  ])('when the probe sets %j, then thresholds are %j', (probe, expected) => {
    expect(thresholdsFor(probe, { failureThreshold: 3, successThreshold: 2 })).toEqual(expected);
  });
});
