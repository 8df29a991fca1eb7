import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import { admitResult, initialProbeState, judgeFailure, settle, type CanaryRun } from '../../src/engine/index.ts';
import type { ProbeResult, ProbeState } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { warsawDay } from '../../src/domain/warsaw.ts';
import { createStore } from '../../src/store/create.ts';
import { pollUntil } from '../helpers/poll.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';

const T = 1_800_000_000_000;
const S = 1_000;
const thresholds = { failureThreshold: 2, successThreshold: 2 };

/** Canary runs from a compact spec: "0+ 60- 120+" = ok at T, failed at T+60 s, ok at T+120 s. */
function runs(spec: string): CanaryRun[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((tok) => ({ at: T + Number(tok.slice(0, -1)) * S, ok: tok.endsWith('+') }));
}

function canaries(...specs: string[]): Map<string, CanaryRun[]> {
  return new Map(specs.map((s, i) => [`canary-${i}`, runs(s)]));
}

function result(atSec: number, ok: boolean): ProbeResult {
  return { probeId: 'p', component: 'login-gov', at: T + atSec * S, ok, degraded: false, reason: ok ? 'ok' : 'connect_reset', durationMs: 5 };
}

function up(): ProbeState {
  return { ...initialProbeState('p', T - 600 * S), status: 'up', lastOk: true, lastCheckedAt: T - 60 * S };
}

describe('judgeFailure: a failure counts only when canaries saw the internet around it', () => {
  const cases: Array<[string, number, string[], string]> = [
    ['no canary is configured', 30, [], 'count'],
    ['canaries passed before and after it', 30, ['0+ 60+'], 'count'],
    ['a canary passed in the same fire window', 60, ['0+ 60+'], 'count'],
    ['the canary failed in the same fire window (going blind)', 60, ['0+ 60-'], 'discard'],
    ['the canary passed before but failed after (going blind)', 30, ['0+ 60-'], 'discard'],
    ['the canary failed before but passed after (sight returning)', 30, ['0- 60+'], 'discard'],
    ['the canary failed on both sides (blind)', 30, ['0- 60-'], 'discard'],
    ['no canary has run after it yet', 30, ['0+'], 'wait'],
    ['no canary has run at all yet', 30, [''], 'wait'],
    ['nothing before, a pass after (start-up)', 30, ['60+'], 'count'],
    ['one of two canaries failed after, the other passed', 30, ['0+ 60-', '0+ 61+'], 'count'],
    ['both canaries failed after', 30, ['0+ 60-', '0+ 61-'], 'discard'],
    ['one canary failed after, the other has not reported', 30, ['0+ 60-', '0+'], 'wait'],
    ['both failed before, one passed after', 30, ['0- 60+', '0- 61-'], 'discard'],
    ['one of two failed before and both passed after', 30, ['0- 60+', '0+ 61+'], 'count'],
  ];
  it.each(cases)('when %s, then the verdict is %s', (_name, at, specs, expected) => {
    expect(judgeFailure(T + at * S, canaries(...specs))).toBe(expected);
  });
});

/** Feeds results ("F@30" = failure at T+30 s, "S@90") and canary runs in the order they arrive; returns the final state. */
function replay(steps: string, canarySpec: string): ProbeState {
  let state = up();
  const seen: CanaryRun[] = [];
  const all = runs(canarySpec);
  for (const step of steps.split(' ')) {
    if (step.startsWith('C')) {
      seen.push(all[seen.length]!);
      state = settle(state, new Map([['c', [...seen]]]), thresholds);
      continue;
    }
    const [kind, at] = step.split('@') as [string, string];
    state = admitResult(state, result(Number(at), kind === 'S'), new Map([['c', [...seen]]]), thresholds);
  }
  return state;
}

describe('admitResult and settle: the two edges of a blind spell (threshold 2)', () => {
  // Steps: F@t / S@t are probe results; C is the next canary run of the spec arriving.
  const cases: Array<[string, string, string, ProbeState['status'], number]> = [
    ['a real outage between passing canaries', 'C F@10 F@20 F@30 C', '0+ 60+', 'down', 0],
    ['failures waiting for the canary', 'C F@10 F@20', '0+ 60+', 'up', 2],
    ['going blind: the canary after the failures fails', 'C F@10 F@20 F@30 C', '0+ 60-', 'up', 0],
    ['blind throughout, then sight returns', 'C C F@70 F@80 F@90 C', '0+ 60- 120+', 'up', 0],
    ['sight returns: a late failure taken while blind reports after the passing canary', 'C C C F@110', '0+ 60- 120+', 'up', 0],
    ['a success after waiting failures proves sight (they count first)', 'C F@10 F@20 S@30', '0+', 'down', 0],
    ['a success after enough confirmed failures', 'C F@10 F@20 C S@70', '0+ 60+', 'down', 0],
  ];
  it.each(cases)('when %s (steps %s, canaries %s), then the probe is %s with %i failures waiting', (_name, steps, spec, status, waiting) => {
    const state = replay(steps, spec);
    expect(state.status).toBe(status);
    expect(state.pendingFailures?.length ?? 0).toBe(waiting);
  });

  it('when failures keep waiting without any canary run, then at most 20 are kept', () => {
    let state = up();
    for (let i = 1; i <= 50; i++) state = admitResult(state, result(i, false), new Map([['c', []]]), thresholds);
    expect(state.pendingFailures).toHaveLength(20);
    expect(state.pendingFailures![0]!.at).toBe(T + 31 * S);
  });
});

/**
 * The demo with the canary firing less often than the probes (as shipped: canaries each minute,
 * bank probes each 5 minutes, so failures land on both sides of a canary run), three failures make
 * an outage, and a webhook receiver on loopback.
 */
function blindDemoConfig(simUrl: string, hookUrl: string): Config {
  const c = loadDemoConfig(simUrl, {});
  c.server = { ...c.server, port: 0, host: '127.0.0.1' };
  // Three failures make an outage: a blind spell gives several, one slow fire on a loaded machine does not.
  c.engine = { ...c.engine, evaluateEvery: 1_000, failureThreshold: 3, successThreshold: 1 };
  c.incidents = { ...c.incidents, autoOpen: false };
  c.webhooks = [{ id: 'ops', kind: 'generic', url: hookUrl, secret: 'x'.repeat(32), backoff: 100 } as Config['webhooks'][number]];
  // HTTP probes only: a journey walks several hops, and a loaded machine would time it out for
  // real, which is an outage this test must not mistake for blindness. Budgets are wide for the same reason.
  c.probes = c.probes.filter((p) => p.kind === 'http');
  for (const p of c.probes) {
    p.interval = p.canary ? 6_000 : 2_000;
    p.timeout = 1_900;
    if (p.kind === 'http') p.http = { ...p.http, degradedAfter: undefined, connectTimeout: 1_000 };
  }
  return c;
}

describe('the demo\'s offline switch, on and off (the monitor goes blind and sees again)', () => {
  let sim: Simulator;
  let receiver: Upstream;
  let app: RunningApp;
  const deliveries: string[] = [];
  const seen: { id: string; status: string; reason: string }[] = [];

  const status = async () => (await (await fetch(`${app.url}/api/v1/status`)).json()) as { components: { id: string; status: string; reason: string }[] };
  /** Reads the status every 200 ms, keeping what it shows, until `done` holds (a condition, not a time). */
  const watch = async (what: string, done: () => Promise<boolean>): Promise<void> => {
    await pollUntil(what, async () => {
      seen.push(...(await status()).components);
      return (await done()) ? true : undefined;
    }, 60_000, 200);
  };
  /** Results of every probe (canaries apart) since `since`: each has at least `n` with `ok`. */
  const everyProbeHas = async (since: number, n: number, ok: boolean): Promise<boolean> => {
    const probes = config.probes.filter((p) => !p.canary);
    const counts = await Promise.all(probes.map(async (p) => (await app.stores.results.recentResults(p.id, 50)).filter((r) => r.at >= since && r.ok === ok).length));
    return counts.every((c) => c >= n);
  };
  const canaryHas = async (since: number, ok: boolean): Promise<boolean> => {
    const canaries = config.probes.filter((p) => p.canary);
    const counts = await Promise.all(canaries.map(async (p) => (await app.stores.results.recentResults(p.id, 50)).filter((r) => r.at >= since && r.ok === ok).length));
    return counts.every((c) => c >= 1);
  };
  let config: Config;

  beforeAll(async () => {
    sim = await startSimulator(0);
    receiver = await startUpstream();
    receiver.route('/hook', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        deliveries.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204).end();
      });
    });
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    config = blindDemoConfig(sim.url, receiver.url('/hook'));
    app = await startApp(config, { logger: createLogger('silent'), stores: store });
    await pollUntil('every demo component operational', async () => ((await status()).components.every((c) => c.status === 'operational') ? true : undefined), 60_000);
    const blind = Date.now();
    sim.setScenario('offline', true);
    // Blind until a canary has failed and every probe has failed more often than the outage threshold (3).
    await watch('a long blind spell', async () => (await canaryHas(blind, false)) && (await everyProbeHas(blind, 4, false)));
    const sighted = Date.now();
    sim.setScenario('offline', false);
    // Sighted until a canary has passed, every probe has passed twice, and the page shows it.
    await watch('sight back on every component', async () =>
      (await canaryHas(sighted, true)) && (await everyProbeHas(sighted, 2, true)) && (await status()).components.every((c) => c.status === 'operational'));
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await sim?.close();
    await receiver?.close();
  });

  it('when the monitor is blind, then its components are shown unknown (monitor_offline)', () => {
    expect(seen.some((c) => c.status === 'unknown' && c.reason === 'monitor_offline')).toBe(true);
  });

  it('when it goes blind and when it sees again, then no component is ever shown in outage', () => {
    expect(seen.filter((c) => c.status === 'outage')).toEqual([]);
  });

  it('when sight has returned, then every component is operational again', async () => {
    const last = await status();
    expect(last.components.filter((c) => c.status !== 'operational')).toEqual([]);
  });

  it('when it goes blind and sees again, then no webhook announces an outage', () => {
    expect(deliveries.filter((d) => d.includes('"outage"'))).toEqual([]);
  });

  it('when it goes blind and sees again, then no outage time is booked against any component', async () => {
    const day = warsawDay(Date.now());
    const buckets = await Promise.all(app.snapshot.current().view.components.map((c) => app.stores.history.getUptime(c.id, day, day)));
    expect(buckets.flat().reduce((sum, b) => sum + b.seconds.outage, 0)).toBe(0);
  });
});
