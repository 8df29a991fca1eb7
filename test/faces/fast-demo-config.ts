import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import type { Config } from '../../src/config/schema.ts';
import { validateConfig } from '../../src/config/validate.ts';

/**
 * The demo's config sped up for a system test: every probe (journeys and notice sources too) runs
 * each second with a sub-second timeout and the engine evaluates each second. Two failures make a
 * probe down (one less than the demo, a second saved per scenario); two successes make it up again,
 * as in the demo: the climb back is where a transition lies (a window's failures carried past its end).
 * Slowness keeps its meaning at this scale: a hop slower than `slowAfterMs`
 * is slow, and the simulator's slow upstreams must answer between that and the timeout.
 */
export const FAST = { intervalMs: 1_000, timeoutMs: 900, stepTimeoutMs: 800, slowAfterMs: 400, simulatorSlowMs: 600 } as const;

/** The demo config (port 0, nothing kept on disk) with the FAST timings; throws naming any item the change made invalid. */
export function fastDemoConfig(simUrl: string): Config {
  const config = loadDemoConfig(simUrl, { PORT: '0' });
  const fast: Config = {
    ...config,
    store: { ...config.store, snapshotFile: null },
    // Every probe fires each second: room for all of them at once, or fires wait behind each other and go stale.
    scheduler: { ...config.scheduler, concurrency: 32, maxConcurrency: Math.max(32, config.scheduler.maxConcurrency) },
    // The triage faces are read many times a second from one address: the test tells them apart by X-Forwarded-For.
    server: { ...config.server, trustProxy: 'loopback' },
    // Five missed seconds before a result is stale: three (the default) is less than a loaded machine delays a fire.
    engine: { ...config.engine, evaluateEvery: FAST.intervalMs, failureThreshold: 2, successThreshold: 2, staleAfterIntervals: 5 },
    probes: config.probes.map((p) => {
      const timing = { interval: FAST.intervalMs, timeout: FAST.timeoutMs };
      switch (p.kind) {
        case 'http':
          return { ...p, ...timing, http: { ...p.http, ...(p.http.degradedAfter === undefined ? {} : { degradedAfter: FAST.slowAfterMs }) } };
        case 'journey':
          return { ...p, ...timing, journey: { ...p.journey, stepTimeout: FAST.stepTimeoutMs, steps: p.journey.steps.map(({ timeout: _own, ...s }) => s) } };
        default:
          return { ...p, ...timing };
      }
    }),
  };
  const problems = validateConfig(fast);
  if (problems.length > 0) throw new Error(`the fast demo config is invalid: ${problems.join('; ')}`);
  return fast;
}
