// Whether dist/ (the compiled sources, `npm run build`) may be run instead of src/. Shared by the
// CLI entry and the build script, so both agree on what "up to date" means.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Written last by the build; holds when the build started (ms since the epoch). */
export const STAMP = '.build-stamp';

/** Files under src/ that only a run from sources uses (the tsx worker shim); the build does not copy them. */
export const SOURCE_ONLY = new Set(['workers/parse-worker.mjs']);

/** Latest modification time (ms) of a file or of any file under a directory; null when it is missing. */
function newestMtime(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(file, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    // parentPath is Node >= 20.12; `path` is its older name.
    newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** When the build that produced `distDir` started, or null when there is no complete build. */
function builtAt(distDir) {
  try {
    const startedAt = JSON.parse(readFileSync(path.join(distDir, STAMP), 'utf8')).startedAt;
    return typeof startedAt === 'number' ? startedAt : null;
  } catch {
    return null;
  }
}

/**
 * 'dist' when a complete build exists and none of `inputs` (paths relative to `root`; default
 * src/) changed since it started, or they do not exist, as src/ in the container image; 'src'
 * when an input is newer or nothing was built. Comparing with the build's start, not its end,
 * means a file edited while tsc ran counts as newer.
 */
export function distState(root, inputs = ['src']) {
  const startedAt = builtAt(path.join(root, 'dist'));
  if (startedAt === null) return 'src';
  const newest = Math.max(0, ...inputs.map((input) => newestMtime(path.join(root, input)) ?? 0));
  return newest < startedAt ? 'dist' : 'src';
}
