import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureDebianBinary, ensureDebianFile } from '../helpers/debian.ts';
import { freePort } from '../helpers/free-port.ts';
import { redisPong } from '../helpers/redis-ping.ts';
import type {} from '../helpers/redis.ts';

const DEBIAN_PACKAGE = 'redis-server';

/** Vitest global setup: installs missing Debian tools, starts a private redis-server on a free port and provides its URL. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = await ensureDebianBinary('redis-server', DEBIAN_PACKAGE);
  // Every Debian tool the suites need is installed here, once, so parallel test files never race
  // for the dpkg lock: promtool and prometheus (test/ops) come from one package.
  await ensureDebianBinary('promtool', 'prometheus');
  await ensureDebianBinary('prometheus', 'prometheus');
  // Browser tests (test/browser) use Debian's Chromium; iproute2 brings `ip` for the offline test's namespace.
  await ensureDebianBinary('chromium', 'chromium');
  await ensureDebianBinary('ip', 'iproute2');
  // Independent validators (test/standards): Compose v1, and python3 modules checked through marker files.
  await ensureDebianBinary('docker-compose', 'docker-compose');
  await ensureDebianFile('/usr/lib/python3/dist-packages/feedparser/__init__.py', 'python3-feedparser');
  await ensureDebianFile('/usr/lib/python3/dist-packages/icalendar/__init__.py', 'python3-icalendar');
  const port = await freePort();
  const child = spawn(bin, ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (b: Buffer): void => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitForPong(port, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  process.env.IKP_TEST_REDIS_SERVER = bin;
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  project.provide('redisServerBin', bin);
  return () => stop(child);
}

async function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${output()}`);
    if (await redisPong(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 20s: ${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
