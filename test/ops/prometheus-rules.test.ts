import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { promtool, runTool } from './tools.ts';

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const ALERTS = ['ComponentOutage', 'MonitorBlind', 'ProbeStale', 'NoticeSourceBroken', 'IkpMaintenanceStartingSoon', 'StoreDown', 'ScrapeDown'];
const rules = (parse(readFileSync('config/prometheus/alerts.yml', 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

describe('shipped Prometheus rules and config', () => {
  it.each([
    ['check rules config/prometheus/alerts.yml', ['check', 'rules', 'config/prometheus/alerts.yml']],
    ['test rules config/prometheus/alerts.test.yml', ['test', 'rules', 'config/prometheus/alerts.test.yml']],
    ['check config config/prometheus/prometheus.yml', ['check', 'config', 'config/prometheus/prometheus.yml']],
  ])('when promtool runs %s, then it succeeds', async (_what, args) => {
    const res = await runTool(await promtool(), args);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout + res.stderr).toContain('SUCCESS');
  });

  it('when the rules are listed, then exactly the seven documented alerts exist', () => {
    expect(rules.map((r) => r.alert).sort()).toEqual([...ALERTS].sort());
  });

  it.each(ALERTS)('when %s is read, then it has a for:, a severity and Polish and English annotations', (name) => {
    const rule = rules.find((r) => r.alert === name)!;
    expect(rule.for).toMatch(/^\d+[smh]$/);
    expect(['critical', 'warning', 'info']).toContain(rule.labels?.severity);
    for (const key of ['summary', 'summary_pl', 'description', 'description_pl']) expect(rule.annotations?.[key], key).toMatch(/\S/);
  });

  it('when the unit tests are read, then ComponentOutage and MonitorBlind are both covered', () => {
    const tests = parse(readFileSync('config/prometheus/alerts.test.yml', 'utf8')) as { tests: { alert_rule_test: { alertname: string }[] }[] };
    const covered = new Set(tests.tests.flatMap((t) => t.alert_rule_test.map((a) => a.alertname)));
    for (const name of ALERTS) expect(covered.has(name), name).toBe(true);
  });
});
