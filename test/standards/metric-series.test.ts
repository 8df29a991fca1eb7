import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { createStore } from '../../src/store/create.ts';
import { CAUSE_CODES } from '../../src/triage/types.ts';
import { promtool, runTool } from '../ops/tools.ts';

/** Series Prometheus makes itself (scrape health), not the app. */
const PROMETHEUS_OWN = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);
const NAME = /\b((?:ikpstatus|probe|process|nodejs)_[a-z0-9_]+|up)\b/g;

/** Metric names a PromQL text refers to, with histogram suffixes folded onto the family. */
function namesIn(text: string): string[] {
  return [...text.matchAll(NAME)].map((m) => m[1]!.replace(/_(bucket|count|sum)$/, '')).filter((n) => !PROMETHEUS_OWN.has(n));
}

const alerts = parse(readFileSync('config/prometheus/alerts.yml', 'utf8')) as { groups: { rules: { expr: string }[] }[] };
const ruleTests = parse(readFileSync('config/prometheus/alerts.test.yml', 'utf8')) as { tests: { input_series: { series: string }[] }[] };
const dashboard = readFileSync('config/grafana/ikp-status-dashboard.json', 'utf8');
const USED = {
  'alerts.yml': alerts.groups.flatMap((g) => g.rules.flatMap((r) => namesIn(r.expr))),
  'alerts.test.yml': ruleTests.tests.flatMap((t) => t.input_series.flatMap((s) => namesIn(s.series.split('{')[0]!))),
  'grafana dashboard': [...dashboard.matchAll(/"expr":\s*"((?:[^"\\]|\\.)*)"/g)].flatMap((m) => namesIn(JSON.parse(`"${m[1]}"`) as string)),
};

describe('the Grafana dashboard', () => {
  it('when its panels are read, then none plots CPU (cores) and memory (bytes) on one axis', () => {
    const panels = (JSON.parse(dashboard) as { panels: { title: string; targets?: { expr: string }[]; fieldConfig?: { defaults?: { unit?: string } } }[] }).panels;
    for (const p of panels) {
      const exprs = (p.targets ?? []).map((t) => t.expr).join(' ');
      expect(/process_cpu_seconds_total/.test(exprs) && /_bytes\b/.test(exprs), p.title).toBe(false);
    }
    const memory = panels.find((p) => (p.targets ?? []).some((t) => t.expr.includes('process_resident_memory_bytes')))!;
    expect(memory.fieldConfig?.defaults?.unit).toBe('bytes');
  });
});

describe('series used by alerts, rule tests and Grafana exist in the first scrape', () => {
  let app: RunningApp;
  let first = '';

  beforeAll(async () => {
    const config = configSchema.parse({
      server: { port: 0, host: '127.0.0.1' },
      log: { level: 'silent' },
      components: [{ id: 'ikp', name: { pl: 'IKP', en: 'IKP' } }],
      // Targets on a closed local port: nothing here may reach a real site, and the scrape comes before any run.
      probes: [
        { id: 'ikp-home', kind: 'http', component: 'ikp', interval: '1h', timeout: '1s', http: { url: 'http://127.0.0.1:9/' } },
        { id: 'pacjent-notices', kind: 'notices', interval: '1h', timeout: '1s', notices: { url: 'http://127.0.0.1:9/n', format: 'html', selectors: { item: 'li', title: 'a' }, components: ['ikp'] } },
      ],
      webhooks: [{ id: 'ops', kind: 'slack', url: 'http://127.0.0.1:9/hook' }],
    });
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    app = await startApp(config, { stores: store, logger: createLogger('silent') });
    first = await (await fetch(`${app.url}/metrics`)).text();
  });

  afterAll(async () => app?.stop());

  it.each(Object.entries(USED))('when %s is read, then every series name it uses is in the first scrape', (_file, names) => {
    expect(names.length).toBeGreaterThan(0);
    const exported = new Set([...first.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
    expect([...new Set(names)].filter((n) => !exported.has(n))).toEqual([]);
  });

  it('when the first scrape is read, then counters known from the config already have a 0 series', () => {
    expect(first).toContain('ikpstatus_notice_parse_failures_total{source="pacjent-notices"} 0');
    for (const cause of CAUSE_CODES) expect(first).toContain(`ikpstatus_triage_requests_total{first_cause="${cause}"} 0`);
    for (const outcome of ['delivered', 'failed', 'dropped']) expect(first).toContain(`ikpstatus_webhook_deliveries_total{webhook="ops",outcome="${outcome}"} 0`);
  });

  it('when promtool checks the first scrape, then it passes', async () => {
    const res = await runTool(await promtool(), ['check', 'metrics'], first);
    expect(res.stdout + res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
});
