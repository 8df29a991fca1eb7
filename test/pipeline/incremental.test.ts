import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { PipelineDeps } from '../../src/pipeline/context.ts';
import { Evaluator } from '../../src/pipeline/evaluator.ts';
import { recordResult } from '../../src/pipeline/record-result.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import { startRedisProcess, type RedisProcess } from '../faults/redis-process.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';

const T0 = Date.parse('2026-11-30T10:00:00+01:00');
/** Rare, patient health checks: none lands inside a measurement, and none is missed on a loaded machine. */
const PATIENT_GUARD = { checkEveryMs: 60_000, checkTimeoutMs: 30_000, pingTimeoutMs: 30_000 };

/** login-gov plus `banks` banks that depend on it, one HTTP probe each (nothing is fetched: results are fed in). */
function monitor(banks: number): Config {
  const ids = Array.from({ length: banks }, (_, i) => `bank:b${i}`);
  return configSchema.parse({
    store: { snapshotFile: '' },
    engine: { failureThreshold: 1, successThreshold: 1 },
    components: [{ id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } }, ...ids.map((id) => ({ id, kind: 'bank', name: { pl: id, en: id }, dependsOn: ['login-gov'] }))],
    probes: [
      { id: 'p-login-gov', kind: 'http', component: 'login-gov', interval: '30s', timeout: '5s', http: { url: 'http://127.0.0.1:9/' } },
      ...ids.map((id, i) => ({ id: `p${i}`, kind: 'http', component: id, interval: '30s', timeout: '5s', http: { url: 'http://127.0.0.1:9/' } })),
    ],
  });
}

async function pipeline(config: Config, store: Stores, batchMs = 20) {
  const clock = new FakeClock(T0);
  const passes: number[] = [];
  const deps: PipelineDeps = {
    config,
    stores: store,
    clock,
    logger: createLogger('silent'),
    observer: { probeFinished: () => undefined, noticeParseFailed: () => undefined, componentsEvaluated: (n) => passes.push(n) },
  };
  deps.evaluator = new Evaluator(deps, batchMs);
  await reevaluate(deps);
  passes.length = 0;
  const record = (probeId: string, ok = true) => {
    const probe = config.probes.find((p) => p.id === probeId)!;
    return recordResult(deps, probe, { ok, degraded: false, reason: ok ? 'ok' : 'timeout', durationMs: 200, probeId, component: probe.component ?? null, at: clock.now() });
  };
  return { deps, clock, passes, record };
}

const backends: [string, (prefix: string) => Promise<Stores>][] = [
  ['the embedded store', () => createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: new FakeClock(T0) })],
  // Health-check budgets far above any stall of a loaded machine: this suite is about the work per
  // result, and a missed check would refuse writes as if Redis were down.
  ['Redis', (keyPrefix) => createStore({ redisUrl: testRedisUrl(), keyPrefix, snapshotFile: null, clock: new FakeClock(T0), logger: createLogger('warn'), guard: PATIENT_GUARD })],
];

describe.each(backends)('incremental evaluation on %s', (_name, open) => {
  const config = monitor(1_000);
  let store: Stores;
  beforeAll(async () => {
    store = await open(uniquePrefix());
  });
  afterAll(() => store.lifecycle.close());

  it('when one bank reports, then only that bank is judged', async () => {
    const { passes, record } = await pipeline(config, store);
    await record('p7', false);
    expect(passes).toEqual([1]);
    expect((await store.results.getComponentStates()).get('bank:b7')?.status).toBe('outage');
  });

  it('when login.gov.pl reports, then it and every bank that depends on it are judged', async () => {
    const { passes, record } = await pipeline(config, store);
    await record('p-login-gov', false);
    expect(passes).toEqual([1_001]);
    expect((await store.results.getComponentStates()).get('bank:b999')?.rootCause).toBe('login-gov');
  });

  it('when 100 results arrive together, then one pass judges their 100 components and the page is rebuilt once', async () => {
    // A wide batch window and rebuild delay, so the counts do not depend on how fast this machine is.
    const { deps, passes, record } = await pipeline(config, store, 500);
    const snapshot = new StatusSnapshot({ config, stores: store, logger: deps.logger, now: () => deps.clock.now(), rebuildDelayMs: 1_000 });
    await snapshot.start();
    await pollUntil('the first rebuild', async () => (snapshot.rebuilds > 0 ? true : undefined), 10_000, 20);
    const before = snapshot.rebuilds;
    await Promise.all(Array.from({ length: 100 }, (_, i) => record(`p${100 + i}`, false)));
    expect(passes).toEqual([100]);
    await pollUntil('the rebuild after the batch', async () => (snapshot.rebuilds > before ? true : undefined), 10_000, 20);
    expect(snapshot.current().view.components.find((c) => c.id === 'bank:b150')?.status).toBe('outage');
    // Not "nothing more within N ms": a later change, recorded after that rebuild, gets a rebuild
    // of its own; by the time the page shows it, a second rebuild for the batch would have been counted.
    await record('p300', false);
    const bankOf = (id: string) => snapshot.current().view.components.find((c) => c.id === id)?.status;
    await pollUntil('the rebuild after the later change', async () => (bankOf('bank:b300') === 'outage' ? true : undefined), 10_000, 20);
    expect(snapshot.rebuilds).toBe(before + 2);
    await snapshot.stop();
  });
});

describe('Redis work per result', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedisProcess();
  });
  afterAll(() => redis.stop());

  /** Commands and bytes Redis handled per recorded result, for a monitor of `banks` banks. */
  async function perResult(banks: number): Promise<{ commands: number; bytes: number }> {
    const store = await createStore({ redisUrl: redis.url, keyPrefix: uniquePrefix(), snapshotFile: null, clock: new FakeClock(T0), guard: PATIENT_GUARD });
    try {
      const { record } = await pipeline(monitor(banks), store);
      for (let i = 0; i < 5; i++) await record(`p${i}`);
      const stats = async () => {
        const info = await redis.client().info('stats');
        const num = (k: string) => Number(new RegExp(`(?:^|\\n)${k}:(\\d+)`).exec(info.replace(/\r/g, ''))?.[1] ?? NaN);
        return { commands: num('total_commands_processed'), bytes: num('total_net_input_bytes') + num('total_net_output_bytes') };
      };
      const a = await stats();
      const n = 40;
      for (let i = 0; i < n; i++) await record(`p${10 + i}`, i % 2 === 0);
      const b = await stats();
      // The INFO call itself is one command.
      return { commands: (b.commands - a.commands - 1) / n, bytes: (b.bytes - a.bytes) / n };
    } finally {
      await store.lifecycle.close();
    }
  }

  it('when the monitor grows from 100 to 3,000 probes, then a result costs the same Redis commands and bytes', async () => {
    const small = await perResult(100);
    const large = await perResult(3_000);
    expect(large.commands).toBeLessThanOrEqual(small.commands + 0.5);
    expect(large.commands).toBeLessThan(25);
    // Nothing per result reads all probes or all components: bytes do not grow with the monitor.
    expect(large.bytes).toBeLessThan(small.bytes * 1.5);
  });
});
