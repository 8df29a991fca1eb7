// `npm run bench:probes`: ikp-status with N HTTP probes (embedded store and Redis) against Debian's
// prometheus-blackbox-exporter + prometheus on the same targets, one after the other, each against a
// fresh local upstream that answers after a fixed latency and logs when every request arrives.
// Prints fire lag, missed fires, CPU per probe and peak RSS per run, and writes bench/results/probes-<date>.json.
// Exits non-zero only when the harness fails; the targets are printed, never enforced.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseDuration } from '../src/config/duration.ts';
import { blackboxSystem } from './probes/blackbox.ts';
import { ikpSystem } from './probes/ikp.ts';
import { Procs } from './probes/procs.ts';
import { table } from './probes/report.ts';
import { log, measureRun, type BenchOptions, type RunResult, type StartSystem } from './probes/runner.ts';

const RUNS = ['ikp-memory', 'ikp-redis', 'blackbox'] as const;
type RunName = (typeof RUNS)[number];

const { values } = parseArgs({
  options: {
    probes: { type: 'string', default: '1000,5000' },
    interval: { type: 'string', default: '30s' },
    latency: { type: 'string', default: '200ms' },
    intervals: { type: 'string', default: '3' },
    only: { type: 'string', default: RUNS.join(',') },
  },
});
const durationArg = (name: string, text: string): number => {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new Error(`--${name}: "${text}" is not a duration (e.g. 30s, 200ms)`);
  return ms;
};
const sizes = values.probes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--probes: "${values.probes}" is not a list of positive integers`);
const only = values.only.split(',').map((s) => s.trim()) as RunName[];
const unknown = only.filter((r) => !RUNS.includes(r));
if (unknown.length > 0) throw new Error(`--only: unknown run ${unknown.join(', ')} (known: ${RUNS.join(', ')})`);
const intervals = Number(values.intervals);
if (!Number.isInteger(intervals) || intervals < 1) throw new Error(`--intervals: "${values.intervals}" is not a positive integer`);
const base = { intervalMs: durationArg('interval', values.interval), latencyMs: durationArg('latency', values.latency), intervals };

const procs = new Procs();
const results: Record<number, RunResult[]> = {};
const out: string[] = [];
for (const probes of sizes) {
  const opts: BenchOptions = { ...base, probes };
  const systems: Record<RunName, StartSystem> = {
    'ikp-memory': ikpSystem(procs, opts, 'memory'),
    'ikp-redis': ikpSystem(procs, opts, 'redis'),
    blackbox: blackboxSystem(procs, opts),
  };
  results[probes] = [];
  for (const run of RUNS.filter((r) => only.includes(r))) {
    results[probes].push(await measureRun(procs, run, opts, systems[run]));
  }
  out.push(
    `\n${probes} probes every ${opts.intervalMs / 1000} s, upstream latency ${opts.latencyMs} ms, ` +
      `${intervals} intervals measured after 1 of warm-up\n${table(results[probes])}`,
  );
  process.stdout.write(`${out.at(-1)}\n`);
}

const legend =
  'lag/missed: from the upstream arrival log; slot "grid" = phase 0 of the interval (node-cron), "observed" = each target\'s earliest ' +
  'phase; app: the monitor\'s own ikpstatus_scheduler_* over the window; CPU: utime+stime over the window from /proc; ' +
  'RSS: VmHWM; x bb: ratio to blackbox_exporter + prometheus (targets: CPU <= 1.0, lag p99 < 250 ms, no missed fire, RSS < 250 MB at 5,000)';
process.stdout.write(`\n${legend}\nnode ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

const date = new Date().toISOString().replace(/[:]/g, '-').slice(0, 19);
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/probes-${date}.json`;
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, options: base, results }, null, 2)}\n`);
log(`results written to ${file}`);
