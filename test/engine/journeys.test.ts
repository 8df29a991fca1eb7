import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import type { ProbeReason, ProbeState } from '../../src/domain/types.ts';
import { evaluate } from '../../src/engine/evaluate.ts';
import { loginMatrix } from '../../src/engine/login-matrix.ts';
import { applyResult, initialProbeState } from '../../src/engine/probe-state.ts';

const NOW = 1_700_000_000_000;
const config = loadDemoConfig('http://127.0.0.1:9', {});
const PZ_JOURNEYS = ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander'];
const ALL_JOURNEYS = config.probes.filter((p) => p.kind === 'journey').map((p) => p.id);

function state(id: string, failed?: { step: string; component: string; reason: ProbeReason }): ProbeState {
  const base = { ...initialProbeState(id, NOW - 60_000), lastCheckedAt: NOW - 1_000 };
  if (!failed) return { ...base, status: 'up', lastOk: true, lastReason: 'ok' };
  return { ...base, status: 'down', lastOk: false, lastReason: failed.reason, statusReason: failed.reason, failedStep: { id: failed.step, component: failed.component } };
}

/** Every probe up, then the listed journeys down at the given step. */
function evaluateWith(failing: string[], failed: { step: string; component: string; reason: ProbeReason }) {
  const states = new Map(config.probes.map((p) => [p.id, state(p.id, failing.includes(p.id) ? failed : undefined)]));
  const ev = evaluate({ now: NOW, components: config.components, probes: config.probes, probeStates: states, previous: new Map(), settings: config.engine });
  const byId = new Map(ev.components.map((c) => [c.id, c]));
  return { byId, rows: new Map(loginMatrix(config.loginMethods, byId).map((r) => [r.id, r])) };
}

describe('journey verdicts in the engine', () => {
  it('when the chooser stops offering PZ, then PZ methods are red with root cause login-gov and mojeID, mObywatel and e-dowód still work', () => {
    const { byId, rows } = evaluateWith(PZ_JOURNEYS, { step: 'login-gov-chooser', component: 'login-gov', reason: 'journey_step_failed' });
    // login-gov still serves the other methods, so it is degraded, not down.
    expect(byId.get('login-gov')).toMatchObject({ status: 'degraded', reason: 'journey_step_failed', journeyStep: { step: 'login-gov-chooser' } });
    expect(byId.get('profil-zaufany')).toMatchObject({ status: 'outage', rootCause: 'login-gov', journeyStep: { probe: 'journey-pz', step: 'login-gov-chooser' } });
    for (const id of ['profil-zaufany', 'pz-bank:pko-bp', 'pz-bank:santander']) expect(rows.get(id), id).toMatchObject({ works: false, blockedBy: 'login-gov' });
    for (const id of ['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod']) expect(rows.get(id)?.works, id).toBe(true);
  });

  it.each([
    // [case, failing journeys, failed step, expected status of the hop's component, of the journey's own component]
    ['a bank login page down', ['journey-pz-bank-pko-bp'], { step: 'bank-login', component: 'bank:pko-bp', reason: 'journey_step_failed' }, 'outage', 'outage'],
    // A hop down for everyone blocks every path through it by itself; the journeys' own components keep their status.
    ['IKP SAML broken for everyone', ALL_JOURNEYS, { step: 'ikp-entry', component: 'ikp', reason: 'journey_step_failed' }, 'outage', 'operational'],
    ['a maintenance page at login.gov.pl', ALL_JOURNEYS, { step: 'login-gov-chooser', component: 'login-gov', reason: 'maintenance_page' }, 'maintenance', 'operational'],
    // A hop that cannot be checked is unknown ("nie możemy sprawdzić"), never slower and never down.
    ['a WAF page at login.gov.pl', ALL_JOURNEYS, { step: 'login-gov-chooser', component: 'login-gov', reason: 'blocked' }, 'unknown', 'operational'],
    ['the PZ form renamed', ['journey-pz'], { step: 'pz-form', component: 'profil-zaufany', reason: 'page_changed' }, 'unknown', 'unknown'],
    ['the PZ form renamed, seen by the PZ-via-bank journeys too', PZ_JOURNEYS.slice(1), { step: 'pz-form', component: 'profil-zaufany', reason: 'page_changed' }, 'unknown', 'operational'],
  ] as const)('when %s, then the hop and the journey component get the expected status', (_name, failing, failed, hop, own) => {
    const { byId } = evaluateWith([...failing], failed);
    expect(byId.get(failed.component)?.status).toBe(hop);
    const target = config.probes.find((p) => p.id === failing[0])?.component ?? '';
    expect(byId.get(target)?.status).toBe(own);
    // A WAF never makes anything an outage.
    if (failed.reason === 'blocked') expect([...byId.values()].filter((c) => c.status === 'outage')).toEqual([]);
  });

  it.each([
    ['IKP SAML broken', { step: 'ikp-entry', component: 'ikp', reason: 'journey_step_failed' as const }, 'ikp', 'outage'],
    ['a maintenance page at login.gov.pl', { step: 'login-gov-chooser', component: 'login-gov', reason: 'maintenance_page' as const }, 'login-gov', 'maintenance'],
  ])('when %s for every journey, then every login method is blocked by that hop', (_n, failed, blocker, status) => {
    const { byId, rows } = evaluateWith(ALL_JOURNEYS, failed);
    expect(byId.get(blocker)?.status).toBe(status);
    for (const r of rows.values()) expect(r, r.id).toMatchObject({ works: false, blockedBy: blocker });
  });

  it.each([
    // [case, hop status, PZ status, PZ login row works, when the other journeys last passed the chooser]
    ['the other journeys passed login-gov only before journey-pz went down', 'degraded', 'operational', true, NOW - 9_000],
    ['another journey passed login-gov after journey-pz went down', 'degraded', 'outage', false, NOW - 3_000],
    ['another journey passed login-gov the moment journey-pz went down', 'degraded', 'outage', false, NOW - 6_000],
  ] as const)('when journey-pz fails at the chooser and %s, then login-gov is %s and PZ is %s', (_name, hop, pz, works, othersAt) => {
    // journey-pz went down 6 s ago (demo journeys run every 5 s, each at its own slot).
    const states = new Map(
      config.probes.map((p) => {
        if (p.id === 'journey-pz') {
          const down = state(p.id, { step: 'login-gov-chooser', component: 'login-gov', reason: 'timeout' });
          return [p.id, { ...down, since: NOW - 6_000, lastCheckedAt: NOW - 1_000 }];
        }
        const up = state(p.id);
        return [p.id, p.kind === 'journey' ? { ...up, lastCheckedAt: othersAt } : up];
      }),
    );
    const ev = evaluate({ now: NOW, components: config.components, probes: config.probes, probeStates: states, previous: new Map(), settings: config.engine });
    const byId = new Map(ev.components.map((c) => [c.id, c]));
    expect(byId.get('login-gov')?.status).toBe(hop);
    expect(byId.get('profil-zaufany')?.status).toBe(pz);
    const rows = new Map(loginMatrix(config.loginMethods, byId).map((r) => [r.id, r]));
    expect(rows.get('profil-zaufany')?.works).toBe(works);
    // Never a claim about mObywatel or e-dowód from journey-pz's failure.
    for (const id of ['mobywatel', 'e-dowod']) expect(byId.get(id)?.status, id).toBe('operational');
  });

  it('when a journey fails below the threshold and then recovers, then its failed step follows the status, not the last run', () => {
    const t = { failureThreshold: 2, successThreshold: 1 };
    const fail = { ok: false, degraded: false, reason: 'journey_step_failed' as const, durationMs: 1, probeId: 'j', component: 'login-gov', failedStep: { id: 'login-gov-chooser', component: 'login-gov' } };
    let s = initialProbeState('j', 0);
    s = applyResult(s, { ...fail, at: 1 }, t);
    s = applyResult(s, { ...fail, at: 2 }, t);
    expect(s).toMatchObject({ status: 'down', failedStep: { id: 'login-gov-chooser' } });
    s = applyResult(s, { ok: true, degraded: false, reason: 'ok', durationMs: 1, probeId: 'j', component: 'profil-zaufany', at: 3 }, t);
    expect(s.status).toBe('up');
    expect(s.failedStep).toBeUndefined();
  });
});
