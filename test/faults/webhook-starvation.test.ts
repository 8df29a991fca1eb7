import { Writable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { createMetrics } from '../../src/metrics/definitions.ts';
import { webhookMetricsHooks } from '../../src/metrics/webhook-observer.ts';
import type { Stores } from '../../src/store/ports.ts';
import type { CircuitState } from '../../src/webhooks/breaker.ts';
import { WebhookDispatcher } from '../../src/webhooks/dispatcher.ts';
import { componentChanged, incidentChanged } from '../../src/domain/event-builders.ts';
import type { WebhookEvent } from '../../src/webhooks/types.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { redisStores } from '../helpers/stores.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { events, NAMES, T, webhook } from '../webhooks/fixtures.ts';

const COMPONENT_EVENTS = 300;
const INCIDENT_EVENTS = 100;
const HANG_QUEUE = 50;
const HANG_CONCURRENCY = 2;

function eventIdOf(req: IncomingMessage): string {
  return String(req.headers['x-ikp-event-id']);
}

/** Several hundred distinct events, incidents interleaved with component changes. */
function flood(): WebhookEvent[] {
  const base = events().incident;
  const out: WebhookEvent[] = [];
  for (let i = 0; i < COMPONENT_EVENTS; i++) {
    out.push(componentChanged({ id: 'ikp', status: 'operational', since: T + i, lastCheckedAt: T + i, reason: 'ok', rootCause: null }, { id: 'ikp', status: 'outage', since: T + i + 1, lastCheckedAt: T + i + 1, reason: 'timeout', rootCause: null }, T + i));
    if (i % 3 === 0 && base.type === 'incident.created') out.push(incidentChanged({ ...base.data.incident, id: `inc-${i}` }, T + i));
  }
  return out;
}

describe('a hanging webhook receiver next to a healthy one', () => {
  let healthy: Upstream;
  let hanging: Upstream;
  let store: Stores;
  let dispatcher: WebhookDispatcher;
  const got = { healthy: new Set<string>(), healthyIncidents: 0, hangingRequests: 0 };
  const transitions: CircuitState[] = [];
  const logLines: string[] = [];
  const outboxSizes: number[] = [];
  const metrics = createMetrics(new Registry(), { version: 'test', node: process.version });
  let all: WebhookEvent[];
  let answerHanging = false;

  beforeAll(async () => {
    healthy = await startUpstream();
    hanging = await startUpstream();
    healthy.route('/hook', (req, res) => {
      got.healthy.add(eventIdOf(req));
      if (req.headers['x-ikp-event'] === 'incident.created') got.healthyIncidents += 1;
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    // Never answers (until the last test lets it), like a receiver whose process is stuck.
    hanging.route('/hook', (req, res) => {
      got.hangingRequests += 1;
      req.resume();
      if (answerHanging) req.on('end', () => res.writeHead(200).end());
    });
    store = await redisStores(testRedisUrl(), uniquePrefix());
    const logs = new Writable({ write: (chunk: Buffer, _enc, cb) => void (logLines.push(chunk.toString('utf8')), cb()) });
    const hooks = webhookMetricsHooks(metrics, ['healthy', 'stuck']);
    dispatcher = new WebhookDispatcher({
      webhooks: [
        webhook({ id: 'healthy', url: healthy.url('/hook'), backoff: '50ms' }),
        webhook({ id: 'stuck', url: hanging.url('/hook'), timeout: '200ms', backoff: '50ms', maxAttempts: 20, queueSize: HANG_QUEUE, concurrency: HANG_CONCURRENCY, circuit: { failures: 3, cooldown: '300ms' } }),
      ],
      stores: store,
      logger: createLogger('info', logs),
      now: () => Date.now(),
      names: NAMES,
      userAgent: 'ikp-status-test',
      ...hooks,
      onCircuit: (id, state) => {
        hooks.onCircuit?.(id, state);
        if (id === 'stuck') transitions.push(state);
      },
    });
    all = flood();
    const sampler = setInterval(() => void store.operator.getOutbox().then((o) => outboxSizes.push(o.length)), 25);
    // Events arrive in bursts, as they do when many components change at once.
    for (let i = 0; i < all.length; i += 40) {
      for (const e of all.slice(i, i + 40)) dispatcher.emit(e);
      await new Promise((r) => setTimeout(r, 20));
    }
    await pollUntil('every event at the healthy receiver', async () => (got.healthy.size >= all.length ? true : undefined), 15_000, 20);
    clearInterval(sampler);
  });
  afterAll(async () => {
    await dispatcher.stop(500);
    await Promise.all([healthy.close(), hanging.close()]);
    await store.lifecycle.close();
  });

  it('when several hundred events go out, then the healthy receiver gets every one of them, incident.created included', () => {
    expect(all.length).toBe(COMPONENT_EVENTS + INCIDENT_EVENTS);
    expect(got.healthy.size).toBe(all.length);
    expect(got.healthyIncidents).toBe(INCIDENT_EVENTS);
  });

  it('when the stuck receiver cannot keep up, then its overflow is dropped and counted per webhook and reason, never the healthy one', async () => {
    const text = await metrics.registry.metrics();
    const count = (labels: string): number => Number(new RegExp(`ikpstatus_webhook_dropped_total\\{${labels}\\} (\\d+)`).exec(text)?.[1] ?? NaN);
    expect(count('webhook="healthy",reason="queue_full"')).toBe(0);
    expect(count('webhook="healthy",reason="outbox_full"')).toBe(0);
    expect(count('webhook="stuck",reason="unconfigured"')).toBe(0);
    // The stuck lane holds at most its queue plus what is in flight; everything else was dropped.
    expect(count('webhook="stuck",reason="queue_full"')).toBeGreaterThanOrEqual(all.length - HANG_QUEUE - HANG_CONCURRENCY);
  });

  it('when drops run into the hundreds, then the log carries a few rate-limited lines, not one per drop', () => {
    const dropLines = logLines.filter((l) => l.includes('webhook delivery dropped') || l.includes('webhook deliveries dropped'));
    expect(dropLines.length).toBeGreaterThanOrEqual(1);
    expect(dropLines.length).toBeLessThanOrEqual(3);
  });

  it('when the receiver keeps failing, then its circuit opens (log and gauge) and it is spared most requests', async () => {
    expect(transitions[0]).toBe('open');
    expect(logLines.some((l) => l.includes('circuit open') && l.includes('"webhook":"stuck"'))).toBe(true);
    expect(['open', 'half_open']).toContain(dispatcher.circuit('stuck'));
    const text = await metrics.registry.metrics();
    expect(text).toContain('ikpstatus_webhook_circuit_state{webhook="healthy",state="closed"} 1');
    expect(text).toMatch(/ikpstatus_webhook_circuit_state\{webhook="stuck",state="closed"\} 0/);
    expect(got.hangingRequests).toBeLessThan(30);
  });

  it('when the flood is over, then the shared outbox stayed bounded by the lanes, never by the event count', () => {
    expect(outboxSizes.length).toBeGreaterThan(10);
    expect(Math.max(...outboxSizes)).toBeLessThanOrEqual(HANG_QUEUE + HANG_CONCURRENCY + 2);
  });

  it('when the stuck receiver answers again, then a half-open probe closes the circuit and its queued deliveries arrive', async () => {
    answerHanging = true;
    const before = got.hangingRequests;
    await pollUntil('circuit closed', async () => (dispatcher.circuit('stuck') === 'closed' && dispatcher.pending === 0 ? true : undefined), 20_000, 50);
    expect(transitions).toContain('half_open');
    expect(transitions.at(-1)).toBe('closed');
    expect(got.hangingRequests - before).toBeGreaterThanOrEqual(HANG_QUEUE);
    expect(await store.operator.getOutbox()).toEqual([]);
  });
});

describe('two replicas sharing one Redis, with a hanging receiver next to a healthy one', () => {
  it('when both replicas see the same several hundred events, then the healthy receiver gets each exactly once, under one delivery id', async () => {
    const healthy = await startUpstream();
    const hanging = await startUpstream();
    const deliveries = new Map<string, Set<string>>();
    let requests = 0;
    healthy.route('/hook', (req, res) => {
      requests += 1;
      const id = eventIdOf(req);
      deliveries.set(id, (deliveries.get(id) ?? new Set()).add(String(req.headers['x-ikp-delivery'])));
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    hanging.route('/hook', (req) => void req.resume());
    const prefix = uniquePrefix();
    const stores = [await redisStores(testRedisUrl(), prefix), await redisStores(testRedisUrl(), prefix)];
    const replicas = stores.map(
      (store) =>
        new WebhookDispatcher({
          webhooks: [
            webhook({ id: 'healthy', url: healthy.url('/hook'), backoff: '50ms' }),
            webhook({ id: 'stuck', url: hanging.url('/hook'), timeout: '200ms', backoff: '50ms', queueSize: 20, circuit: { failures: 2, cooldown: '1s' } }),
          ],
          stores: store,
          logger: createLogger('silent'),
          now: () => Date.now(),
          names: NAMES,
          userAgent: 'ikp-status-test',
        }),
    );
    try {
      const all = flood().slice(0, 200);
      for (const e of all) for (const r of replicas) r.emit(e);
      await pollUntil('every event once', async () => (deliveries.size >= all.length && replicas.every((r) => r.circuit('healthy') === 'closed') ? true : undefined), 15_000, 20);
      // Stop both (requests in flight finish first): no duplicate can arrive after that, and none
      // may wait in the shared outbox to arrive later.
      await Promise.all(replicas.map((r) => r.stop(5_000)));
      expect((await stores[0]!.operator.getOutbox()).filter((e) => e.webhookId === 'healthy')).toEqual([]);
      expect(deliveries.size).toBe(all.length);
      expect(requests).toBe(all.length);
      expect([...deliveries.values()].every((ids) => ids.size === 1)).toBe(true);
    } finally {
      await Promise.all(replicas.map((r) => r.stop(200)));
      await Promise.all([healthy.close(), hanging.close(), ...stores.map((s) => s.lifecycle.close())]);
    }
  });
});
