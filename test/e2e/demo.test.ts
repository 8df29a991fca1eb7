import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { pollUntil } from '../helpers/poll.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { writeFastDemoConfig } from './fast-demo-file.ts';

interface WindowView {
  kind: string;
  components: string[];
  start: string;
  end: string | null;
  link: string | null;
  title: string;
}

interface Status {
  components: { id: string; status: string; reason: string; rootCause: string | null }[];
  maintenance: { active: WindowView[]; upcoming: WindowView[] };
  loginMethods: { id: string; works: boolean | null; blockedBy: string | null }[];
}

describe('npm run demo', () => {
  let demo: SpawnedApp;
  let simPort: number;
  const bin = path.resolve('bin/ikp-status.js');

  const status = async (): Promise<Status> => (await fetch(`${demo.url}/api/v1/status`)).json() as Promise<Status>;
  const component = (s: Status, id: string) => s.components.find((c) => c.id === id);
  /**
   * Switches a scenario through the simulator's control endpoint, which `ikp-status demo --scenario`
   * calls: each CLI run starts a Node process, and the printed CLI command switching on and off is
   * covered by test/cli/demo-cli.test.ts. Resolves with the scenarios now active.
   */
  const scenario = async (name: string, off = false): Promise<string[]> => {
    const res = await fetch(`http://127.0.0.1:${simPort}/_control/scenarios/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ on: !off }),
    });
    expect(res.status, `switching ${name}`).toBe(200);
    return ((await res.json()) as { active: string[] }).active;
  };

  beforeAll(async () => {
    simPort = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ikp-demo-'));
    // The demo as shipped, with probes every 2 s instead of 5 s and decisions on 2 failures or 1 success.
    demo = await spawnApp({ DEMO_SIM_PORT: String(simPort) }, { args: ['demo', '--config', writeFastDemoConfig(dir)], cwd: dir });
    await pollUntil('all components operational', async () => {
      const s = await status();
      return s.components.every((c) => c.status === 'operational') ? s : undefined;
    }, 90_000);
    // Journeys add seven multi-hop probes to the first round; a loaded CI machine needs the room.
  }, 120_000);

  afterAll(async () => {
    await demo?.stop();
  });

  it('when pz-outage is switched on, then profil-zaufany goes to outage and PZ banks name it as the cause', async () => {
    expect(await scenario('pz-outage')).toContain('pz-outage');
    const s = await pollUntil('profil-zaufany outage', async () => {
      const s = await status();
      return component(s, 'profil-zaufany')?.status === 'outage' ? s : undefined;
    });
    expect(component(s, 'bank:pko-bp')?.rootCause).toBe('profil-zaufany');
    expect(component(s, 'login-gov')?.status).toBe('operational');
    const row = s.loginMethods.find((m) => m.id === 'pz-bank:pko-bp');
    expect(row).toMatchObject({ works: false, blockedBy: 'profil-zaufany' });
    expect(s.loginMethods.find((m) => m.id === 'mojeid:mbank')?.works).toBe(true);
  }, 60_000);

  it('when pz-outage is switched off, then profil-zaufany returns to operational', async () => {
    await scenario('pz-outage', true);
    const s = await pollUntil('profil-zaufany operational', async () => {
      const s = await status();
      return component(s, 'profil-zaufany')?.status === 'operational' ? s : undefined;
    });
    expect(s.loginMethods.find((m) => m.id === 'profil-zaufany')?.works).toBe(true);
  }, 60_000);

  it('when ikp-maintenance is switched on, then ikp is in maintenance (not outage) with the window times and the notice link', async () => {
    await scenario('ikp-maintenance');
    const s = await pollUntil('ikp maintenance', async () => {
      const s = await status();
      return component(s, 'ikp')?.status === 'maintenance' ? s : undefined;
    });
    const w = s.maintenance.active.find((x) => x.components.includes('ikp'));
    expect(w).toBeDefined();
    expect(w!.kind).toBe('maintenance');
    expect(w!.link).toBe(`http://127.0.0.1:${simPort}/pacjent/komunikaty/przerwa-techniczna`);
    // Times are shown in Europe/Warsaw: +01:00 in winter, +02:00 in summer.
    expect(w!.start).toMatch(/T\d\d:00:00\.000\+0[12]:00$/);
    expect(Date.parse(w!.end!) - Date.parse(w!.start)).toBe(2 * 3_600_000);
    const ics = await (await fetch(`${demo.url}/maintenance.ics`)).text();
    const events = Object.values(ical.sync.parseICS(ics)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(events.some((e) => new Date(e.start).getTime() === Date.parse(w!.start))).toBe(true);
  }, 60_000);

  it('when ikp-maintenance is switched off, then the window is withdrawn and ikp is operational again', async () => {
    await scenario('ikp-maintenance', true);
    const s = await pollUntil('ikp operational', async () => {
      const s = await status();
      return component(s, 'ikp')?.status === 'operational' ? s : undefined;
    });
    expect(s.maintenance.active.filter((x) => x.components.includes('ikp'))).toEqual([]);
    const history = (await (await fetch(`${demo.url}/api/v1/maintenance`)).json()) as { history: (WindowView & { state: string })[] };
    expect(history.history.find((x) => x.components.includes('ikp'))?.state).toBe('withdrawn');
  }, 60_000);

  it('when mBank announces maintenance for tomorrow night, then it is listed as upcoming for bank:mbank', async () => {
    await scenario('bank-mbank-maintenance');
    const w = await pollUntil('upcoming mbank window', async () => {
      const s = await status();
      return s.maintenance.upcoming.find((x) => x.components.includes('bank:mbank'));
    });
    expect(w.start).toMatch(/T23:00:00\.000\+0[12]:00$/);
    expect(w.end).toMatch(/T04:00:00\.000\+0[12]:00$/);
    await scenario('bank-mbank-maintenance', true);
  }, 60_000);

  it('when login-gov-chooser-missing-pz is switched on, then PZ methods are red with root cause login-gov, the others stay green, and the page names the step in Polish', async () => {
    await scenario('login-gov-chooser-missing-pz');
    const s = await pollUntil('profil-zaufany blocked by the chooser', async () => {
      const s = await status();
      return component(s, 'profil-zaufany')?.status === 'outage' && s.loginMethods.find((m) => m.id === 'pz-bank:santander')?.works === false ? s : undefined;
    });
    expect(component(s, 'profil-zaufany')?.rootCause).toBe('login-gov');
    expect(component(s, 'login-gov')?.status).not.toBe('outage');
    for (const id of ['profil-zaufany', 'pz-bank:pko-bp', 'pz-bank:santander']) {
      expect(s.loginMethods.find((m) => m.id === id), id).toMatchObject({ works: false, blockedBy: 'login-gov' });
    }
    for (const id of ['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod']) expect(s.loginMethods.find((m) => m.id === id)?.works, id).toBe(true);
    const html = await (await fetch(`${demo.url}/?lang=pl`)).text();
    expect(html).toContain('Logowanie zatrzymuje się na etapie: wybór sposobu logowania na login.gov.pl.');
    await scenario('login-gov-chooser-missing-pz', true);
    await pollUntil('profil-zaufany operational again', async () => {
      const s = await status();
      return component(s, 'profil-zaufany')?.status === 'operational' ? s : undefined;
    });
  }, 90_000);

  it('when an unknown scenario is switched, then the CLI fails and names the known ones', () => {
    const run = spawnSync(process.execPath, [bin, 'demo', '--scenario', 'no-such-scenario'], { env: { ...process.env, DEMO_SIM_PORT: String(simPort) }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('UNKNOWN_SCENARIO');
    for (const known of ['pz-outage', 'ikp-maintenance', 'login-gov-chooser-missing-pz']) expect(run.stdout).toContain(known);
  }, 60_000);
});
