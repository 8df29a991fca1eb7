import { parseArgs } from 'node:util';
import { loadDemoConfig } from '../demo/demo-config.ts';
import { startSimulator } from '../demo/simulator.ts';
import { startApp } from '../main.ts';
import { runUntilSignal } from './run-until-signal.ts';

const DEFAULT_SIM_PORT = 4100;

/**
 * `ikp-status demo`: starts the simulator and the monitor against it.
 * `ikp-status demo --scenario NAME [--off]`: switches a scenario in the running demo.
 */
export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { scenario: { type: 'string' }, off: { type: 'boolean', default: false } } });
  const simPort = Number(process.env.DEMO_SIM_PORT ?? DEFAULT_SIM_PORT);
  if (values.scenario) return switchScenario(simPort, values.scenario, !values.off);

  const sim = await startSimulator(simPort);
  const config = loadDemoConfig(sim.url);
  const starting = startApp(config);
  // Signal handlers go in before startup finishes (see runUntilSignal).
  const running = runUntilSignal(starting, () => sim.close());
  running.catch(() => undefined); // a failed start rejects `starting` too, which is awaited next
  const app = await starting;
  process.stdout.write(
    `\nikp-status demo\n  status page/API: ${app.url}/api/v1/status\n  simulator:       ${sim.url}/_control\n` +
      `  switch a scenario: npx ikp-status demo --scenario pz-outage   (add --off to switch it back)\n\n`,
  );
  return running;
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
