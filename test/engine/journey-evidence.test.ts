import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import type { ComponentState, ProbeReason, ProbeState } from '../../src/domain/types.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { loginMatrix } from '../../src/engine/login-matrix.ts';
import { initialProbeState } from '../../src/engine/probe-state.ts';

const S = 1_000;
const NOW = 1_700_000_000_000;
const config = loadDemoConfig('http://127.0.0.1:9', {});
const JOURNEYS = config.probes.filter((p) => p.kind === 'journey').map((p) => p.id);
const CHOOSER = { id: 'login-gov-chooser', component: 'login-gov' };
const PZ_FORM = { id: 'pz-form', component: 'profil-zaufany' };

/** A passing probe: up since `since` s ago, latest run `at` s ago. */
const up = (id: string, at = 1, since = 600): ProbeState => ({ ...initialProbeState(id, NOW - since * S), status: 'up', lastOk: true, lastReason: 'ok', lastCheckedAt: NOW - at * S });

/** A probe down since `since` s ago whose latest failure was `failed` s ago; `passedAt`: a pass since (still down, climbing back). */
function down(id: string, reason: ProbeReason, step: { id: string; component: string } | null, o: { failed: number; since?: number; passedAt?: number }): ProbeState {
  const failedAt = NOW - o.failed * S;
  return {
    ...initialProbeState(id, NOW - 600 * S),
    status: 'down',
    since: NOW - (o.since ?? 60) * S,
    consecutiveFailures: o.passedAt === undefined ? 5 : 0,
    consecutiveSuccesses: o.passedAt === undefined ? 0 : 1,
    lastOk: o.passedAt !== undefined,
    lastReason: o.passedAt === undefined ? reason : 'ok',
    statusReason: reason,
    lastCheckedAt: o.passedAt === undefined ? failedAt : NOW - o.passedAt * S,
    failedAt: [failedAt - 10 * S, failedAt - 5 * S, failedAt],
    ...(step ? { failedStep: step } : {}),
  };
}

/** Every probe passing a second ago except those given; the states of `ids` as `status/reason` and their login rows' `works`. */
function judge(states: Record<string, ProbeState>, ids: string[], rowIds: string[] = []) {
  const all = new Map(config.probes.map((p) => [p.id, states[p.id] ?? up(p.id)]));
  const ev = evaluate({ now: NOW, components: config.components, probes: config.probes, probeStates: all, previous: new Map(), settings: config.engine });
  const byId = new Map<string, ComponentState>(ev.components.map((c) => [c.id, c]));
  const rows = new Map(loginMatrix(config.loginMethods, byId).map((r) => [r.id, r.works]));
  return [...ids.map((id) => `${id} ${byId.get(id)?.status}/${byId.get(id)?.reason}`), ...rowIds.map((id) => `row ${id} ${rows.get(id)}`)];
}

const allAt = (reason: ProbeReason, step: { id: string; component: string }, failed = 1): Record<string, ProbeState> =>
  Object.fromEntries(JOURNEYS.map((id) => [id, down(id, reason, step, { failed })]));

describe('a hop the journeys cannot check', () => {
  it('when a hop answered with a WAF page or changed markup, then it is unknown with that reason above "works" and an older pass, and below anything measured', () => {
    const cases: [string, Record<string, ProbeState>, string[], string[]][] = [
      // The login.gov.pl host answers (its plain probe passes) but every journey meets a WAF there.
      ['every journey blocked at the chooser', allAt('blocked', CHOOSER), ['login-gov'], ['profil-zaufany', 'mobywatel', 'mojeid:mbank']],
      ['the PZ form renamed', { 'journey-pz': down('journey-pz', 'page_changed', PZ_FORM, { failed: 1 }) }, ['profil-zaufany'], ['profil-zaufany']],
      // Other journeys passed the chooser, but before this block: the block is the newer evidence.
      ['journey-pz blocked at the chooser after the others passed it', {
        ...Object.fromEntries(JOURNEYS.map((id) => [id, up(id, 3)])),
        'journey-pz': down('journey-pz', 'blocked', CHOOSER, { failed: 1 }),
      }, ['login-gov'], []],
      // A pass through the hop after the block is newer: the hop was checked since.
      ['journey-pz blocked at the chooser before another journey passed it', {
        ...Object.fromEntries(JOURNEYS.map((id) => [id, up(id, 1)])),
        'journey-pz': down('journey-pz', 'blocked', CHOOSER, { failed: 3 }),
      }, ['login-gov'], []],
      // Measured trouble outranks a hop that could not be checked.
      ['every journey blocked at the chooser while login.gov.pl times out', { ...allAt('blocked', CHOOSER), 'login-gov-home': down('login-gov-home', 'timeout', null, { failed: 1 }) }, ['login-gov'], ['profil-zaufany']],
      ['every journey blocked at the chooser while login.gov.pl is slow', { ...allAt('blocked', CHOOSER), 'login-gov-home': { ...up('login-gov-home'), status: 'degraded', lastReason: 'slow', statusReason: 'slow' } }, ['login-gov'], []],
      ['every journey blocked at the chooser while its maintenance page shows to one', { ...allAt('blocked', CHOOSER), 'journey-pz': down('journey-pz', 'maintenance_page', CHOOSER, { failed: 1 }) }, ['login-gov'], []],
    ];
    const seen = Object.fromEntries(cases.map(([name, states, ids, rows]) => [name, judge(states, ids, rows)]));
    expect(seen).toEqual({
      'every journey blocked at the chooser': ['login-gov unknown/blocked', 'row profil-zaufany null', 'row mobywatel null', 'row mojeid:mbank null'],
      'the PZ form renamed': ['profil-zaufany unknown/page_changed', 'row profil-zaufany null'],
      'journey-pz blocked at the chooser after the others passed it': ['login-gov unknown/blocked'],
      'journey-pz blocked at the chooser before another journey passed it': ['login-gov operational/ok'],
      'every journey blocked at the chooser while login.gov.pl times out': ['login-gov outage/timeout', 'row profil-zaufany false'],
      'every journey blocked at the chooser while login.gov.pl is slow': ['login-gov degraded/slow'],
      'every journey blocked at the chooser while its maintenance page shows to one': ['login-gov maintenance/maintenance_page'],
    });
  });
});

describe('a journey failure and a newer pass', () => {
  // PZ was down for every journey; it came back. journey-pz passed again and is up since 2 s ago.
  const recovered = { 'journey-pz': up('journey-pz', 2, 2) };
  it('when a journey failed before the hop recovered and another journey passed it since, then the failure no longer outranks the pass', () => {
    /** journey-pz keeps failing at the chooser (no PZ tile), as do the PZ-via-bank journeys; the others pass it at their own slots. */
    const chooserWithoutPz = (othersAt: number) => {
      const states: Record<string, ProbeState> = Object.fromEntries(JOURNEYS.map((id) => [id, up(id, othersAt)]));
      for (const id of ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander']) states[id] = down(id, 'journey_step_failed', CHOOSER, { failed: 2.5 });
      return states;
    };
    const cases: [string, Record<string, ProbeState>, string[]][] = [
      // The santander journey failed 5 s ago and passed once 1 s ago (still below its success threshold).
      ['the santander journey passed once since', { ...recovered, 'journey-pz-bank-santander': down('journey-pz-bank-santander', 'journey_step_failed', PZ_FORM, { failed: 5, passedAt: 1 }) }, ['bank:santander', 'profil-zaufany']],
      // Its latest run is still the failure 5 s ago, but journey-pz's passing began after it.
      ['the santander journey has not run since', { ...recovered, 'journey-pz-bank-santander': down('journey-pz-bank-santander', 'journey_step_failed', PZ_FORM, { failed: 5 }) }, ['bank:santander', 'profil-zaufany']],
      // The failure 1 s ago is newer than journey-pz's recovery: the hop works for journey-pz but not for this bank's path.
      ['the santander journey failed again after the other passed', { ...recovered, 'journey-pz-bank-santander': down('journey-pz-bank-santander', 'journey_step_failed', PZ_FORM, { failed: 1 }) }, ['bank:santander', 'profil-zaufany']],
      // The others' passes are newer than journey-pz's latest failure, but they have passed all along: nothing recovered.
      ['the chooser lost the PZ tile and the others passed it after the latest PZ failure', chooserWithoutPz(1), ['login-gov', 'profil-zaufany']],
      ['the chooser lost the PZ tile and the others passed it before the latest PZ failure', chooserWithoutPz(4), ['login-gov', 'profil-zaufany']],
    ];
    const seen = Object.fromEntries(cases.map(([name, states, ids]) => [name, judge(states, ids)]));
    expect(seen).toEqual({
      'the santander journey passed once since': ['bank:santander operational/ok', 'profil-zaufany operational/ok'],
      'the santander journey has not run since': ['bank:santander operational/ok', 'profil-zaufany operational/ok'],
      'the santander journey failed again after the other passed': ['bank:santander outage/journey_step_failed', 'profil-zaufany degraded/journey_step_failed'],
      'the chooser lost the PZ tile and the others passed it after the latest PZ failure': ['login-gov degraded/journey_step_failed', 'profil-zaufany outage/journey_step_failed'],
      'the chooser lost the PZ tile and the others passed it before the latest PZ failure': ['login-gov degraded/journey_step_failed', 'profil-zaufany outage/journey_step_failed'],
    });
  });
});
