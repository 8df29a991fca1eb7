import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentStatus, MaintenanceWindow } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { PipelineDeps } from '../../src/pipeline/context.ts';
import { runProbeFire } from '../../src/pipeline/probe-job.ts';
import { evaluationTick } from '../../src/pipeline/uptime-tick.ts';
import { warsawDay } from '../../src/domain/warsaw.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';

const S = 1_000;
/** Probes fire every 5 s from T0; the window over IKP runs from T0 to END, between two fires. */
const T0 = Date.parse('2026-12-07T14:00:00+01:00');
const END = T0 + 58 * S;
const TICK_MS = 5_000;

function monitor(upstream: Upstream): Config {
  return configSchema.parse({
    store: { snapshotFile: '' },
    // 3 failures make an outage, 2 passes end one (the defaults, stated because the test is about them).
    engine: { failureThreshold: 3, successThreshold: 2, evaluateEvery: '5s' },
    components: [{ id: 'ikp', name: { pl: 'Internetowe Konto Pacjenta', en: 'Internet Patient Account' } }],
    probes: [{ id: 'ikp-home', kind: 'http', component: 'ikp', interval: '5s', timeout: '2s', http: { url: upstream.url('/ikp/') } }],
  });
}

const window: MaintenanceWindow = {
  id: 'manual-ikp',
  source: 'manual',
  noticeKey: 'manual-ikp',
  kind: 'maintenance',
  components: ['ikp'],
  start: T0,
  end: END,
  title: 'Przerwa techniczna',
  text: '',
  link: null,
  publishedAt: T0 - 3_600_000,
  firstSeenAt: T0 - 3_600_000,
  lastSeenAt: T0 - 3_600_000,
  updatedAt: T0 - 3_600_000,
  state: 'announced',
};

const backends: [string, (prefix: string, clock: FakeClock) => Promise<Stores>][] = [
  ['the embedded store', (_p, clock) => createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock })],
  ['Redis', (keyPrefix, clock) => createStore({ redisUrl: testRedisUrl(), keyPrefix, snapshotFile: null, clock, logger: createLogger('warn') })],
];

describe.each(backends)('a maintenance window that ends, on %s', (_name, open) => {
  let upstream: Upstream;
  /** What IKP's page answers now: 503 during the window, then what the case says. */
  let answer = 503;
  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.route('/ikp/', (_req, res) => void res.writeHead(answer, { 'content-type': 'text/html' }).end('<h1>Internetowe Konto Pacjenta</h1>'));
  });
  afterAll(() => upstream.close());

  /**
   * Drives the pipeline on a driven clock through the window: a probe fire every 5 s (failing while
   * the page answers 503) and an evaluation tick after each, then the given fires after the end.
   * Returns IKP's status after every tick since the end and the outage seconds booked since.
   */
  async function drive(after: { status: number; fires: number }) {
    const clock = new FakeClock(T0 - 10 * S);
    const stores = await open(uniquePrefix(), clock);
    try {
      const config = monitor(upstream);
      const deps: PipelineDeps = { config, stores, clock, logger: createLogger('silent') };
      const probe = config.probes[0]!;
      await stores.windows.putWindows([window]);
      const fire = async (at: number) => {
        clock.set(at);
        await runProbeFire(deps, probe, at, new AbortController().signal);
      };
      const tick = async (at: number) => {
        clock.set(at);
        await evaluationTick(deps, TICK_MS);
        return (await stores.results.getComponentStates()).get('ikp')?.status;
      };
      answer = 200;
      await fire(T0 - 5 * S);
      answer = 503;
      for (let at = T0; at < END; at += 5 * S) {
        await fire(at);
        await tick(at + S);
      }
      const day = warsawDay(T0);
      const outageSoFar = async () => (await stores.history.getUptime('ikp', day, day))[0]?.seconds.outage ?? 0;
      const bookedDuring = await outageSoFar();
      const statuses: (ComponentStatus | undefined)[] = [];
      // Between the end and the first fire after it: the window's failures are all there is.
      statuses.push(await tick(END), await tick(END + S));
      answer = after.status;
      for (let i = 0; i < after.fires; i++) {
        const at = T0 + 60 * S + i * 5 * S;
        await fire(at);
        statuses.push(await tick(at + S));
      }
      const transitions = (await stores.history.getTransitions('ikp', END, clock.now())).filter((t) => t.at >= END).map((t) => `${t.status}/${t.reason}`);
      return { statuses, bookedDuring, bookedAfter: (await outageSoFar()) - bookedDuring, transitions };
    } finally {
      await stores.lifecycle.close();
    }
  }

  it('when IKP works again after the window, then no outage is shown or booked between the end and the first check, and the first pass since makes it operational', async () => {
    const seen = await drive({ status: 200, fires: 1 });
    expect(seen).toEqual({
      statuses: ['unknown', 'unknown', 'operational'],
      bookedDuring: 0,
      bookedAfter: 0,
      transitions: ['unknown/awaiting_check', 'operational/ok'],
    });
  });

  it('when IKP is still down after the window, then it is an outage only after three failures since the end', async () => {
    const seen = await drive({ status: 503, fires: 3 });
    expect(seen.statuses).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'outage']);
    expect(seen.bookedDuring).toBe(0);
    // Booked from the tick after the third failure since the end, not from the end.
    expect(seen.bookedAfter).toBe(TICK_MS / 1000);
    expect(seen.transitions).toEqual(['unknown/awaiting_check', 'outage/http_status']);
  });
});
