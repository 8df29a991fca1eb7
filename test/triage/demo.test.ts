import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { createStore } from '../../src/store/create.ts';
import { pollUntil } from '../helpers/poll.ts';

/** The demo config, sped up: every probe each second, two failures make an outage. */
function fastDemoConfig(simUrl: string): Config {
  const c = loadDemoConfig(simUrl, {});
  c.server = { ...c.server, port: 0, host: '127.0.0.1' };
  c.engine = { ...c.engine, evaluateEvery: 1_000, failureThreshold: 2, successThreshold: 1 };
  // Journeys walk four hops each; at a 1 s interval on a loaded machine they would time out and flap.
  // Their effect on statuses is covered at demo intervals by test/e2e/demo.test.ts.
  c.probes = c.probes.filter((p) => p.kind !== 'journey');
  for (const p of c.probes) {
    p.interval = 1_000;
    p.timeout = 800;
    if (p.kind === 'http') p.http = { ...p.http, degradedAfter: undefined, connectTimeout: 500 };
  }
  return c;
}

interface Triage { causes: { code: string }[]; alternatives: { id: string }[] }

describe('demo scenarios through POST /api/v1/triage', () => {
  let sim: Simulator;
  let app: RunningApp;

  const triage = async (body: object): Promise<Triage> => {
    const res = await fetch(`${app.url}/api/v1/triage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as Triage;
  };
  const allOperational = async (): Promise<true | undefined> => {
    const s = (await (await fetch(`${app.url}/api/v1/status`)).json()) as { components: { status: string }[] };
    return s.components.every((c) => c.status === 'operational') ? true : undefined;
  };

  beforeAll(async () => {
    sim = await startSimulator(0);
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    app = await startApp(fastDemoConfig(sim.url), { logger: createLogger('silent'), stores: store });
    await pollUntil('every demo component operational', allOperational, 30_000);
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await sim?.close();
  });

  it('when nothing is switched on, then the triage finds no known cause', async () => {
    expect((await triage({ method: 'profil-zaufany' })).causes[0]?.code).toBe('NO_KNOWN_CAUSE');
  });

  it.each([
    ['pz-outage', { method: 'profil-zaufany' }, 'PZ_UNAVAILABLE'],
    ['login-gov-outage', { method: 'mobywatel' }, 'LOGIN_GOV_UNAVAILABLE'],
    ['mojeid-outage', { method: 'mojeid' }, 'MOJEID_UNAVAILABLE'],
    ['bank-mbank-outage', { method: 'mojeid', bank: 'mbank' }, 'BANK_UNAVAILABLE'],
    ['offline', { method: 'profil-zaufany' }, 'MONITOR_BLIND'],
    ['ikp-maintenance', { method: 'mobywatel' }, 'IKP_MAINTENANCE'],
  ])('when the %s scenario runs, then triage of %j puts %s first', async (scenario, body, first) => {
    sim.setScenario(scenario, true);
    try {
      const result = await pollUntil(`${first} first during ${scenario}`, async () => {
        const r = await triage(body);
        return r.causes[0]?.code === first ? r : undefined;
        // Once a second, as the probes run: polling faster only spends the triage rate limit (60 a minute).
      }, 25_000, 1_000);
      expect(result.causes[0]?.code).toBe(first);
    } finally {
      sim.setScenario(scenario, false);
      await pollUntil(`recovery after ${scenario}`, allOperational, 25_000);
    }
  }, 60_000);

  it('when PZ is down in the demo, then mojeID banks, mObywatel and e-dowód are the alternatives', async () => {
    sim.setScenario('pz-outage', true);
    try {
      const r = await pollUntil('PZ outage', async () => {
        const t = await triage({ method: 'profil-zaufany' });
        return t.causes[0]?.code === 'PZ_UNAVAILABLE' ? t : undefined;
      }, 25_000, 1_000);
      expect(r.alternatives.map((a) => a.id)).toEqual(['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod']);
    } finally {
      sim.setScenario('pz-outage', false);
      await pollUntil('recovery after pz-outage', allOperational, 25_000);
    }
  }, 60_000);
});
