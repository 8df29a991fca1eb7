import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a test file needs beyond its own process: decides which lane may run it. */
export type Need = 'redis' | 'browser' | 'process' | 'debian';

/**
 * How a need shows in source. Matched on the file and on the test-local modules it imports
 * (harnesses, fixtures), but not inside LIBRARIES: test/helpers/* hold both kinds (memoryStores
 * beside redisStores), so a library counts only through the names its importer uses.
 */
const SIGNS: Record<Need, RegExp[]> = {
  redis: [/\btestRedisUrl\b/, /\bredisStores\b/, /\bstartReplicaPair\b/, /\binject\(\s*['"]redis/, /\bstartRedisProcess\b/, /from\s+['"]ioredis['"]/],
  browser: [/\blaunchChromium\b/, /\bcreateBrowserRenderer\b/, /from\s+['"]playwright-core['"]/],
  process: [/from\s+['"](node:)?child_process['"]/, /\bspawnApp\b/],
  debian: [/\bensureDebian(Binary|File)\b/, /\bfindBinary\b/],
};

/** Modules judged by the names imported from them (paths relative to the root, `/`-separated). */
const LIBRARIES = ['test/helpers/', 'test/faults/redis-process.ts'];
const isLibrary = (rel: string): boolean => LIBRARIES.some((l) => rel.split(path.sep).join('/').startsWith(l));

/** Source without comments, so a comment that names a helper is not mistaken for a use of it. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Relative imports of a module (static, dynamic and re-exports), resolved to files that exist. */
function localImports(file: string, src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), m[1]!);
    if (existsSync(target)) out.push(target);
  }
  return out;
}

/**
 * The needs of one test file (absolute or relative to `root`), with the module where each
 * was seen. Modules outside test/ (the code under test) are not followed: starting Redis,
 * a browser or a process is always the test's choice, made through the names above.
 */
export function needsOf(file: string, root = process.cwd()): Map<Need, string> {
  const testDir = path.join(root, 'test') + path.sep;
  const found = new Map<Need, string>();
  const seen = new Set<string>();
  const visit = (abs: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const src = code(abs);
    for (const [need, signs] of Object.entries(SIGNS) as [Need, RegExp[]][]) {
      if (!found.has(need) && signs.some((s) => s.test(src))) found.set(need, path.relative(root, abs));
    }
    for (const dep of localImports(abs, src)) {
      if (dep.startsWith(testDir) && !isLibrary(path.relative(root, dep))) visit(dep);
    }
  };
  visit(path.resolve(root, file));
  return found;
}
