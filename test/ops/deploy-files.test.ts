import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDuration } from '../../src/config/duration.ts';
import { configSchema } from '../../src/config/schema.ts';

interface ComposeService {
  build?: string | { context: string };
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string> | string[];
  ports?: string[];
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  deploy?: { replicas?: number };
  stop_grace_period?: string;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const promConfig = parse(readFileSync('config/prometheus/prometheus.yml', 'utf8')) as {
  rule_files: string[];
  scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
};
const services = Object.entries(compose.services);
// The app services are the one that builds the image and every replica that reuses its tag.
const appImage = services.find(([, s]) => s.build !== undefined)?.[1].image;
const isApp = ([, s]: [string, ComposeService]): boolean => s.build !== undefined || (appImage !== undefined && s.image === appImage);
const apps = services.filter(isApp);
const envOf = (s: ComposeService): Record<string, string> =>
  Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => e.split(/=(.*)/s).slice(0, 2) as [string, string])) : (s.environment ?? {});
const argsOf = (s: ComposeService): string => (Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? ''));
const byImage = (prefix: string): [string, ComposeService] => {
  const found = services.find(([, s]) => s.image?.startsWith(prefix));
  if (!found) throw new Error(`no service with image ${prefix}*`);
  return found;
};

describe('docker-compose.yml', () => {
  it('when the app services are counted, then at least two replicas run', () => {
    const replicas = apps.reduce((n, [, s]) => n + (s.deploy?.replicas ?? 1), 0);
    expect(replicas).toBeGreaterThanOrEqual(2);
  });

  it('when each app reads REDIS_URL, then it points at the redis service on 6379 and waits for it to be healthy', () => {
    const [redisName] = byImage('redis');
    for (const [name, s] of apps) {
      const url = new URL(envOf(s).REDIS_URL ?? '');
      expect(url.protocol, name).toBe('redis:');
      expect(url.hostname, name).toBe(redisName);
      expect(url.port || '6379', name).toBe('6379');
      expect((s.depends_on as Record<string, { condition?: string }>)[redisName]?.condition, name).toBe('service_healthy');
    }
  });

  it('when redis starts, then AOF persistence is on and its data sits on a volume', () => {
    const [, redis] = byImage('redis');
    expect(argsOf(redis)).toMatch(/--appendonly\s+yes/);
    expect(redis.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('when an app is stopped, then compose waits longer than the probe shutdown grace', () => {
    const grace = configSchema.parse({ components: [{ id: 'x', name: { pl: 'x', en: 'x' } }] }).scheduler.shutdownGrace;
    for (const [name, s] of apps) expect(parseDuration(s.stop_grace_period ?? '10s'), name).toBeGreaterThan(grace);
  });

  it('when prometheus starts, then it mounts the shipped prometheus.yml as its config and alerts.yml where rule_files points', () => {
    const [, prom] = byImage('prom/prometheus');
    const mounts = new Map((prom.volumes ?? []).map((v) => v.split(':') as [string, string]).map(([from, to]) => [path.normalize(from), to]));
    const configPath = mounts.get('config/prometheus/prometheus.yml');
    const alertsPath = mounts.get('config/prometheus/alerts.yml');
    expect(configPath).toBeDefined();
    expect(alertsPath).toBeDefined();
    expect(argsOf(prom)).toContain(`--config.file=${configPath}`);
    const ruleFiles = promConfig.rule_files.map((f) => path.posix.resolve(path.posix.dirname(configPath!), f));
    expect(ruleFiles).toEqual([alertsPath]);
  });

  it('when prometheus scrapes, then its targets are exactly the app services on their container port', () => {
    const job = promConfig.scrape_configs.find((j) => j.job_name === 'ikp-status')!;
    expect(job.metrics_path ?? '/metrics').toBe('/metrics');
    const targets = job.static_configs.flatMap((c) => c.targets).sort();
    const expected = apps.map(([name, s]) => `${name}:${envOf(s).PORT ?? '8080'}`).sort();
    expect(targets).toEqual(expected);
    for (const [name, s] of apps) expect(s.ports?.every((p) => p.endsWith(`:${envOf(s).PORT ?? '8080'}`)), name).toBe(true);
  });
});

describe('Dockerfile', () => {
  const lines = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim());
  const froms = lines.flatMap((l, i) => (/^FROM\s/i.test(l) ? [i] : []));
  const finalStage = lines.slice(froms.at(-1));

  it('when it is read, then it is a multi-stage build on Node 22', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const i of froms) expect(lines[i]).toMatch(/^FROM\s+node:22[.-]/i);
  });

  it('when the final stage is read, then it installs production dependencies only and runs as a non-root user', () => {
    const installs = finalStage.filter((l) => /npm ci\b/.test(l));
    expect(installs.length).toBeGreaterThan(0);
    for (const l of installs) expect(l).toContain('--omit=dev');
    const user = finalStage.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('when the final stage is read, then its HEALTHCHECK calls /healthz', () => {
    expect(finalStage.find((l) => /^HEALTHCHECK\s/i.test(l))).toMatch(/\/healthz/);
  });
});
