import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve('bin/ikp-status.js');

/** A monitor running as a real child process (`ikp-status serve`). */
export interface SpawnedApp {
  /** Base URL of the monitor's web server. */
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `ikp-status serve` (or the given args) with the given env and resolves once it logs its URL. */
export async function spawnApp(env: Record<string, string>, opts: { cwd?: string; args?: string[]; fdLimit?: number } = {}): Promise<SpawnedApp> {
  const argv = [BIN, ...(opts.args ?? ['serve'])];
  // `fdLimit` runs it under `ulimit -n` (a shell sets the soft limit, then execs node).
  const [cmd, args] = opts.fdLimit ? ['/bin/sh', ['-c', `ulimit -n ${opts.fdLimit} && exec "$0" "$@"`, process.execPath, ...argv]] : [process.execPath, argv];
  const proc = spawn(cmd, args, {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start within 20 s:\n${out}`)), 20_000);
    const check = (): void => {
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"ikp-status started"/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before starting:\n${out}`));
    });
  });
  return {
    url,
    proc,
    output: () => out,
    stop: (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
