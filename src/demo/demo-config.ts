import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfigText } from '../config/load.ts';
import type { Config } from '../config/schema.ts';

/** Loads config/demo.yaml with every target pointed at the simulator's base URL. */
export function loadDemoConfig(simUrl: string, env: NodeJS.ProcessEnv = process.env, file = fileURLToPath(new URL('../../config/demo.yaml', import.meta.url))): Config {
  const text = readFileSync(file, 'utf8').replaceAll('{{sim}}', simUrl);
  return parseConfigText(text, file, env);
}
