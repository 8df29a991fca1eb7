import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ConfigInput } from '../../src/config/schema.ts';

/** Writes a config file into a fresh temp dir; returns the dir (use it as the app's cwd) and the file. */
export function writeTempConfig(config: ConfigInput, prefix = 'ikp-ops-'): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, stringify(config));
  return { dir, file };
}

/** One component, `svc`, for tests that only need something to probe. */
export const ONE_COMPONENT: ConfigInput['components'] = [{ id: 'svc', name: { pl: 'Usługa', en: 'Service' } }];
