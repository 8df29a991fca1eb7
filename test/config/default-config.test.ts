import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkConfigFile, loadConfig } from '../../src/config/load.ts';

const file = fileURLToPath(new URL('../../config/default.yaml', import.meta.url));
// Loaded once from disk; nothing here contacts the configured hosts.
const config = loadConfig({ file, env: {} });
const banks = config.components.filter((c) => c.kind === 'bank');
const componentProbes = config.probes.filter((p) => !p.canary);
const canaries = config.probes.filter((p) => p.canary);

describe('config/default.yaml', () => {
  it('when checked, then it passes schema and semantic validation with zero problems', () => {
    expect(checkConfigFile(file)).toEqual([]);
  });

  it('when loaded, then it has the IKP login-path components', () => {
    const ids = config.components.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ikp', 'login-gov', 'profil-zaufany', 'mojeid', 'mobywatel', 'e-dowod']));
  });

  it('when loaded, then it lists at least 10 banks, each with a homepage and a dependency on PZ or mojeID', () => {
    expect(banks.length).toBeGreaterThanOrEqual(10);
    for (const bank of banks) {
      expect(bank.homepage, bank.id).toMatch(/^https:\/\//);
      expect(bank.dependsOn.length === 1 && ['profil-zaufany', 'mojeid'].includes(bank.dependsOn[0] ?? ''), bank.id).toBe(true);
    }
  });

  it('when loaded, then every component has at least one probe', () => {
    const probed = new Set(componentProbes.map((p) => p.component));
    expect(config.components.filter((c) => !probed.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('when loaded, then at least two canaries exist and none has a component', () => {
    expect(canaries.length).toBeGreaterThanOrEqual(2);
    expect(canaries.filter((p) => p.component !== undefined)).toEqual([]);
  });

  it('when loaded, then every bank is offered by a login method whose path goes through its parent', () => {
    const offered = new Map<string, string[]>();
    for (const m of config.loginMethods) for (const b of m.banks ?? []) offered.set(`bank:${b}`, [...(offered.get(`bank:${b}`) ?? []), m.id]);
    for (const bank of banks) {
      const methods = config.loginMethods.filter((m) => offered.get(bank.id)?.includes(m.id));
      expect(methods.length, bank.id).toBe(1);
      expect(methods[0]?.path, bank.id).toContain(bank.dependsOn[0]);
    }
  });

  it('when loaded, then probe timings are in the realistic range and every URL is https', () => {
    for (const p of config.probes) {
      expect(p.interval, p.id).toBeGreaterThanOrEqual(60_000);
      expect(p.interval, p.id).toBeLessThanOrEqual(300_000);
      expect(p.timeout, p.id).toBeGreaterThanOrEqual(10_000);
      expect(p.timeout, p.id).toBeLessThanOrEqual(15_000);
      const urls = p.kind === 'http' ? [p.http.url] : p.kind === 'notices' ? [p.notices.url] : p.journey.steps.flatMap((s) => (s.get ? [s.get] : []));
      for (const url of urls) expect(url, p.id).toMatch(/^https:\/\//);
    }
  });

  it('when loaded, then server, store and engine use the documented defaults', () => {
    expect(config.server.port).toBe(8080);
    expect(config.store.redisUrl).toBeNull();
    expect(config.engine).toEqual({ failureThreshold: 3, successThreshold: 2, staleAfterIntervals: 3, evaluateEvery: 15_000, minFreshness: 60_000 });
  });
});
