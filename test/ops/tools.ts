import { spawn } from 'node:child_process';
import { ensureDebianBinary } from '../helpers/debian.ts';

/** What a command printed and how it exited. */
export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** promtool from the Debian package `prometheus`, installed when missing (never skipped). */
export function promtool(): Promise<string> {
  return ensureDebianBinary('promtool', 'prometheus');
}

/** The Prometheus server from the Debian package `prometheus`, installed when missing. */
export function prometheusServer(): Promise<string> {
  return ensureDebianBinary('prometheus', 'prometheus');
}

/** Runs a command to completion, optionally feeding `input` on stdin. */
export function runTool(bin: string, args: string[], input?: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
