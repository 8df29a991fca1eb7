import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { operatorTick } from '../../src/pipeline/operator-tick.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import type { Stores } from '../../src/store/ports.ts';
import { WebhookDispatcher, type DeliveryOutcome, type DispatcherOptions } from '../../src/webhooks/dispatcher.ts';
import { verifySignature } from '../../src/webhooks/sign.ts';
import type { OutboxEntry } from '../../src/webhooks/types.ts';
import { testConfig } from '../helpers/config.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { memoryStores, redisStores } from '../helpers/stores.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { startRedisProcess } from '../faults/redis-process.ts';
import { events, NAMES, SECRET, T, webhook } from './fixtures.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('webhook delivery to a real HTTP receiver', () => {
  let receiver: Upstream;
  let received: Received[];
  let outcomes: DeliveryOutcome[];
  const dispatchers: WebhookDispatcher[] = [];
  const logger = createLogger('silent');
  let defaultStores: Stores;

  /** Answers with the given statuses in turn (then 200), recording every request. */
  function answer(statuses: number[]): void {
    receiver.route('/hook', async (req, res) => {
      received.push({ headers: req.headers, body: await readBody(req) });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  }

  function dispatcher(opts: Partial<DispatcherOptions> = {}): WebhookDispatcher {
    const d = new WebhookDispatcher({
      webhooks: [webhook({ url: receiver.url('/hook'), backoff: '10ms', maxAttempts: 4 })],
      stores: defaultStores,
      logger,
      now: () => T,
      names: NAMES,
      userAgent: 'ikp-status-test',
      onOutcome: (_id, o) => void outcomes.push(o),
      ...opts,
    });
    dispatchers.push(d);
    return d;
  }

  beforeEach(async () => {
    defaultStores = await memoryStores(new FakeClock(T));
    receiver = await startUpstream();
    received = [];
    outcomes = [];
  });
  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.stop(1_000)));
    await receiver.close();
  });

  it('when an event is emitted, then the receiver gets one POST whose signature verifies with the shared secret', async () => {
    answer([]);
    dispatcher().emit(events().incident);
    await pollUntil('delivery', async () => (outcomes.length > 0 ? true : undefined), 10_000, 20);
    expect(outcomes).toEqual(['delivered']);
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [Received];
    expect(verifySignature(SECRET, body, headers['x-ikp-signature'] as string)).toBe(true);
    expect(headers['user-agent']).toBe('ikp-status-test');
    expect(JSON.parse(body).type).toBe('incident.created');
  });

  it('when the receiver fails twice, then the delivery arrives once, on the third attempt, under one delivery id, and leaves the outbox', async () => {
    answer([500, 503]);
    const store = await memoryStores(new FakeClock(T));
    dispatcher({ stores: store }).emit(events().component);
    await pollUntil('delivery', async () => (outcomes.length > 0 ? true : undefined), 10_000, 20);
    expect(outcomes).toEqual(['delivered']);
    expect(await store.operator.getOutbox()).toEqual([]);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['x-ikp-delivery'])).size).toBe(1);
    for (const r of received) expect(verifySignature(SECRET, r.body, r.headers['x-ikp-signature'] as string)).toBe(true);
  });

  it('when the receiver keeps failing, then it gives up after maxAttempts; a 404 gives up at once', async () => {
    answer([500, 500, 500, 500, 500]);
    dispatcher().emit(events().component);
    await pollUntil('give-up', async () => (outcomes.length > 0 ? true : undefined), 10_000, 20);
    expect([outcomes, received.length]).toEqual([['failed'], 4]);
    answer([404]);
    received = [];
    outcomes = [];
    dispatcher().emit(events().incident);
    await pollUntil('give-up', async () => (outcomes.length > 0 ? true : undefined), 10_000, 20);
    expect([outcomes, received.length]).toEqual([['failed'], 1]);
  });

  it('when two replicas share one Redis and both see the same events, then each event is delivered once', async () => {
    answer([]);
    const prefix = uniquePrefix();
    const [ra, rb] = [await redisStores(testRedisUrl(), prefix), await redisStores(testRedisUrl(), prefix)];
    try {
      const [a, b] = [dispatcher({ stores: ra }), dispatcher({ stores: rb })];
      const all = Object.values(events());
      for (const e of all) {
        a.emit(e);
        b.emit(e);
      }
      await pollUntil('deliveries', async () => (received.length >= all.length && a.pending + b.pending === 0 ? true : undefined), 10_000, 20);
      expect(received.map((r) => r.headers['x-ikp-event-id']).sort()).toEqual(all.map((e) => e.id).sort());
      expect(outcomes).toEqual(['delivered', 'delivered', 'delivered']);
    } finally {
      await Promise.all([ra.lifecycle.close(), rb.lifecycle.close()]);
    }
  });

  it('when the replica retrying a delivery stops abruptly, then another replica recovers it on a tick and the receiver gets it once more under the same delivery id', async () => {
    answer([500]);
    const prefix = uniquePrefix();
    const [ra, rb] = [await redisStores(testRedisUrl(), prefix), await redisStores(testRedisUrl(), prefix)];
    try {
      // A long backoff keeps replica A's retry far off, so only the recovery can deliver.
      const a = dispatcher({ stores: ra, webhooks: [webhook({ url: receiver.url('/hook'), backoff: '1h', maxAttempts: 4 })] });
      a.emit(events().component);
      const left = await pollUntil('outbox entry after the failed attempt', async () => (await ra.operator.getOutbox()).find((e) => e.attempts === 1), 10_000, 20);
      await a.stop(0);
      expect([received.length, outcomes]).toEqual([1, []]);
      const clock = new FakeClock(T + 3_600_000);
      const b = dispatcher({ stores: rb, now: () => clock.now() });
      const tick = () => operatorTick({ config: testConfig(), stores: rb, clock, logger, events: b }, [], 15_000);
      await tick();
      await pollUntil('recovered delivery', async () => (outcomes.length > 0 && b.pending === 0 ? true : undefined), 10_000, 20);
      await tick();
      expect(b.pending).toBe(0);
      expect(outcomes).toEqual(['delivered']);
      expect(received.map((r) => r.headers['x-ikp-delivery'])).toEqual([left.id, left.id]);
      expect(await rb.operator.getOutbox()).toEqual([]);
    } finally {
      await Promise.all([ra.lifecycle.close(), rb.lifecycle.close()]);
    }
  });

  it('when orphaned entries exceed the outbox cap, then the oldest are dropped, the rest delivered, and live entries left alone', async () => {
    answer([]);
    const store = await memoryStores(new FakeClock(T));
    const e = events().incident;
    const entry = (id: string, at: number, claimedUntil: number): OutboxEntry => ({ id, webhookId: 'ops', event: { ...e, id: `ev-${id}`, at }, attempts: 1, nextAttemptAt: T - 1, claimedUntil });
    const live = entry('live', T - 4, T + 60_000);
    for (const x of [entry('old', T - 3, T - 1), entry('mid', T - 2, T - 1), entry('new', T - 1, T - 1), live]) await store.operator.putOutbox(x);
    const d = dispatcher({ stores: store, outboxSize: 3 });
    await d.recoverOrphans();
    await pollUntil('deliveries', async () => (d.pending === 0 && outcomes.length >= 3 ? true : undefined), 10_000, 20);
    expect(outcomes.sort()).toEqual(['delivered', 'delivered', 'dropped']);
    expect(received.map((r) => r.headers['x-ikp-delivery']).sort()).toEqual(['mid', 'new']);
    expect(await store.operator.getOutbox()).toEqual([live]);
  });

  it('when the queue is full, then further deliveries are dropped, not blocking the caller', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    receiver.route('/hook', async (req, res) => {
      received.push({ headers: req.headers, body: await readBody(req) });
      await gate;
      res.writeHead(200).end();
    });
    const d = dispatcher({ concurrency: 1, queueSize: 2 });
    const e = events();
    for (const id of ['a', 'b', 'c', 'd']) d.emit({ ...e.incident, id });
    expect(outcomes).toEqual(['dropped']);
    expect(d.pending).toBe(3);
    release();
    await pollUntil('drain', async () => (d.pending === 0 ? true : undefined), 10_000, 20);
    expect(outcomes.sort()).toEqual(['delivered', 'delivered', 'delivered', 'dropped']);
  });

  it('when Redis freezes while an event waits for its claim, then no receiver attempt is used up and the event is delivered once after Redis answers again', async () => {
    const redis = await startRedisProcess();
    try {
      const stores = await redisStores(redis.url, uniquePrefix(), { logger, guard: { checkEveryMs: 100, checkTimeoutMs: 100, pingTimeoutMs: 100 } });
      answer([]);
      redis.freeze();
      // maxAttempts is 4 with a 10 ms backoff: the old dispatcher gave the event up within ~100 ms of
      // failed claims, and the first claim (timed out, yet applied once Redis thawed) then blocked it for good.
      const warnings: string[] = [];
      const claims = createLogger('warn', new Writable({ write: (c: Buffer, _e, done) => (warnings.push(c.toString()), done()) }));
      dispatcher({ stores, logger: claims }).emit(events().incident);
      // More failed claims than the webhook has attempts: the old dispatcher had given the event up by now.
      await pollUntil('five failed claims', async () => (warnings.filter((w) => w.includes('"msg":"webhook claim failed"')).length >= 5 ? true : undefined), 15_000, 20);
      expect(outcomes).toEqual([]);
      redis.thaw();
      await pollUntil('delivery after the thaw', async () => (outcomes.length > 0 ? true : undefined), 15_000, 20);
      expect(outcomes).toEqual(['delivered']);
      expect(received).toHaveLength(1);
      await stores.lifecycle.close();
    } finally {
      redis.thaw();
      await redis.stop();
    }
  }, 30_000);

  it('when the receiver hangs, then re-evaluating components (the probe path) still completes and hands the change over', async () => {
    receiver.route('/hook', (req) => void received.push({ headers: req.headers, body: '' }));
    const clock = new FakeClock(T);
    const store = await memoryStores(clock);
    const d = dispatcher({ webhooks: [webhook({ url: receiver.url('/hook'), timeout: '30s' })] });
    const deps = { config: testConfig(), stores: store, clock, logger, events: d };
    await reevaluate(deps);
    await store.results.setComponentStates([{ id: 'ikp', status: 'operational', since: T - 1, lastCheckedAt: T, reason: 'ok', rootCause: null }]);
    const evaluation = await reevaluate(deps);
    expect(evaluation.components.find((c) => c.id === 'ikp')?.status).toBe('unknown');
    await pollUntil('request', async () => (received.length > 0 ? true : undefined), 10_000, 20);
    expect(received[0]?.headers['x-ikp-event']).toBe('component.status_changed');
    expect(outcomes).toEqual([]);
  });
});
