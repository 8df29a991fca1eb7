// Child processes of the probe bench (each in its own process group, all killed on exit or SIGINT),
// temp dirs (removed on exit), and what the bench reads about a process from /proc.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/free-port.ts';
import { redisPong } from '../../test/helpers/redis-ping.ts';

export { freePort, redisPong };

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux/x86 and arm64). */
const CLK_TCK = 100;

/** Owns every child and temp dir of one bench invocation. */
export class Procs {
  private readonly children = new Set<ChildProcess>();
  private readonly dirs = new Set<string>();

  constructor() {
    // Synchronous cleanup last: whatever way the bench ends, no child or temp dir outlives it.
    process.on('exit', () => this.cleanupSync());
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        process.stderr.write(`\n${sig}: stopping the bench's children\n`);
        process.exit(130);
      });
    }
  }

  /** Spawns in a new process group; output goes to a ring buffer read by `output()` for errors. */
  spawn(cmd: string, args: string[], opts: SpawnOptions = {}): Child {
    const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts, detached: true });
    this.children.add(proc);
    let out = '';
    const collect = (b: Buffer): void => {
      out = (out + b.toString()).slice(-8000);
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    void exited.then(() => this.children.delete(proc));
    return { proc, pid: proc.pid!, output: () => out, stop: () => this.stop(proc, exited) };
  }

  tempDir(prefix: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dirs.add(dir);
    return dir;
  }

  /** SIGTERM to the group, SIGKILL after 5 s. */
  private async stop(proc: ChildProcess, exited: Promise<void>): Promise<void> {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    killGroup(proc, 'SIGTERM');
    const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private cleanupSync(): void {
    for (const proc of this.children) killGroup(proc, 'SIGKILL');
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

function killGroup(proc: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-proc.pid!, sig);
  } catch {
    // already gone
  }
}

/** CPU seconds (user + system, plus reaped children) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return (utime! + stime! + cutime! + cstime!) / CLK_TCK;
}

/** Peak resident set size (VmHWM) in MB. */
export function peakRssMb(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}


export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Polls `check` every 100 ms until it resolves true; throws with the child's output after `limitMs`. */
export async function waitFor(what: string, child: Child, limitMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) throw new Error(`${what} exited with ${child.proc.exitCode}:\n${child.output()}`);
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} not ready within ${limitMs / 1000} s:\n${child.output()}`);
}

/** True when GET url answers with a 2xx. */
export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.ok;
}

