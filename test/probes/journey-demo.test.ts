import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeConfig } from '../../src/config/schema.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { SCENARIOS } from '../../src/demo/scenarios.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import { runProbe } from '../../src/probes/index.ts';

type Journey = Extract<ProbeConfig, { kind: 'journey' }>;

let sim: Simulator;
let journeys: Journey[];

const run = (p: Journey) => runProbe(p, { signal: new AbortController().signal, userAgent: 'ikp-status-test', clock: { now: () => Date.now() } });

beforeAll(async () => {
  sim = await startSimulator();
  journeys = loadDemoConfig(sim.url, {}).probes.filter((p): p is Journey => p.kind === 'journey');
});

afterAll(async () => {
  await sim.close();
});

describe('shipped demo journeys against the simulator', () => {
  it('when no scenario is active, then every demo journey passes every step, with query-free URLs', async () => {
    expect(journeys.map((j) => j.id)).toEqual([
      'journey-pz',
      'journey-pz-bank-pko-bp',
      'journey-pz-bank-santander',
      'journey-mojeid-mbank',
      'journey-mojeid-sgb',
      'journey-mobywatel',
      'journey-e-dowod',
    ]);
    for (const j of journeys) {
      const out = await run(j);
      expect(out, j.id).toMatchObject({ ok: true, reason: 'ok' });
      expect(out.steps?.map((s) => s.id), j.id).toEqual(j.journey.steps.map((s) => s.id));
      for (const s of out.steps ?? []) {
        expect(s.ok).toBe(true);
        expect(s.url).not.toContain('?');
        expect(s.checks.length).toBeGreaterThan(0);
      }
    }
  });

  /** Scenario → for each affected journey: failing step, reason, detail (a prefix) and component; the rest must pass. */
  const CASES: { scenario: string; failing: Record<string, { step: string; reason: string; detail: string; component: string }> }[] = [
    {
      scenario: 'login-gov-chooser-missing-pz',
      failing: Object.fromEntries(
        ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander'].map((id) => [
          id,
          { step: 'login-gov-chooser', reason: 'journey_step_failed', detail: 'method_missing:profil-zaufany', component: 'login-gov' },
        ]),
      ),
    },
    {
      scenario: 'pz-form-changed',
      failing: Object.fromEntries(
        ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander'].map((id) => [
          id,
          // The PZ journey sees the renamed fields; PZ-via-bank journeys pass through the same page.
          { step: 'pz-form', reason: 'page_changed', detail: 'form_fields_missing:loginForm:login,loginForm:hasło', component: 'profil-zaufany' },
        ]),
      ),
    },
    {
      scenario: 'bank-pko-bp-login-down',
      failing: { 'journey-pz-bank-pko-bp': { step: 'bank-login', reason: 'journey_step_failed', detail: 'status:503', component: 'bank:pko-bp' } },
    },
    {
      // Not a login-path break of its own, but the mojeID hand-off must be blamed on mojeID, not on the bank.
      scenario: 'mojeid-outage',
      failing: Object.fromEntries(
        ['journey-mojeid-mbank', 'journey-mojeid-sgb'].map((id) => [id, { step: 'bank-login', reason: 'journey_step_failed', detail: 'connect_reset:', component: 'mojeid' }]),
      ),
    },
    {
      scenario: 'ikp-saml-broken',
      failing: Object.fromEntries(
        ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander', 'journey-mojeid-mbank', 'journey-mojeid-sgb', 'journey-mobywatel', 'journey-e-dowod'].map(
          (id) => [id, { step: 'ikp-entry', reason: 'journey_step_failed', detail: 'saml_not_authn_request:Error', component: 'ikp' }],
        ),
      ),
    },
    {
      scenario: 'login-gov-maintenance-page',
      failing: Object.fromEntries(
        ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander', 'journey-mojeid-mbank', 'journey-mojeid-sgb', 'journey-mobywatel', 'journey-e-dowod'].map(
          (id) => [id, { step: 'login-gov-chooser', reason: 'maintenance_page', detail: 'maintenance_page', component: 'login-gov' }],
        ),
      ),
    },
    {
      scenario: 'waf-block',
      failing: Object.fromEntries(
        ['journey-pz', 'journey-pz-bank-pko-bp', 'journey-pz-bank-santander', 'journey-mojeid-mbank', 'journey-mojeid-sgb', 'journey-mobywatel', 'journey-e-dowod'].map(
          (id) => [id, { step: 'login-gov-chooser', reason: 'blocked', detail: 'waf:incapsula', component: 'login-gov' }],
        ),
      ),
    },
  ];

  it('when the case table is listed, then every breaking scenario of issue 15 has a case', () => {
    expect(CASES.map((c) => c.scenario)).toEqual(
      expect.arrayContaining(['bank-pko-bp-login-down', 'ikp-saml-broken', 'login-gov-chooser-missing-pz', 'login-gov-maintenance-page', 'pz-form-changed', 'waf-block']),
    );
    for (const c of CASES) expect(SCENARIOS[c.scenario], c.scenario).toBeDefined();
  });

  it.each(CASES)('when $scenario is active, then exactly the affected journeys fail at the right step, reason and component', async ({ scenario, failing }) => {
    sim.setScenario(scenario, true);
    try {
      for (const j of journeys) {
        const out = await run(j);
        const want = failing[j.id];
        if (want === undefined) {
          expect(out, `${j.id} should pass`).toMatchObject({ ok: true, reason: 'ok' });
          continue;
        }
        expect(out, j.id).toMatchObject({ ok: false, reason: want.reason, failedStep: { id: want.step, component: want.component } });
        // A reset surfaces as ECONNRESET or UND_ERR_SOCKET depending on timing, so details match by prefix.
        expect(out.detail, j.id).toMatch(new RegExp(`^${want.detail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        const failed = out.steps?.find((s) => !s.ok);
        expect(failed, j.id).toMatchObject({ id: want.step, component: want.component, reason: want.reason });
        // Nothing after the failed step ran.
        expect(out.steps?.at(-1)?.id, j.id).toBe(want.step);
      }
    } finally {
      sim.setScenario(scenario, false);
    }
  });
});
