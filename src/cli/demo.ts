import { parseArgs } from 'node:util';
import { ConfigError } from '../config/load.ts';
import { loadDemoConfig } from '../demo/demo-config.ts';
import { withDemoOperator } from '../demo/operator-token.ts';
import { startSimulator, type Simulator } from '../demo/simulator.ts';
import { startApp } from '../main.ts';
import { runUntilSignal } from './run-until-signal.ts';

/** The simulator's port unless `--sim-port` or DEMO_SIM_PORT says otherwise (the README's commands assume it). */
export const DEFAULT_SIM_PORT = 4100;

const USAGE = 'usage: ikp-status demo [--config FILE] [--sim-port N]\n       ikp-status demo --scenario NAME [--off] [--sim-port N]\n';

/**
 * `ikp-status demo [--config FILE]`: starts the simulator and the monitor against it, with a new
 * operator token for the console and admin API. `ikp-status demo --scenario NAME [--off]`:
 * switches a scenario in the running demo.
 */
export async function demoCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { scenario: { type: 'string' }, off: { type: 'boolean', default: false }, config: { type: 'string' }, 'sim-port': { type: 'string' } },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const simPort = simPortOf(values['sim-port'], process.env.DEMO_SIM_PORT);
  if ('problem' in simPort) {
    process.stderr.write(`${simPort.problem}\n${USAGE}`);
    return 2;
  }
  if (values.scenario !== undefined) return switchScenario(simPort.port, values.scenario, !values.off);
  return runDemo(simPort.port, values.config);
}

/** The simulator port from `--sim-port`, else DEMO_SIM_PORT, else the default; a bad value names where it came from. */
export function simPortOf(option: string | undefined, env: string | undefined): { port: number } | { problem: string } {
  const [source, text] = option !== undefined ? ['--sim-port', option] : env !== undefined && env !== '' ? ['env DEMO_SIM_PORT', env] : [null, null];
  if (text === null) return { port: DEFAULT_SIM_PORT };
  return /^\d{1,5}$/.test(text.trim()) && Number(text) <= 65535 ? { port: Number(text) } : { problem: `${source}: must be an integer 0-65535` };
}

async function runDemo(simPort: number, configFile: string | undefined): Promise<number> {
  const sim = await startSimulator(simPort);
  let demo;
  try {
    demo = await withDemoOperator(configFile === undefined ? loadDemoConfig(sim.url) : loadDemoConfig(sim.url, process.env, configFile));
  } catch (err) {
    await sim.close();
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`invalid config:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const starting = startApp(demo.config);
  // Signal handlers go in before startup finishes (see runUntilSignal).
  const running = runUntilSignal(starting, () => sim.close());
  running.catch(() => undefined); // a failed start rejects `starting` too, which is awaited next
  const app = await starting;
  process.stdout.write(demoReport(app.url, sim, demo));
  return running;
}

/** What the demo prints once it runs: where to look, the operator token (shown only here) and how to switch a scenario. */
export function demoReport(appUrl: string, sim: Pick<Simulator, 'url' | 'port'>, operator: { name: string; token: string }): string {
  // The switch command must reach this simulator as printed, so a port other than the default goes with it.
  const portArg = sim.port === DEFAULT_SIM_PORT ? '' : ` --sim-port ${sim.port}`;
  return [
    '',
    'ikp-status demo',
    `  status page:       ${appUrl}/`,
    `  history:           ${appUrl}/historia`,
    `  API:               ${appUrl}/api/v1/status`,
    `  operator console:  ${appUrl}/admin`,
    `  operator token:    ${operator.token}`,
    `                     shown only now and new at every start (name "${operator.name}", role operator): sign in to`,
    '                     the console with it, or send it as Authorization: Bearer <token> to /api/v1/admin',
    `  simulator:         ${sim.url}/_control`,
    `  switch a scenario: npx ikp-status demo --scenario pz-outage${portArg}   (add --off to switch it back)`,
    '',
    '',
  ].join('\n');
}

async function switchScenario(simPort: number, name: string, on: boolean): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${simPort}/_control/scenarios/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ on }),
  }).catch((err: unknown) => {
    process.stderr.write(`cannot reach the demo simulator on port ${simPort} (is \`npm run demo\` running?): ${String((err as { cause?: { code?: string } }).cause?.code ?? err)}\n`);
    return null;
  });
  if (!res) return 1;
  const body = await res.text();
  process.stdout.write(`${body}\n`);
  return res.ok ? 0 : 1;
}
