import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { spawnApp } from '../helpers/spawn-app.ts';
import { ONE_COMPONENT } from '../ops/temp-config.ts';
import { distState } from '../../bin/dist-state.js';

const execFileP = promisify(execFile);
const REPO = process.cwd();

/** What a checkout holds besides node_modules (tests, benches and docs are not needed to build or run). */
const PROJECT = ['bin', 'src', 'config', 'views', 'public', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** An import of a relative `.ts` file: static (`from './x.ts'`, `import './x.ts'`) or dynamic (`import('./x.ts')`). */
const TS_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*\.ts)\1/;

type Run = { code: number | null; out: string; err: string };

describe('the built CLI (issue 21: a build step)', () => {
  // A copy of the project whose node_modules lacks tsx: a command that answers here ran from
  // dist/, since running the sources needs tsx. The repository's own dist/ is left alone.
  let dir = '';
  const cli = async (args: string[], input?: string): Promise<Run> => {
    const child = execFileP(process.execPath, [path.join(dir, 'bin/ikp-status.js'), ...args], { cwd: dir, env: { ...process.env, CONFIG: '' } });
    if (input !== undefined) child.child.stdin!.end(input);
    try {
      const { stdout, stderr } = await child;
      return { code: 0, out: stdout, err: stderr };
    } catch (err) {
      const e = err as { code: number | null; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout, err: e.stderr };
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ikp-built-'));
    // `npm test` builds first (pretest): its dist/ is reused, with the sources' times kept so it
    // still counts as up to date. Run alone on a stale tree, the file builds its own copy.
    const reuse = distState(REPO) === 'dist';
    for (const f of PROJECT) cpSync(path.join(REPO, f), path.join(dir, f), { recursive: true, preserveTimestamps: true });
    if (reuse) cpSync(path.join(REPO, 'dist'), path.join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
    mkdirSync(path.join(dir, 'node_modules'));
    for (const name of readdirSync(path.join(REPO, 'node_modules'))) {
      if (name !== 'tsx' && name !== '.bin') symlinkSync(path.join(REPO, 'node_modules', name), path.join(dir, 'node_modules', name));
    }
    // What `npm run build` (and `prepare`) runs.
    if (!reuse || distState(dir) !== 'dist') await execFileP(process.execPath, ['bin/build.js'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('when the build has run, then no emitted module imports a .ts file', () => {
    const files = readdirSync(path.join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(m?js)$/.test(f));
    expect(files).toContain('cli.js');
    expect(files).toContain(path.join('workers', 'parse-tasks.js'));
    const offenders = files.filter((f) => TS_IMPORT.test(readFileSync(path.join(dir, 'dist', f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('when --help or -h is given, then the usage is printed from dist and the exit code is 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await cli([flag]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('usage: ikp-status');
      expect(r.out).toContain('check-config FILE');
    }
  });

  it('when check-config runs from dist, then the shipped config passes and a broken one lists every problem naming the item', async () => {
    const ok = await cli(['check-config', 'config/default.yaml']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toBe('config/default.yaml: OK\n');
    const bad = await cli(['check-config', path.join(REPO, 'test/fixtures/config/invalid/several-mistakes.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('probe "ikp-home": timeout must be < interval');
  });

  it('when a notice is piped to notices parse from dist, then its kind, window and component are printed', async () => {
    const r = await cli(['notices', 'parse', '--published', '2026-10-20T10:00:00+02:00'], 'W nocy z 24 na 25 października w godz. 22:00–6:00 Profil Zaufany będzie niedostępny z powodu prac serwisowych.');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'maintenance', components: ['profil-zaufany'] });
  });

  it('when the built parse pool runs a task, then its worker thread loads the compiled task module', async () => {
    const script = [
      "import { ParsePool } from './dist/workers/parse-pool.js';",
      'const pool = new ParsePool({ threads: 1 });',
      // A generous deadline: it only bounds a broken worker, whose answer would be `timeout`.
      "const outcome = await pool.run({ op: 'ping', input: null }, 300_000);",
      'await pool.close();',
      'process.stdout.write(JSON.stringify(outcome));',
    ].join('\n');
    const { stdout } = await execFileP(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ ok: true, value: 'pong' });
  });

  it('when the app is served from dist, then the page renders with its views and static files', async () => {
    const config = path.join(dir, 'served.yaml');
    writeFileSync(config, stringify({ store: { snapshotFile: '' }, components: ONE_COMPONENT }));
    const app = await spawnApp({ CONFIG: config, REDIS_URL: '' }, { cwd: dir, bin: path.join(dir, 'bin/ikp-status.js'), startTimeoutMs: 120_000 });
    try {
      const html = await (await fetch(`${app.url}/`)).text();
      expect(html).toContain('<html');
      const css = /href="(\/static\/[^"]+\.css)"/.exec(html);
      expect(css).not.toBeNull();
      expect((await fetch(`${app.url}${css![1]}`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('when a source is edited after the build, then the CLI runs the sources, not the stale build', async () => {
    symlinkSync(path.join(REPO, 'node_modules', 'tsx'), path.join(dir, 'node_modules', 'tsx'));
    const cliSource = path.join(dir, 'src/cli.ts');
    writeFileSync(cliSource, readFileSync(cliSource, 'utf8').replace('usage: ikp-status [command]', 'usage: ikp-status (edited) [command]'));
    const r = await cli(['--help']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('usage: ikp-status (edited)');
  });
});
