import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DEMO_CONFIG_FILE } from '../../src/demo/demo-config.ts';

type Raw = Record<string, unknown>;

/**
 * Writes config/demo.yaml into `dir` with the timings sped up for a test of `ikp-status demo
 * --config FILE`: probes every 2 s (1.9 s timeout, journey steps 1.8 s, slowness still at
 * 1.5 s), a full evaluation each second, outage after two failures and back after one success.
 * Everything else (components, login paths, journeys, notice sources, `{{sim}}`) is the demo's own.
 * Returns the file's path.
 */
export function writeFastDemoConfig(dir: string): string {
  const demo = YAML.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')) as Raw & { engine?: Raw; probes: Raw[] };
  const fast = {
    ...demo,
    engine: { ...demo.engine, evaluateEvery: '1s', failureThreshold: 2, successThreshold: 1 },
    probes: demo.probes.map((p) => {
      const timed = { ...p, interval: '2s', timeout: '1900ms' };
      const journey = p.journey as (Raw & { steps: Raw[] }) | undefined;
      // A step's own timeout may not exceed the probe's; the demo's steps use the journey's.
      return journey ? { ...timed, journey: { ...journey, stepTimeout: '1800ms', steps: journey.steps.map(({ timeout: _own, ...s }) => s) } } : timed;
    }),
  };
  const file = path.join(dir, 'demo-fast.yaml');
  writeFileSync(file, YAML.stringify(fast, { aliasDuplicateObjects: false }));
  return file;
}
