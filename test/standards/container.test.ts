import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { distState } from '../../bin/dist-state.js';
import { ensureDebianBinary } from '../helpers/debian.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { ONE_COMPONENT } from '../ops/temp-config.ts';

const run = promisify(execFile);

/** What the runtime stage of the Dockerfile puts into the image, as paths relative to the project root. */
export function runtimeFiles(dockerfile: string): string[] {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim());
  const froms = lines.flatMap((l, i) => (/^FROM\s/i.test(l) ? [i] : []));
  const workdirOf = (stage: string[]): string => stage.filter((l) => /^WORKDIR\s/i.test(l)).at(-1)?.split(/\s+/)[1] ?? '/';
  const buildStage = lines.slice(froms.at(-2) ?? 0, froms.at(-1));
  const buildRoot = workdirOf(buildStage);
  const out: string[] = [];
  for (const line of lines.slice(froms.at(-1))) {
    const m = /^COPY\s+(.*)$/i.exec(line);
    if (!m) continue;
    const words = m[1]!.split(/\s+/);
    const from = words.find((w) => w.startsWith('--from='));
    const sources = words.filter((w) => !w.startsWith('--')).slice(0, -1);
    // A copy from the build stage maps back to the project path the build stage copied in under its WORKDIR.
    for (const src of sources) out.push(from ? path.posix.relative(buildRoot, src) : src);
  }
  return out;
}

describe('the runtime image', () => {
  const files = runtimeFiles(readFileSync('Dockerfile', 'utf8'));
  let dir = '';
  let app: SpawnedApp | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ikp-image-'));
    // The image holds dist/ and no src/, so nothing there can tell a stale build: build it here
    // unless `npm test` (pretest) already did since the last change to src/.
    if (distState(process.cwd()) !== 'dist') await run(process.execPath, ['bin/build.js'], { maxBuffer: 16 * 1024 * 1024 });
    for (const f of files) cpSync(path.resolve(f), path.join(dir, f), { recursive: true });
    // The same production install the runtime stage runs (scripts off: nothing here needs them).
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    const config = path.join(dir, 'test-config.yaml');
    writeFileSync(config, stringify({ store: { snapshotFile: '' }, components: ONE_COMPONENT }));
    app = await spawnApp({ CONFIG: config, NODE_ENV: 'production' }, { cwd: dir, bin: path.join(dir, 'bin/ikp-status.js'), startTimeoutMs: 120_000 });
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('when the Dockerfile is read, then the runtime stage copies every folder the app reads at run time', () => {
    for (const f of ['package.json', 'package-lock.json', 'bin', 'dist', 'config', 'views', 'public']) expect(files).toContain(f);
    expect(existsSync(path.join(dir, 'node_modules', 'vitest'))).toBe(false);
  });

  it('when the app starts from only those files, then /healthz and the status page answer 200', async () => {
    const health = await fetch(`${app!.url}/healthz`);
    expect(health.status).toBe(200);
    const page = await fetch(`${app!.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const css = /href="(\/static\/[^"]+\.css)"/.exec(await (await fetch(`${app!.url}/`)).text());
    expect(css).not.toBeNull();
    expect((await fetch(`${app!.url}${css![1]}`)).status).toBe(200);
  });
});

describe('docker-compose.yml', () => {
  const text = readFileSync('docker-compose.yml', 'utf8');

  it('when docker-compose v1 reads it, then `config` accepts it', async () => {
    const bin = await ensureDebianBinary('docker-compose', 'docker-compose');
    const { stdout } = await run(bin, ['-f', 'docker-compose.yml', 'config'], { env: { ...process.env, COMPOSE_INTERACTIVE_NO_CLI: '1' } });
    expect(parse(stdout).services).toHaveProperty('redis');
  });

  it('when it is read, then there is no top-level name and exactly one service builds the image the others reuse', () => {
    const doc = parse(text, { merge: true }) as { name?: string; services: Record<string, { build?: unknown; image?: string }> };
    expect(doc.name).toBeUndefined();
    const builders = Object.entries(doc.services).filter(([, s]) => s.build !== undefined);
    expect(builders).toHaveLength(1);
    const image = builders[0]![1].image;
    expect(image).toBeDefined();
    const users = Object.entries(doc.services).filter(([, s]) => s.image === image);
    expect(users.length).toBeGreaterThanOrEqual(2);
  });
});
