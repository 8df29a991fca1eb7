import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort } from '../helpers/free-port.ts';
import { redisPong } from '../helpers/redis-ping.ts';
import type {} from '../helpers/redis.ts';

/**
 * Starts a private redis-server (`bin`) on a free port for one lane, provides its URL to that
 * lane's files (inject('redisUrl')) and returns the teardown. Each lane that needs Redis starts
 * its own, so a lane run alone never depends on another lane's setup.
 */
export async function startLaneRedis(project: TestProject, bin: string): Promise<() => Promise<void>> {
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
  // Fault tests start their own redis-server (to kill or freeze it) from the same binary.
  process.env.IKP_TEST_REDIS_SERVER = bin;
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  project.provide('redisServerBin', bin);
  return () => stop(child);
}

async function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  // A budget for a stuck server, not a speed claim: a loaded machine just polls longer.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${output()}`);
    if (await redisPong(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 60 s: ${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
