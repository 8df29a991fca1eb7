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
// Servers alternate in short rounds, so background load hits them alike.
const ROUNDS = 2;
// The targets: at least 0.9x the baseline's req/s, and p99 under 25 ms.
const MIN_RATIO = 0.9;
const MAX_P99_MS = 25;
const ENCODINGS: { name: string; headers: Record<string, string> }[] = [
  { name: 'gzip', headers: { 'accept-encoding': 'gzip, deflate, br' } },
  { name: 'identity', headers: {} },
];
const SERVERS = ['baseline', 'handlers', 'app'] as const;
type ServerName = (typeof SERVERS)[number];

interface Totals {
  requests: number;
  seconds: number;
  p99: number;
  bad: number;
}

const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const urls = JSON.parse(line) as Record<ServerName, string> & { logLevel: string };

const run = (url: string, headers: Record<string, string>, duration: number): Promise<Result> =>
  autocannon({ url, connections: CONNECTIONS, duration, headers });

async function measure(path: string, headers: Record<string, string>): Promise<Record<ServerName, Totals>> {
  const totals = Object.fromEntries(SERVERS.map((s) => [s, { requests: 0, seconds: 0, p99: 0, bad: 0 }])) as Record<ServerName, Totals>;
  for (const s of SERVERS) await run(`${urls[s]}${path}`, headers, 1); // warm-up
  const slice = Math.max(1, Math.round(SECONDS / ROUNDS));
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const s of SERVERS) {
      const r = await run(`${urls[s]}${path}`, headers, slice);
      const t = totals[s];
      t.requests += r.requests.total;
      t.seconds += slice;
      t.p99 = Math.max(t.p99, r.latency.p99);
      t.bad += r.non2xx + r.errors + r.timeouts;
    }
  }
  return totals;
}

const rows: string[] = [];
let ok = true;
try {
  for (const path of BENCH_PATHS) {
    for (const enc of ENCODINGS) {
      const t = await measure(path, enc.headers);
      const rps = (s: ServerName): number => t[s].requests / t[s].seconds;
      const ratio = rps('app') / rps('baseline');
      const pass = ratio >= MIN_RATIO && t.app.p99 < MAX_P99_MS && t.app.bad === 0;
      ok &&= pass;
      rows.push(
        [
          `${path} (${enc.name})`.padEnd(26),
          ...SERVERS.flatMap((s) => [`${Math.round(rps(s))}`.padStart(9), `${t[s].p99}`.padStart(5)]),
          (rps('handlers') / rps('baseline')).toFixed(2).padStart(9),
          ratio.toFixed(2).padStart(7),
          pass ? '  ok' : '  MISSED',
        ].join(' '),
      );
    }
  }
} finally {
  child.kill('SIGTERM');
}
const head = [
  'path'.padEnd(26),
  ...SERVERS.flatMap((s) => [`${s.slice(0, 5)} r/s`.padStart(9), 'p99'.padStart(5)]),
  'handlers'.padStart(9),
  'app'.padStart(7),
].join(' ');
process.stdout.write(
  `\n${CONNECTIONS} connections, ${ROUNDS} alternating rounds, ${SECONDS} s per server and row, node ${process.version}, ` +
    `${os.cpus().length} CPUs, app log level ${urls.logLevel} (BENCH_LOG_LEVEL); p99 in ms (worst round), ratios vs baseline\n` +
    `${head}\n${rows.join('\n')}\n` +
    `target (app, the full middleware stack): ratio >= ${MIN_RATIO} and p99 < ${MAX_P99_MS} ms\n`,
);
process.exitCode = ok ? 0 : 1;
