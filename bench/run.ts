// `npm run bench`: req/s and p99 of the status page and /api/v1/status against an Express 5 route
// that sends a precomputed buffer of the same bytes, measured in the same run on 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { createInterface } from 'node:readline';
import autocannon, { type Result } from 'autocannon';
import { BENCH_PATHS } from './targets.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// Baseline and app alternate in short rounds, so background load hits both alike.
const ROUNDS = 2;
// The targets: at least 0.9x the baseline's req/s, and p99 under 25 ms.
const MIN_RATIO = 0.9;
const MAX_P99_MS = 25;
const ENCODINGS: { name: string; headers: Record<string, string> }[] = [
  { name: 'gzip', headers: { 'accept-encoding': 'gzip, deflate, br' } },
  { name: 'identity', headers: {} },
];

interface Totals {
  requests: number;
  seconds: number;
  p99: number;
  bad: number;
}

const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const urls = JSON.parse(line) as { app: string; baseline: string; logLevel: string };

const run = (url: string, headers: Record<string, string>, duration: number): Promise<Result> =>
  autocannon({ url, connections: CONNECTIONS, duration, headers });

const add = (t: Totals, r: Result, seconds: number): void => {
  t.requests += r.requests.total;
  t.seconds += seconds;
  t.p99 = Math.max(t.p99, r.latency.p99);
  t.bad += r.non2xx + r.errors + r.timeouts;
};

const rows: string[] = [];
let ok = true;
try {
  for (const path of BENCH_PATHS) {
    for (const enc of ENCODINGS) {
      const base: Totals = { requests: 0, seconds: 0, p99: 0, bad: 0 };
      const app: Totals = { requests: 0, seconds: 0, p99: 0, bad: 0 };
      await run(`${urls.baseline}${path}`, enc.headers, 1);
      await run(`${urls.app}${path}`, enc.headers, 1);
      const slice = Math.max(1, Math.round(SECONDS / ROUNDS));
      for (let i = 0; i < ROUNDS; i += 1) {
        add(base, await run(`${urls.baseline}${path}`, enc.headers, slice), slice);
        add(app, await run(`${urls.app}${path}`, enc.headers, slice), slice);
      }
      const baseRps = base.requests / base.seconds;
      const appRps = app.requests / app.seconds;
      const ratio = appRps / baseRps;
      const pass = ratio >= MIN_RATIO && app.p99 < MAX_P99_MS && app.bad === 0;
      ok &&= pass;
      rows.push(
        [
          `${path} (${enc.name})`.padEnd(26),
          `${Math.round(baseRps)}`.padStart(9),
          `${base.p99}`.padStart(9),
          `${Math.round(appRps)}`.padStart(9),
          `${app.p99}`.padStart(9),
          ratio.toFixed(2).padStart(7),
          pass ? '  ok' : '  MISSED',
        ].join(' '),
      );
    }
  }
} finally {
  child.kill('SIGTERM');
}
process.stdout.write(
  `\n${CONNECTIONS} connections, ${ROUNDS} alternating rounds, ${SECONDS} s per server and row, node ${process.version}, ` +
    `${os.cpus().length} CPUs, app log level ${urls.logLevel} (BENCH_LOG_LEVEL)\n` +
    `${'path'.padEnd(26)} ${'base r/s'.padStart(9)} ${'base p99'.padStart(9)} ${'app r/s'.padStart(9)} ${'app p99'.padStart(9)} ${'ratio'.padStart(7)}\n` +
    `${rows.join('\n')}\n` +
    `target: ratio >= ${MIN_RATIO} and app p99 < ${MAX_P99_MS} ms (p99 is the worst round's)\n`,
);
process.exitCode = ok ? 0 : 1;
