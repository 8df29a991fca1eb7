import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { pollUntil } from '../helpers/poll.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';

interface Status {
  components: { id: string; status: string; rootCause: string | null }[];
  loginMethods: { id: string; works: boolean | null; blockedBy: string | null }[];
}

describe('npm run demo', () => {
  let demo: SpawnedApp;
  let simPort: number;
  const bin = path.resolve('bin/ikp-status.js');

  const status = async (): Promise<Status> => (await fetch(`${demo.url}/api/v1/status`)).json() as Promise<Status>;
  const component = (s: Status, id: string) => s.components.find((c) => c.id === id);
  const scenario = (name: string, off = false): string =>
    execFileSync(process.execPath, [bin, 'demo', '--scenario', name, ...(off ? ['--off'] : [])], {
      env: { ...process.env, DEMO_SIM_PORT: String(simPort) },
    }).toString();

  beforeAll(async () => {
    simPort = await freePort();
    demo = await spawnApp({ DEMO_SIM_PORT: String(simPort) }, { args: ['demo'], cwd: mkdtempSync(path.join(os.tmpdir(), 'ikp-demo-')) });
    await pollUntil('all components operational', async () => {
      const s = await status();
      return s.components.every((c) => c.status === 'operational') ? s : undefined;
    });
  }, 60_000);

  afterAll(async () => {
    await demo?.stop();
  });

  it('when pz-outage is switched on, then profil-zaufany goes to outage and PZ banks name it as the cause', async () => {
    expect(scenario('pz-outage')).toContain('pz-outage');
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
    scenario('pz-outage', true);
    const s = await pollUntil('profil-zaufany operational', async () => {
      const s = await status();
      return component(s, 'profil-zaufany')?.status === 'operational' ? s : undefined;
    });
    expect(s.loginMethods.find((m) => m.id === 'profil-zaufany')?.works).toBe(true);
  }, 60_000);

  it('when an unknown scenario is switched, then the CLI fails and names the known ones', () => {
    expect(() => scenario('no-such-scenario')).toThrow();
  });
});
