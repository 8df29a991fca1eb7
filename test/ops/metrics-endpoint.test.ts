import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { createStore } from '../../src/store/create.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { samples, valueOf } from './prom-text.ts';
import { promtool, runTool } from './tools.ts';

const PESEL = '44051401359';

/** Every metric family this issue asks for (plus the interval and store gauges the alerts use). */
const FAMILIES = [
  'ikpstatus_probe_success',
  'ikpstatus_probe_duration_seconds',
  'ikpstatus_probe_runs_total',
  'ikpstatus_last_probe_timestamp_seconds',
  'ikpstatus_probe_interval_seconds',
  'ikpstatus_component_status',
  'ikpstatus_maintenance_active',
  'ikpstatus_maintenance_next_start_timestamp_seconds',
  'ikpstatus_notice_parse_failures_total',
  'ikpstatus_monitor_blind',
  'ikpstatus_engine_component_evaluations_total',
  'ikpstatus_triage_requests_total',
  'ikpstatus_http_request_duration_seconds',
  'ikpstatus_build_info',
  'ikpstatus_store_up',
  'ikpstatus_scheduler_fire_lag_seconds',
  'ikpstatus_scheduler_missed_fires_total',
  'ikpstatus_scheduler_concurrency_limit',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
];

describe('GET /metrics on a running app', () => {
  let upstream: Upstream;
  let app: RunningApp;
  let text = '';

  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.route('/ok', (_req, res) => res.end('ok'));
    upstream.route('/down', (_req, res) => res.writeHead(503).end('no'));
    const config = configSchema.parse({
      server: { port: 0, host: '127.0.0.1' },
      log: { level: 'silent' },
      components: [
        { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
        { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
      ],
      probes: [
        { id: 'canary', kind: 'http', canary: true, interval: '1s', timeout: '800ms', http: { url: upstream.url('/ok') } },
        { id: 'login-gov', kind: 'http', component: 'login-gov', interval: '1s', timeout: '800ms', http: { url: upstream.url('/ok') } },
        { id: 'pz', kind: 'http', component: 'profil-zaufany', interval: '1s', timeout: '800ms', failureThreshold: 1, http: { url: upstream.url('/down') } },
      ],
    });
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    app = await startApp(config, { stores: store, logger: createLogger('silent') });
    await pollUntil('pz outage in /metrics', async () => {
      const t = await (await fetch(`${app.url}/metrics`)).text();
      return valueOf(t, 'ikpstatus_component_status', { component: 'profil-zaufany', status: 'outage' }) === 1 ? t : undefined;
    });
    await fetch(`${app.url}/api/v1/status`);
    await fetch(`${app.url}/api/v1/nope/${PESEL}?pesel=${PESEL}`);
    await fetch(`${app.url}/api/v1/status`, { method: 'POST', body: `{"pesel":"${PESEL}"}` });
    app.metrics.triageRequests.inc({ first_cause: 'profil-zaufany' });
    text = await (await fetch(`${app.url}/metrics`)).text();
  });

  afterAll(async () => {
    await app?.stop();
    await upstream?.close();
  });

  it('when the exposition is checked with promtool check metrics, then it passes without a lint problem', async () => {
    const res = await runTool(await promtool(), ['check', 'metrics'], text);
    expect(res.stdout + res.stderr).toBe('');
    expect(res.code).toBe(0);
  });

  it.each(FAMILIES)('when /metrics is scraped, then the family %s is exposed with HELP and TYPE', (name) => {
    expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
    expect(text).toMatch(new RegExp(`^# TYPE ${name} (gauge|counter|histogram)$`, 'm'));
  });

  it('when /metrics is fetched, then it answers in the Prometheus text format', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('when probes ran, then runs are counted by result and reason and their durations observed', () => {
    expect(valueOf(text, 'ikpstatus_probe_runs_total', { probe: 'pz', result: 'failed', reason: 'http_status' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'ikpstatus_probe_runs_total', { probe: 'login-gov', result: 'ok', reason: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'ikpstatus_probe_duration_seconds_count', { probe: 'pz' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'ikpstatus_probe_success', { probe: 'pz', component: 'profil-zaufany' })).toBe(0);
    expect(valueOf(text, 'ikpstatus_monitor_blind')).toBe(0);
  });

  it('when requests hit known and unknown paths, then HTTP durations carry route templates and never a raw path', () => {
    const http = samples(text, 'ikpstatus_http_request_duration_seconds_count');
    expect(http.find((s) => s.labels.route === '/api/v1/status' && s.labels.method === 'GET' && s.labels.status_code === '200')?.value).toBeGreaterThanOrEqual(1);
    expect(http.find((s) => s.labels.route === 'unmatched' && s.labels.method === 'GET' && s.labels.status_code === '404')?.value).toBe(1);
    expect(http.find((s) => s.labels.route === 'unmatched' && s.labels.method === 'POST')?.value).toBe(1);
    const routes = new Set(http.map((s) => s.labels.route));
    expect([...routes].filter((r) => r !== 'unmatched' && !r!.startsWith('/'))).toEqual([]);
    expect(text).not.toContain(PESEL);
    expect(text).not.toContain('/api/v1/nope');
  });

  it('when probes fired on their slots, then fire lag is observed, missed fires show by reason from 0, and the concurrency limit is exposed', () => {
    expect(valueOf(text, 'ikpstatus_scheduler_fire_lag_seconds_count')).toBeGreaterThanOrEqual(3);
    for (const reason of ['overlap', 'queued', 'stalled']) expect(valueOf(text, 'ikpstatus_scheduler_missed_fires_total', { reason })).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'ikpstatus_scheduler_concurrency_limit')).toBeGreaterThanOrEqual(8);
  });

  it('when build info is read, then it names the package version and the Node.js version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(valueOf(text, 'ikpstatus_build_info', { version: pkg.version, node: process.versions.node })).toBe(1);
  });

  it('when a triage answer is counted, then it shows by first cause', () => {
    expect(valueOf(text, 'ikpstatus_triage_requests_total', { first_cause: 'profil-zaufany' })).toBe(1);
  });

  it('when the alert rules and the dashboard name metrics, then every name is one this app exposes', () => {
    const exposed = new Set([...text.matchAll(/^# TYPE (\S+) (\w+)$/gm)].flatMap((m) => (m[2] === 'histogram' ? [m[1]!, `${m[1]}_bucket`, `${m[1]}_count`, `${m[1]}_sum`] : [m[1]!])));
    const rules = parse(readFileSync('config/prometheus/alerts.yml', 'utf8')) as { groups: { rules: { expr: string }[] }[] };
    const dashboard = JSON.parse(readFileSync('config/grafana/ikp-status-dashboard.json', 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = [...rules.groups.flatMap((g) => g.rules.map((r) => r.expr)), ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))];
    const named = new Set(exprs.flatMap((e) => [...e.matchAll(/\b((?:ikpstatus|process|nodejs)_[a-z_]+)\b/g)].map((m) => m[1]!)));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((n) => !exposed.has(n))).toEqual([]);
  });
});
