import { readFileSync } from 'node:fs';
import type { BuildInfo } from './definitions.ts';

/** The package version and Node.js version of this process (for `ikpstatus_build_info`). */
export function readBuildInfo(): BuildInfo {
  let version = 'unknown';
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    if (typeof pkg.version === 'string') version = pkg.version;
  } catch {
    // A trimmed install without package.json still serves metrics; the version just reads "unknown".
  }
  return { version, node: process.versions.node };
}
