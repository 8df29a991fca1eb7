#!/usr/bin/env node
// CLI entry. Runs the compiled dist/ (`npm run build`, done by `npm install` and `npm test`) when
// it is at least as new as src/: plain JavaScript answers in a fraction of the time tsx needs to
// transpile ~300 files. When a source changed since the build (or nothing was built), it runs
// src/ through tsx instead, so an edited tree never runs stale code.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { distState } from './dist-state.js';

// Node >= 22.1 keeps compiled code of the modules between runs (in the OS temp dir;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off); Node 20 has no such cache and skips this.
module.enableCompileCache?.();

const root = fileURLToPath(new URL('..', import.meta.url));
let runCli;
if (distState(root) === 'dist') {
  ({ runCli } = await import('../dist/cli.js'));
} else if (!existsSync(new URL('../src/cli.ts', import.meta.url))) {
  // An image or a package with neither a complete build nor the sources to run.
  process.stderr.write('ikp-status: dist/ is not built (no dist/.build-stamp) and src/ is missing; run `npm run build`\n');
  process.exit(1);
} else {
  if (process.stderr.isTTY) process.stderr.write('ikp-status: dist/ is missing or older than src/, running the sources through tsx (slower); `npm run build` refreshes it\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
