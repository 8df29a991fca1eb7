import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfigText } from '../config/load.ts';
import type { Config } from '../config/schema.ts';

/** The demo's own config: every target is `{{sim}}`, the simulator. */
export const DEMO_CONFIG_FILE = fileURLToPath(new URL('../../config/demo.yaml', import.meta.url));

/**
 * Loads a demo config (config/demo.yaml unless `file` is given) as it is written, with every
 * `{{sim}}` replaced by the simulator's base URL; PORT, HOST, REDIS_URL and LOG_LEVEL apply as for
 * `serve`. A file that cannot be read is a ConfigError naming it, like any other config problem.
 */
export function loadDemoConfig(simUrl: string, env: NodeJS.ProcessEnv = process.env, file = DEMO_CONFIG_FILE): Config {
  const path = resolve(process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError([code === 'ENOENT' ? `config file not found: ${path}` : `cannot read config file ${path}: ${code ?? String(err)}`], path);
  }
  return parseConfigText(text.replaceAll('{{sim}}', simUrl), path, env);
}
