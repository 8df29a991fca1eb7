#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` builds): compiles src/ to dist/ with tsc and
// copies the non-TypeScript files beside the modules that load them, then writes the stamp that
// tells bin/ikp-status.js the build is complete.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { distState, SOURCE_ONLY, STAMP } from './dist-state.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const startedAt = Date.now();

/** What the output depends on besides src/: compiler options, the compiler's version, this script. */
const BUILD_INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'bin/build.js', 'bin/dist-state.js'];

// `npm install` (prepare) then `npm test` (pretest) need one compile, not two: an up-to-date
// build is kept unless `--force` asks for a new one.
if (!process.argv.includes('--force') && distState(root, BUILD_INPUTS) === 'dist') {
  process.stderr.write('ikp-status build: dist/ is up to date\n');
  process.exit(0);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // A production-only install (`npm install --omit=dev`) has no TypeScript: prepare must not fail
  // it. The CLI then runs the sources through tsx, which is a runtime dependency.
  process.stderr.write('ikp-status build: typescript is not installed (production-only install?); dist/ not built, the CLI will run src/ through tsx\n');
  process.exit(0);
}

// Until the new stamp is written, the CLI runs the sources rather than a half-written dist/.
rmSync(path.join(dist, STAMP), { force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  process.stderr.write('ikp-status build: tsc failed; dist/ is left without a stamp, so the CLI runs the sources\n');
  process.exit(compiled.status ?? 1);
}
mkdirSync(dist, { recursive: true });
cpSync(src, dist, {
  recursive: true,
  filter: (from) => {
    const rel = path.relative(src, from).split(path.sep).join('/');
    return !from.endsWith('.ts') && !SOURCE_ONLY.has(rel);
  },
});
writeFileSync(path.join(dist, STAMP), `${JSON.stringify({ startedAt })}\n`);
