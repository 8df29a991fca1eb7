import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { freePort } from '../helpers/free-port.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { writeTempConfig } from './temp-config.ts';
import { prometheusServer } from './tools.ts';

interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

describe('a real Prometheus scraping two replicas that share one Redis', () => {
  let upstream: Upstream;
  let replicas: SpawnedApp[] = [];
  let prometheus: ChildProcess | undefined;
  let promOutput = '';
  let promUrl = '';
  let tsdbDir = '';
  const targets: string[] = [];

  /** Runs an instant PromQL query through the HTTP API. */
  async function query(promql: string): Promise<VectorSample[]> {
    const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await res.json()) as { status: string; data: { resultType: string; result: VectorSample[] } };
    if (body.status !== 'success') throw new Error(`query failed: ${JSON.stringify(body)}`);
    return body.data.result;
  }

  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.route('/down', (_req, res) => res.writeHead(503).end('down'));
    upstream.route('/ok', (_req, res) => res.end('ok'));
    const { dir, file } = writeTempConfig({
      store: { keyPrefix: uniquePrefix() },
      components: [
        { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
        { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
      ],
      probes: [
        { id: 'login-gov', kind: 'http', component: 'login-gov', interval: '1s', timeout: '800ms', http: { url: upstream.url('/ok') } },
        { id: 'pz', kind: 'http', component: 'profil-zaufany', interval: '1s', timeout: '800ms', failureThreshold: 1, http: { url: upstream.url('/down') } },
      ],
    });
    const env = { CONFIG: file, REDIS_URL: testRedisUrl() };
    replicas = await Promise.all([spawnApp(env, { cwd: dir }), spawnApp(env, { cwd: dir })]);
    targets.push(...replicas.map((r) => new URL(r.url).host));

    const bin = await prometheusServer();
    tsdbDir = mkdtempSync(path.join(os.tmpdir(), 'ikp-prometheus-'));
    const promConfig = path.join(tsdbDir, 'prometheus.yml');
    writeFileSync(
      promConfig,
      stringify({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        // The shipped rules, loaded by a real server.
        rule_files: [path.resolve('config/prometheus/alerts.yml')],
        scrape_configs: [{ job_name: 'ikp-status', static_configs: [{ targets }] }],
      }),
    );
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      bin,
      [`--config.file=${promConfig}`, `--storage.tsdb.path=${path.join(tsdbDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (b: Buffer): void => void (promOutput = (promOutput + b.toString()).slice(-8000));
    prometheus.stdout!.on('data', collect);
    prometheus.stderr!.on('data', collect);
    await pollUntil(
      'Prometheus to be ready',
      async () => {
        if (prometheus?.exitCode !== null) throw new Error(`prometheus exited with ${prometheus?.exitCode}: ${promOutput}`);
        return (await fetch(`${promUrl}/-/ready`)).ok ? true : undefined;
      },
      30_000,
      200,
    );
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((r) => prometheus!.once('exit', r));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await Promise.all(replicas.map((r) => r.stop('SIGTERM')));
    await upstream?.close();
    if (tsdbDir) rmSync(tsdbDir, { recursive: true, force: true });
  });

  it('when both replicas are scraped, then PromQL shows the same ikpstatus_component_status on each', { timeout: 60_000 }, async () => {
    const current = await pollUntil(
      'both replicas to report profil-zaufany as outage',
      async () => {
        const rows = await query('ikpstatus_component_status{job="ikp-status"} == 1');
        const outage = rows.filter((r) => r.metric.component === 'profil-zaufany' && r.metric.status === 'outage');
        return new Set(outage.map((r) => r.metric.instance)).size === 2 ? rows : undefined;
      },
      45_000,
      500,
    );
    const byInstance = new Map<string, Record<string, string>>();
    for (const row of current) {
      const states = byInstance.get(row.metric.instance!) ?? {};
      states[row.metric.component!] = row.metric.status!;
      byInstance.set(row.metric.instance!, states);
    }
    expect([...byInstance.keys()].sort()).toEqual([...targets].sort());
    const [a, b] = [...byInstance.values()];
    expect(a).toEqual({ 'login-gov': 'operational', 'profil-zaufany': 'outage' });
    expect(b).toEqual(a);
    // Every (component, status) pair is reported by both replicas, never by one alone.
    const counts = await query('count by (component, status) (ikpstatus_component_status{job="ikp-status"} == 1)');
    expect(counts.map((r) => r.value[1])).toEqual(counts.map(() => '2'));
  });

  it('when Prometheus loads the shipped alerts.yml, then all seven rules are healthy', async () => {
    const res = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string; health: string }[] }[] } };
    const rules = res.data.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.name).sort()).toEqual(['ComponentOutage', 'IkpMaintenanceStartingSoon', 'MonitorBlind', 'NoticeSourceBroken', 'ProbeStale', 'ScrapeDown', 'StoreDown']);
    await pollUntil('rules to be evaluated', async () => {
      const again = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as typeof res;
      const health = again.data.groups.flatMap((g) => g.rules.map((r) => r.health));
      return health.every((h) => h === 'ok') ? true : undefined;
    });
  });

  it('when the targets are listed, then both replicas are up', async () => {
    const up = await pollUntil('both targets up', async () => {
      const rows = await query('up{job="ikp-status"} == 1');
      return rows.length === 2 ? rows : undefined;
    });
    expect(up.map((r) => r.metric.instance).sort()).toEqual([...targets].sort());
  });
});
