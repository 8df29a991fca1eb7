import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../console/client.ts';
import { pollUntil } from '../helpers/poll.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';

const BIN = path.resolve('bin/ikp-status.js');
// Any 127.x.y.z is loopback on Linux; one other than 127.0.0.1 proves the printed URLs follow HOST.
const HOST = '127.0.0.2';

// A config of one's own: one component, probes on the simulator; nothing of config/demo.yaml may appear.
const OWN_CONFIG = `
store: { snapshotFile: "" }
components:
  - id: ikp
    name: { pl: IKP z mojego pliku, en: IKP from my file }
    homepage: "{{sim}}/pacjent/"
loginMethods:
  - id: mobywatel
    name: { pl: aplikacja mObywatel, en: mObywatel app }
    path: [ikp]
probes:
  - { id: canary, kind: http, canary: true, interval: 5s, timeout: 3s, http: { url: "{{sim}}/canary/", expectStatus: [204] } }
  - { id: ikp-home, kind: http, component: ikp, interval: 5s, timeout: 3s, http: { url: "{{sim}}/pacjent/ikp/" } }
`;

interface Printed {
  page: string;
  console: string;
  api: string;
  token: string;
  simulator: string;
  scenarioCommand: string;
}

/** Reads the block the demo prints once it runs (the lines a person would copy). */
function printed(out: string): Printed | undefined {
  const field = (label: string): string | undefined => new RegExp(`^ {2}${label}: +(\\S.*?)\\s*$`, 'm').exec(out)?.[1];
  const scenario = field('switch a scenario');
  const values = { page: field('status page'), console: field('operator console'), api: field('API'), token: field('operator token'), simulator: field('simulator') };
  if (scenario === undefined || Object.values(values).some((v) => v === undefined)) return undefined;
  return { ...(values as Omit<Printed, 'scenarioCommand'>), scenarioCommand: scenario.replace(/\s+\(add --off.*$/, '') };
}

describe('ikp-status demo with --config, HOST and a free simulator port', () => {
  let demo: SpawnedApp;
  let shown: Printed;
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'ikp-demo-cli-'));

  beforeAll(async () => {
    const file = path.join(cwd, 'my-demo.yaml');
    writeFileSync(file, OWN_CONFIG);
    // DEMO_SIM_PORT=0: the simulator gets whatever port is free, so the printed command must carry it.
    demo = await spawnApp({ HOST, DEMO_SIM_PORT: '0' }, { args: ['demo', '--config', file], cwd });
    shown = await pollUntil('the demo to print its URLs and token', async () => printed(demo.output()), 30_000);
  }, 60_000);

  afterAll(async () => {
    await demo?.stop();
  });

  it('when it starts, then it prints page, console and API URLs on HOST and serves the given file as written, {{sim}} filled in', async () => {
    expect(shown.page).toMatch(new RegExp(`^http://${HOST.replaceAll('.', '\\.')}:\\d+/$`));
    expect(shown.console).toBe(`${shown.page}admin`);
    const status = (await (await fetch(shown.api)).json()) as { components: { id: string; name: { pl: string }; homepage: string }[] };
    const simBase = shown.simulator.replace(/\/_control$/, '');
    expect(status.components).toEqual([expect.objectContaining({ id: 'ikp', name: expect.objectContaining({ pl: 'IKP z mojego pliku' }), homepage: `${simBase}/pacjent/` })]);
    expect((await fetch(shown.page)).status).toBe(200);
  });

  it('when the printed operator token is used, then it signs in to the printed console and the admin API accepts it', async () => {
    expect(shown.token).toMatch(/^ikp_[A-Za-z0-9_-]{43}$/);
    const operator = new ConsoleClient(shown.page.replace(/\/$/, ''));
    const signedIn = await operator.signIn(shown.token);
    expect(signedIn.status).toBe(303);
    const dashboard = await operator.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('action="/admin/sign-out"');
    const api = `${shown.page}api/v1/admin/incidents`;
    expect((await fetch(api, { headers: { authorization: `Bearer ${shown.token}` } })).status).toBe(200);
    expect((await fetch(api, { headers: { authorization: `Bearer ${shown.token.slice(0, -2)}xx` } })).status).toBe(401);
    // Printed once, never logged: the token appears in the output exactly where it was shown.
    expect(demo.output().split(shown.token)).toHaveLength(2);
  });

  it('when the printed scenario command is run as printed, then the simulator switches that scenario on, and with --off back off', async () => {
    expect(shown.scenarioCommand).toMatch(/^npx ikp-status demo --scenario pz-outage --sim-port \d+$/);
    const active = async (): Promise<string[]> => ((await (await fetch(shown.simulator)).json()) as { active: string[] }).active;
    expect(await active()).toEqual([]);
    execSync(shown.scenarioCommand, { cwd: path.resolve('.'), stdio: 'pipe' });
    expect(await active()).toEqual(['pz-outage']);
    execSync(`${shown.scenarioCommand} --off`, { cwd: path.resolve('.'), stdio: 'pipe' });
    expect(await active()).toEqual([]);
  }, 60_000);
});

describe('ikp-status demo arguments', () => {
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PORT: '0', DEMO_SIM_PORT: '0', ...env }, timeout: 60_000 });
    return { code: r.status, err: r.stderr };
  };

  it('when --config names a file that does not exist, then the demo exits 1 naming the file', () => {
    const r = run(['demo', '--config', 'no/such/demo.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`config file not found: ${path.resolve('no/such/demo.yaml')}`);
  });

  it('when HOST is not a host name, then the demo exits 1 naming env HOST', () => {
    const r = run(['demo'], { HOST: 'not a host' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('env HOST: must be a host name or an IP address');
  });

  it.each([
    [['demo', '--sim-port', 'abc'], {}, '--sim-port: must be an integer 0-65535'],
    [['demo', '--scenario', 'pz-outage'], { DEMO_SIM_PORT: '70000' }, 'env DEMO_SIM_PORT: must be an integer 0-65535'],
    [['demo', '--frobnicate'], {}, "Unknown option '--frobnicate'"],
  ])('when the demo gets %j with %j, then it exits 2 naming the bad item', (args, env, message) => {
    const r = run(args, env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('usage: ikp-status demo');
  });
});
