// The ikp-status side of the probe bench: a generated config with one bank component and one HTTP
// probe per target (the shape of the cooperative banks), one canary to the same upstream, and
// `ikp-status serve FILE` as a child, on the embedded store or on a private redis-server.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { ensureDebianBinary } from '../../test/helpers/debian.ts';
import { freePort, httpOk, redisPong, waitFor, type Procs } from './procs.ts';
import type { BenchOptions, StartSystem, System } from './runner.ts';

/** The config of an ikp-status run: N banks, each one component with one probe, and one canary. */
export function ikpConfig(upstreamUrl: string, targets: string[], opts: BenchOptions & { port: number; snapshotFile: string }): unknown {
  const interval = `${opts.intervalMs}ms`;
  // The timeout must stay below the interval; 10 s as the shipped bank probes have.
  const timeout = `${Math.min(10_000, opts.intervalMs / 2)}ms`;
  const bankId = (i: number): string => `bank:b${i}`;
  return {
    server: { port: opts.port, host: '127.0.0.1' },
    log: { level: 'warn' },
    store: { snapshotFile: opts.snapshotFile, keyPrefix: `bench-${process.pid}-${Date.now()}:` },
    components: targets.map((_, i) => ({ id: bankId(i), kind: 'bank', name: { pl: `Bank ${i}`, en: `Bank ${i}` } })),
    probes: [
      ...targets.map((t, i) => ({ id: `p${i}`, component: bankId(i), kind: 'http', interval, timeout, http: { url: `${upstreamUrl}${t}`, expectStatus: ['2xx'] } })),
      { id: 'canary', canary: true, kind: 'http', interval, timeout, http: { url: `${upstreamUrl}/canary`, expectStatus: ['2xx'] } },
    ],
  };
}

/** Starts ikp-status with the generated config; with `redis`, also a private redis-server for it. */
export function ikpSystem(procs: Procs, opts: BenchOptions, store: 'memory' | 'redis'): StartSystem {
  return async (upstreamUrl, targets) => {
    const dir = procs.tempDir('ikp-bench-');
    const port = await freePort();
    const file = path.join(dir, 'config.yaml');
    writeFileSync(file, stringify(ikpConfig(upstreamUrl, targets, { ...opts, port, snapshotFile: path.join(dir, 'state.json') })));
    const aux: Record<string, number> = {};
    const stops: (() => Promise<void>)[] = [];
    const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port) };
    delete env.REDIS_URL;
    delete env.LOG_LEVEL;
    delete env.CONFIG;
    if (store === 'redis') {
      const bin = await ensureDebianBinary('redis-server', 'redis-server');
      const redisPort = await freePort();
      const redis = procs.spawn(bin, ['--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', '--port', String(redisPort)]);
      stops.push(redis.stop);
      await waitFor('redis-server', redis, 20_000, () => redisPong(redisPort));
      aux['redis-server'] = redis.pid;
      env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
    }
    const app = procs.spawn(process.execPath, ['bin/ikp-status.js', 'serve', file], { env });
    stops.unshift(app.stop);
    const base = `http://127.0.0.1:${port}`;
    const stopAll = async (): Promise<void> => {
      for (const stop of stops) await stop();
    };
    try {
      await waitFor('ikp-status', app, 120_000, () => httpOk(`${base}/healthz`));
    } catch (err) {
      await stopAll();
      throw err;
    }
    const system: System = { measured: { 'ikp-status': app.pid }, aux, metricsUrl: `${base}/metrics`, stop: stopAll };
    return system;
  };
}
