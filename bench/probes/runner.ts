// One measured run of the probe bench: a fresh upstream (own process), the system under test started
// against it, one interval of warm-up, `intervals` intervals measured, a grace for the last fires, then
// everything read from outside: the upstream's arrival log, /proc of the system's processes, and the
// app's own scheduler metrics when it has them.
import { once } from 'node:events';
import { cpuSeconds, peakRssMb, sleep, type Child, type Procs } from './procs.ts';
import { bucketDelta, counterValue, fireStats, histogramBuckets, histogramQuantile, quantile, type FireStats, type SlotModel } from './stats.ts';

export interface BenchOptions {
  probes: number;
  intervalMs: number;
  latencyMs: number;
  intervals: number;
}

/** What a started system under test tells the runner. */
export interface System {
  /** Processes whose CPU and RSS are the system's cost (blackbox: the exporter and Prometheus). */
  measured: Record<string, number>;
  /** Helpers reported apart (the Redis of an ikp-status run). */
  aux: Record<string, number>;
  /** The app's /metrics, read for its own scheduler figures. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

export type StartSystem = (upstreamUrl: string, targets: string[]) => Promise<System>;

export interface LagFigures {
  model: SlotModel;
  arrivals: number;
  p50Ms: number | null;
  p99Ms: number | null;
  missed: number;
  neverArrived: number;
  expected: number;
}

export interface RunResult {
  run: string;
  probes: number;
  windowS: number;
  /** Requests for the targets that reached the upstream inside the window: the probe runs paid for by the CPU. */
  runs: number;
  /** Lag against each target's observed slot and against the epoch grid. */
  lag: { observed: LagFigures; grid: LagFigures };
  /** The app's ikpstatus_scheduler_* figures over the window; null when it exposes none. */
  app: { lagP50Ms: number | null; lagP99Ms: number | null; missed: number | null } | null;
  cpuS: number;
  cpuMsPerProbe: number | null;
  cpuByProcess: Record<string, number>;
  peakRssMb: number;
  rssByProcess: Record<string, number>;
  aux: { cpuS: Record<string, number>; peakRssMb: Record<string, number> };
}

const LAG_METRIC = 'ikpstatus_scheduler_fire_lag_seconds';
const MISSED_METRIC = 'ikpstatus_scheduler_missed_fires_total';

export async function measureRun(procs: Procs, name: string, opts: BenchOptions, startSystem: StartSystem): Promise<RunResult> {
  const upstream = procs.spawn(process.execPath, ['bin/run-ts.js', 'bench/probes/upstream.ts', String(opts.latencyMs)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const port = await upstreamPort(upstream);
  const targets = Array.from({ length: opts.probes }, (_, i) => `/t/${i}`);
  const I = opts.intervalMs;
  let system: System | null = null;
  try {
    system = await startSystem(`http://127.0.0.1:${port}`, targets);
    // At least one interval of warm-up; the window starts on the interval grid, so a grid scheduler's
    // last fire in the window is due one interval before its end and its queue drains inside it.
    const startMs = Math.ceil((Date.now() + I) / I) * I;
    const endMs = startMs + opts.intervals * I;
    log(`${name}: started; warm-up ${((startMs - Date.now()) / 1000).toFixed(1)} s, then ${opts.intervals} x ${I / 1000} s measured`);

    await sleep(startMs - Date.now());
    const metrics0 = await scrape(system.metricsUrl);
    const cpu0 = cpuOf({ ...system.measured, ...system.aux });
    await sleep(endMs - Date.now());
    const cpu1 = cpuOf({ ...system.measured, ...system.aux });
    const rss = Object.fromEntries(Object.entries({ ...system.measured, ...system.aux }).map(([k, pid]) => [k, round(peakRssMb(pid), 1)]));
    const metrics1 = await scrape(system.metricsUrl);
    // The window's last fires may arrive after its end.
    await sleep(Math.min(I / 2, 15_000));
    const arrivals = await upstreamLog(upstream);

    const figures = (model: SlotModel): LagFigures => lagFigures(model, fireStats(targets, arrivals, { intervalMs: I, startMs, endMs, model }));
    const observed = figures('observed');
    const runs = targets.reduce((n, t) => n + (arrivals[t] ?? []).filter((at) => at >= startMs && at < endMs).length, 0);
    const measuredCpu = Object.fromEntries(Object.keys(system.measured).map((k) => [k, round(cpu1[k]! - cpu0[k]!, 2)]));
    const cpuS = round(Object.values(measuredCpu).reduce((a, b) => a + b, 0), 2);
    return {
      run: name,
      probes: opts.probes,
      windowS: (endMs - startMs) / 1000,
      runs,
      lag: { observed, grid: figures('grid') },
      app: appFigures(metrics0, metrics1),
      cpuS,
      cpuMsPerProbe: runs > 0 ? round((cpuS * 1000) / runs, 3) : null,
      cpuByProcess: measuredCpu,
      peakRssMb: round(Object.keys(system.measured).reduce((a, k) => a + rss[k]!, 0), 1),
      rssByProcess: Object.fromEntries(Object.keys(system.measured).map((k) => [k, rss[k]!])),
      aux: {
        cpuS: Object.fromEntries(Object.keys(system.aux).map((k) => [k, round(cpu1[k]! - cpu0[k]!, 2)])),
        peakRssMb: Object.fromEntries(Object.keys(system.aux).map((k) => [k, rss[k]!])),
      },
    };
  } finally {
    await system?.stop();
    await upstream.stop();
  }
}

function lagFigures(model: SlotModel, s: FireStats): LagFigures {
  const q = (p: number): number | null => {
    const v = quantile(s.lags, p);
    return v === null ? null : round(v, 1);
  };
  return { model, arrivals: s.arrivals, p50Ms: q(0.5), p99Ms: q(0.99), missed: s.missed, neverArrived: s.neverArrived, expected: s.expected };
}

function appFigures(start: string | null, end: string | null): RunResult['app'] {
  if (end === null) return null;
  const b1 = histogramBuckets(end, LAG_METRIC);
  const missed1 = counterValue(end, MISSED_METRIC);
  if (b1 === null && missed1 === null) return null;
  const delta = b1 && bucketDelta(b1, start === null ? null : histogramBuckets(start, LAG_METRIC));
  const ms = (q: number): number | null => {
    const v = delta && histogramQuantile(delta, q);
    return v === null || v === undefined ? null : round(v * 1000, 1);
  };
  // A labelled counter has no sample until its first increment: declared but empty means 0.
  const declared = end.includes(`# TYPE ${MISSED_METRIC} `);
  const missed0 = start === null ? null : counterValue(start, MISSED_METRIC);
  const missed = missed1 === null ? (declared ? 0 : null) : missed1 - (missed0 ?? 0);
  return { lagP50Ms: ms(0.5), lagP99Ms: ms(0.99), missed };
}

async function upstreamPort(upstream: Child): Promise<number> {
  const timer = setTimeout(() => upstream.proc.kill('SIGKILL'), 20_000);
  try {
    for (;;) {
      const [msg] = (await once(upstream.proc, 'message')) as [{ type: string; port: number }];
      if (msg.type === 'ready') return msg.port;
    }
  } catch (err) {
    throw new Error(`upstream did not start: ${(err as Error).message}\n${upstream.output()}`);
  } finally {
    clearTimeout(timer);
  }
}

async function upstreamLog(upstream: Child): Promise<Record<string, number[]>> {
  upstream.proc.send({ type: 'log' });
  for (;;) {
    const [msg] = (await once(upstream.proc, 'message')) as [{ type: string; log: Record<string, number[]> }];
    if (msg.type === 'log') return msg.log;
  }
}

async function scrape(url: string | undefined): Promise<string | null> {
  if (!url) return null;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return res.ok ? await res.text() : null;
  } catch {
    return null; // the app's own figures are optional: the outside measurement stands alone
  }
}

function cpuOf(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function log(line: string): void {
  process.stderr.write(`[bench:probes ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
