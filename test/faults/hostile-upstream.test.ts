import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from 'undici';
import { configSchema, probeSchema, type ConfigInput } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import type { ProbeResult } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { runProbe } from '../../src/probes/index.ts';
import { createStore } from '../../src/store/create.ts';
import { pollUntil } from '../helpers/poll.ts';
import { watchResponsiveness } from '../helpers/responsiveness.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';

const HTML = 'text/html; charset=utf-8';

/** The page from issue 10: a notice, then `levels` nested divs (1.1 MB at 100,000). */
function nestedPage(levels: number): string {
  return `<main><div class="komunikat"><h2>x</h2><p>x</p>${'<div>'.repeat(levels)}${'</div>'.repeat(levels)}</div></main>`;
}

async function startMonitor(probes: ConfigInput['probes'], concurrency = 8): Promise<RunningApp> {
  const config = configSchema.parse({
    server: { port: 0, host: '127.0.0.1' },
    log: { level: 'silent' },
    scheduler: { concurrency },
    components: [{ id: 'ikp', name: { pl: 'IKP', en: 'IKP' } }],
    probes,
  });
  const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
  return startApp(config, { stores: store, logger: createLogger('silent') });
}

async function resultsSince(app: RunningApp, probeId: string, since: number): Promise<ProbeResult[]> {
  return (await app.stores.results.recentResults(probeId, 100)).filter((r) => r.at >= since);
}

describe('a notice page nested thousands of levels deep', () => {
  const LEVELS = [2_000, 40_000, 100_000];
  const TIMEOUT = 4_000;
  let upstream: Upstream;
  let app: RunningApp;

  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.route('/ok', (_req, res) => res.end('ok'));
    for (const levels of LEVELS) {
      const page = nestedPage(levels);
      upstream.route(`/deep/${levels}`, (_req, res) => res.writeHead(200, { 'content-type': HTML }).end(page));
    }
    app = await startMonitor([
      // Timeouts with room for a machine shared by parallel test runs: the check is the schedule, not latency.
      { id: 'canary', kind: 'http', canary: true, interval: '2s', timeout: '1900ms', http: { url: upstream.url('/ok') } },
      { id: 'ikp', kind: 'http', component: 'ikp', interval: '2s', timeout: '1900ms', http: { url: upstream.url('/ok') } },
      ...LEVELS.map((levels) => ({
        id: `deep-${levels}`,
        kind: 'notices' as const,
        interval: '5s',
        timeout: `${TIMEOUT}ms`,
        notices: { url: upstream.url(`/deep/${levels}`), format: 'html' as const, selectors: { item: '.komunikat', title: 'h2', text: 'p' } },
      })),
    ]);
  });

  afterAll(async () => {
    await app?.stop();
    await upstream?.close();
  });

  it('when it is probed, then /healthz keeps answering, the canary keeps its schedule and each page fails with parse_error or its deadline', async () => {
    // Fires from before the watch too (the start fire), since every one of them must be a typed failure.
    const since = Date.now();
    const watch = watchResponsiveness(app.url);
    // Watch until every hostile source has fired twice (its start fire and one more) and the
    // healthy probes fired three times, however long a loaded machine takes to get there.
    for (const levels of LEVELS) {
      await pollUntil(`two fires of deep-${levels}`, async () => ((await resultsSince(app, `deep-${levels}`, since)).length >= 2 ? true : undefined), 60_000);
    }
    for (const healthy of ['canary', 'ikp']) {
      await pollUntil(`three fires of ${healthy}`, async () => ((await resultsSince(app, healthy, since)).length >= 3 ? true : undefined), 60_000);
    }
    const seen = await watch.stop();

    for (const levels of LEVELS) {
      const results = await resultsSince(app, `deep-${levels}`, 0);
      // The depth check refuses the page; on a starved machine the deadline may strike first, which is also a typed failure.
      expect(results.map((r) => r.reason).filter((reason) => reason !== 'timeout')).toContain('parse_error');
      for (const r of results) {
        expect({ levels, ok: r.ok }).toEqual({ levels, ok: false });
        if (r.reason === 'parse_error') expect(r.detail).toBe('document nests deeper than 1000 levels');
        else expect(r.reason).toBe('timeout');
      }
    }
    expect(seen.healthzAnswers).toBeGreaterThan(0);
    // A parse that held the event loop for seconds would show here: the healthy probes' requests
    // in flight would miss their own deadlines and fail as timeouts. No bound on how long anything took.
    for (const healthy of ['canary', 'ikp']) {
      const results = await resultsSince(app, healthy, since);
      expect(results.filter((r) => !r.ok).map((r) => `${healthy} ${r.reason}: ${r.detail ?? ''} after ${r.durationMs} ms`)).toEqual([]);
    }
  }, 120_000);
});

describe('bodies dripped slower than the probe timeout', () => {
  const DRIPS = 8;
  const TIMEOUT = 1_000;
  let upstream: Upstream;
  let app: RunningApp;
  const timers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.route('/ok', (_req, res) => res.end('ok'));
    // One byte every 200 ms: never idle long enough for undici's per-gap bodyTimeout.
    upstream.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 200);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    });
    app = await startMonitor(
      [
        { id: 'canary', kind: 'http', canary: true, interval: '1s', timeout: '900ms', http: { url: upstream.url('/ok') } },
        { id: 'ikp', kind: 'http', component: 'ikp', interval: '2s', timeout: '900ms', http: { url: upstream.url('/ok') } },
        ...Array.from({ length: DRIPS }, (_, i) => ({
          id: `drip-${i}`,
          kind: 'http' as const,
          interval: '2s',
          timeout: `${TIMEOUT}ms`,
          http: { url: upstream.url('/drip'), bodyMustMatch: { contains: 'never' } },
        })),
      ],
      DRIPS,
    );
  });

  afterAll(async () => {
    await app?.stop();
    for (const t of timers) clearInterval(t);
    await upstream?.close();
  });

  it('when 8 targets drip at concurrency 8, then each fire ends as timeout and the canary and a healthy probe still run on schedule', async () => {
    const since = Date.now();
    const watch = watchResponsiveness(app.url);
    // Collected garbage must not take a deadline with it (Node 20 loses AbortSignal.timeout timers to GC).
    const gc = (globalThis as { gc?: () => void }).gc;
    const gcTimer = gc ? setInterval(gc, 100) : undefined;
    const drips = async () => (await Promise.all(Array.from({ length: DRIPS }, (_, i) => resultsSince(app, `drip-${i}`, since)))).flat();
    try {
      // Until every drip has fired twice: the drips never finish a body, so each fire can only end at its deadline.
      await pollUntil('two fires of every drip', async () => {
        const counts = await Promise.all(Array.from({ length: DRIPS }, async (_, i) => (await resultsSince(app, `drip-${i}`, since)).length));
        return counts.every((n) => n >= 2) ? true : undefined;
      }, 60_000);
      // The healthy probe shares the slots with the drips; each slot frees at a deadline, so it gets its turns.
      await pollUntil('two fires of ikp', async () => ((await resultsSince(app, 'ikp', since)).length >= 2 ? true : undefined), 60_000);
    } finally {
      clearInterval(gcTimer);
    }
    const seen = await watch.stop();

    for (const r of await drips()) expect({ ok: r.ok, reason: r.reason }).toEqual({ ok: false, reason: 'timeout' });
    // Canaries never wait for a slot held by a dripping fire: one a second, against the drips' one
    // per two seconds, so by now (two drip rounds, 2 s of schedule at the least) there are several.
    const canary = await resultsSince(app, 'canary', since);
    expect(canary.filter((r) => !r.ok).map((r) => `${r.reason}: ${r.detail ?? ''} after ${r.durationMs} ms`)).toEqual([]);
    expect(canary.length).toBeGreaterThanOrEqual(2);
    expect((await resultsSince(app, 'ikp', since)).filter((r) => !r.ok)).toEqual([]);
    expect(seen.healthzAnswers).toBeGreaterThan(0);
  }, 120_000);
});

/** A dispatcher that accepts every request and never answers, nor heeds an abort: a prober that never settles. */
class BlackHole extends Dispatcher {
  override dispatch(): boolean {
    return true;
  }
}

describe('a prober that never settles', () => {
  it('when its timeout passes, then runProbe returns timeout at the deadline and aborts the prober', async () => {
    const probe = probeSchema.parse({ id: 'hole', kind: 'http', interval: '5s', timeout: '300ms', http: { url: 'http://127.0.0.1:9/' } });
    const outcome = await runProbe(probe, { signal: new AbortController().signal, userAgent: 't', clock: systemClock, dispatcher: new BlackHole() });
    // The dispatcher never answers, so only the deadline can end the fire: the detail names it.
    // Not before it (a lower bound holds on any machine); how late is up to the machine's load.
    expect({ ok: outcome.ok, reason: outcome.reason, detail: outcome.detail }).toEqual({ ok: false, reason: 'timeout', detail: 'no result within 300 ms' });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
  });

  it('when shutdown aborts first, then the prober sees the abort and the fire ends before the deadline', async () => {
    const shutdown = new AbortController();
    const up = await startUpstream();
    // Shut down once the request has reached the upstream, which never answers it.
    up.route('/hang', () => shutdown.abort());
    try {
      const hanging = probeSchema.parse({ id: 'hang', kind: 'http', interval: '30s', timeout: '20s', http: { url: up.url('/hang') } });
      const outcome = await runProbe(hanging, { signal: shutdown.signal, userAgent: 't', clock: systemClock });
      // 'aborted', not 'no result within 20000 ms': the abort ended it, not the deadline.
      expect({ reason: outcome.reason, detail: outcome.detail }).toEqual({ reason: 'timeout', detail: 'aborted' });
    } finally {
      await up.close();
    }
  });
});

/** A raw TCP server that answers any request with `reply` (not necessarily HTTP). */
async function rawServer(reply: string): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => socket.write(reply));
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('answers that are not HTTP', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it.each([
    { name: '100 KB of headers', reply: `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100_000)}\r\nContent-Length: 2\r\n\r\nok`, detail: 'UND_ERR_HEADERS_OVERFLOW' },
    { name: 'binary garbage', reply: '\u0000\u0001garbage, not a status line\r\n\r\n', detail: 'HTTPParserError' },
    { name: 'an unparsable Content-Length', reply: 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nok', detail: 'HTTPParserError' },
  ])('when the upstream sends $name, then the probe fails with protocol_error ($detail)', async ({ reply, detail }) => {
    const server = await rawServer(reply);
    servers.push(server);
    const probe = probeSchema.parse({ id: 'raw', kind: 'http', interval: '5s', timeout: '2s', http: { url: server.url } });
    const outcome = await runProbe(probe, { signal: new AbortController().signal, userAgent: 't', clock: systemClock });
    expect({ ok: outcome.ok, reason: outcome.reason, detail: outcome.detail }).toEqual({ ok: false, reason: 'protocol_error', detail });
  });
});
