import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../config/operator-schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { CoordinationPort, OperatorPort } from '../store/ports.ts';
import { attemptOutcome, retryDelay } from './backoff.ts';
import { CircuitBreaker, type CircuitState } from './breaker.ts';
import { DropLog, type DropReason } from './drop-log.ts';
import { FORMATTERS } from './format.ts';
import type { OutboxEntry, WebhookEvent } from './types.ts';
import type { EventSink } from '../domain/webhook-events.ts';
import { full, type Delivery, type Lane } from './lane.ts';
import { fetchSend, sendWithDeadline, type SendRequest } from './send.ts';

export type { SendRequest };

/** A delivery claim outlives every retry schedule, and the lookback in which an event can be seen again. */
const CLAIM_TTL_MS = 24 * 3_600_000;

/** How long an outbox entry stays its owner's without renewal (renewed every third of it while live). */
const OUTBOX_LEASE_MS = 120_000;

/** How one delivery ended, for logs and metrics. */
export type DeliveryOutcome = 'delivered' | 'failed' | 'dropped';

/** Per-receiver defaults (each webhook's config may override them). */
export const WEBHOOK_DEFAULTS = { queueSize: 500, concurrency: 2, circuitFailures: 5, circuitCooldownMs: 30_000, maxCooldownMs: 10 * 60_000 } as const;

/** What the dispatcher needs (wired in main.ts). */
export interface DispatcherOptions {
  webhooks: WebhookConfig[];
  /** Delivery claims (SET NX PX on Redis) and the durable outbox, shared by all replicas. */
  stores: { coordination: Pick<CoordinationPort, 'acquireLease'>; operator: Pick<OperatorPort, 'putOutbox' | 'getOutbox' | 'deleteOutbox'> };
  logger: Logger;
  now: () => number;
  /** Component id → Polish name, for chat messages. */
  names: ReadonlyMap<string, string>;
  userAgent: string;
  /** Default per receiver: deliveries waiting (queued or between retries); more are dropped and counted. */
  queueSize?: number;
  /** Outbox entries kept across replicas; beyond it the oldest orphaned entries are dropped. */
  outboxSize?: number;
  /** Default per receiver: requests in flight at once. */
  concurrency?: number;
  random?: () => number;
  send?: SendRequest;
  onOutcome?: (webhookId: string, outcome: DeliveryOutcome) => void;
  /** Every dropped delivery, by reason (the log only samples them). */
  onDrop?: (webhookId: string, reason: DropReason) => void;
  /** Every circuit transition of a receiver. */
  onCircuit?: (webhookId: string, state: CircuitState) => void;
  /** Window of the rate-limited drop warnings. */
  dropLogWindowMs?: number;
}

/**
 * Delivers events to webhooks off the probe path: `emit` only queues. Each receiver has its own
 * lane (bounded queue, concurrency budget, circuit breaker), so a hanging receiver cannot take
 * the slots or queue space of the others. A delivery runs on the replica that wins its claim
 * (one per webhook and event id), so replicas that see the same change deliver it once; failures
 * are retried with exponential backoff and jitter.
 * A claimed delivery lives in the store's outbox until it ends; the owner renews its hold, and
 * when it stops doing so (crash, shutdown) `recoverOrphans` on a coordinated tick takes it over.
 */
export class WebhookDispatcher implements EventSink {
  private readonly lanes = new Map<string, Lane>();
  /** Deliveries this replica holds in the outbox, by delivery id. */
  private readonly owned = new Map<string, Delivery>();
  private readonly renewTimer: NodeJS.Timeout;
  private readonly drops: DropLog;
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {
    this.renewTimer = setInterval(() => this.renew(), OUTBOX_LEASE_MS / 3);
    this.renewTimer.unref();
    this.drops = new DropLog(opts.logger, opts.dropLogWindowMs);
    for (const webhook of opts.webhooks) this.lanes.set(webhook.id, this.lane(webhook));
  }

  emit(event: WebhookEvent): void {
    if (this.stopped) return;
    for (const lane of this.lanes.values()) {
      if (!lane.webhook.events.includes(event.type)) continue;
      if (full(lane)) {
        this.drop(lane.webhook.id, 'queue_full', { event: event.id, queued: lane.queue.length + lane.retries.size, circuit: lane.breaker.state });
        continue;
      }
      lane.queue.push({ webhook: lane.webhook, event, id: randomUUID(), attempts: 0, nextAttemptAt: this.opts.now(), claimed: false });
      this.pump(lane);
    }
  }

  /** Deliveries queued, waiting to retry or in flight (for tests and shutdown). */
  get pending(): number {
    let n = 0;
    for (const l of this.lanes.values()) n += l.queue.length + l.retries.size + l.running.size;
    return n;
  }

  /** Each receiver's circuit state (for tests and diagnostics). */
  circuit(webhookId: string): CircuitState | undefined {
    return this.lanes.get(webhookId)?.breaker.state;
  }

  /**
   * Stops taking events and retrying, then waits up to `graceMs` for requests in flight.
   * Claimed deliveries stay in the outbox, so another replica takes them over once their hold lapses.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    clearInterval(this.renewTimer);
    this.drops.stop();
    let left = 0;
    const running: Promise<void>[] = [];
    for (const lane of this.lanes.values()) {
      for (const timer of lane.retries.keys()) clearTimeout(timer);
      if (lane.wake) clearTimeout(lane.wake);
      left += lane.queue.length + lane.retries.size;
      lane.queue.length = 0;
      lane.retries.clear();
      running.push(...lane.running);
    }
    if (left > 0) this.opts.logger.warn({ left, inOutbox: this.owned.size }, 'webhook deliveries left to the outbox at shutdown');
    this.owned.clear();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(running), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }

  async recoverOrphans(): Promise<void> {
    if (this.stopped) return;
    const now = this.opts.now();
    const all = await this.opts.stores.operator.getOutbox();
    const orphans = all.filter((e) => e.claimedUntil < now && !this.owned.has(e.id)).sort((a, b) => a.event.at - b.event.at || a.nextAttemptAt - b.nextAttemptAt);
    // Live entries are bounded by their owners' lanes, so only orphans are dropped to honour the cap.
    const excess = Math.max(0, all.length - (this.opts.outboxSize ?? 1_000));
    for (const e of orphans.splice(0, excess)) await this.abandon(e, 'outbox_full');
    for (const e of orphans) {
      if (this.stopped) break;
      const lane = this.lanes.get(e.webhookId);
      if (!lane) {
        await this.abandon(e, 'unconfigured');
        continue;
      }
      // A full lane leaves the rest in the outbox for a later tick.
      if (full(lane)) continue;
      const d: Delivery = { webhook: lane.webhook, event: e.event, id: e.id, attempts: e.attempts, nextAttemptAt: e.nextAttemptAt, claimed: true };
      await this.save(d);
      this.opts.logger.info({ webhook: lane.webhook.id, event: e.event.id, delivery: e.id, attempts: e.attempts }, 'webhook delivery recovered from the outbox');
      if (e.nextAttemptAt > now) this.scheduleRetry(lane, d, e.nextAttemptAt - now);
      else lane.queue.push(d);
    }
    for (const lane of this.lanes.values()) this.pump(lane);
  }

  private lane(webhook: WebhookConfig): Lane {
    const breaker = new CircuitBreaker(
      {
        failures: webhook.circuit?.failures ?? WEBHOOK_DEFAULTS.circuitFailures,
        cooldownMs: webhook.circuit?.cooldown ?? WEBHOOK_DEFAULTS.circuitCooldownMs,
        maxCooldownMs: WEBHOOK_DEFAULTS.maxCooldownMs,
      },
      this.opts.now,
      (state, info) => this.circuitChanged(webhook.id, state, info),
    );
    return {
      webhook,
      queue: [],
      retries: new Map(),
      running: new Set(),
      breaker,
      wake: null,
      queueSize: webhook.queueSize ?? this.opts.queueSize ?? WEBHOOK_DEFAULTS.queueSize,
      concurrency: webhook.concurrency ?? this.opts.concurrency ?? WEBHOOK_DEFAULTS.concurrency,
    };
  }

  private circuitChanged(webhook: string, state: CircuitState, info: { failures: number; cooldownMs: number }): void {
    if (state === 'open') this.opts.logger.warn({ webhook, circuit: state, failures: info.failures, retryInMs: info.cooldownMs }, 'webhook receiver keeps failing; circuit open, deliveries wait');
    else if (state === 'half_open') this.opts.logger.info({ webhook, circuit: state }, 'webhook circuit half-open; probing the receiver with one delivery');
    else this.opts.logger.info({ webhook, circuit: state }, 'webhook receiver answers again; circuit closed');
    this.opts.onCircuit?.(webhook, state);
  }

  private drop(webhook: string, reason: DropReason, detail: Record<string, unknown>): void {
    this.drops.note(webhook, reason, detail);
    this.opts.onDrop?.(webhook, reason);
    this.opts.onOutcome?.(webhook, 'dropped');
  }

  private entry(d: Delivery): OutboxEntry {
    return { id: d.id, webhookId: d.webhook.id, event: d.event, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, claimedUntil: this.opts.now() + OUTBOX_LEASE_MS };
  }

  /** Writes (or renews) this replica's hold on a delivery; a store error only costs durability. */
  private async save(d: Delivery): Promise<void> {
    this.owned.set(d.id, d);
    await this.opts.stores.operator.putOutbox(this.entry(d)).catch((err: unknown) => this.opts.logger.warn({ err, delivery: d.id }, 'webhook outbox write failed'));
  }

  private async forget(d: Delivery): Promise<void> {
    this.owned.delete(d.id);
    await this.opts.stores.operator.deleteOutbox(d.id).catch((err: unknown) => this.opts.logger.warn({ err, delivery: d.id }, 'webhook outbox delete failed'));
  }

  private async abandon(e: OutboxEntry, reason: DropReason): Promise<void> {
    this.drop(e.webhookId, reason, { event: e.event.id, delivery: e.id, attempts: e.attempts });
    await this.opts.stores.operator.deleteOutbox(e.id);
  }

  private renew(): void {
    for (const d of this.owned.values()) void this.save(d);
  }

  private pump(lane: Lane): void {
    while (!this.stopped && lane.queue.length > 0 && lane.breaker.tryStart(lane.running.size, lane.concurrency)) {
      const delivery = lane.queue.shift()!;
      const run = this.run(lane, delivery).catch((err: unknown) => {
        lane.breaker.settle(null);
        this.opts.logger.error({ err, webhook: delivery.webhook.id }, 'webhook delivery crashed');
      });
      lane.running.add(run);
      void run.finally(() => {
        lane.running.delete(run);
        this.pump(lane);
      });
    }
    // An open circuit with work waiting wakes itself when the cool-down ends.
    if (!this.stopped && lane.queue.length > 0 && lane.breaker.state === 'open' && !lane.wake) {
      lane.wake = setTimeout(() => {
        lane.wake = null;
        this.pump(lane);
      }, lane.breaker.waitMs);
      lane.wake.unref();
    }
  }

  private async run(lane: Lane, d: Delivery): Promise<void> {
    const log = { webhook: d.webhook.id, event: d.event.id, delivery: d.id };
    if (!d.claimed) {
      // Claimed under the delivery id: a claim that timed out yet reached the store is ours on retry.
      const won = await this.opts.stores.coordination.acquireLease(`webhook:${d.webhook.id}:${d.event.id}`, CLAIM_TTL_MS, d.id).catch((err: unknown) => {
        this.opts.logger.warn({ ...log, err }, 'webhook claim failed');
        return null;
      });
      // Someone else (another replica, or an earlier sighting of the same event) owns it.
      if (won === false) return lane.breaker.settle(null);
      if (won === null) {
        // The store did not answer, so the receiver was never asked: that is no attempt against it
        // (nor against its circuit). The claim is tried again on the same backoff until the store
        // answers; a store hiccup must not use up the receiver's attempts and lose the event.
        lane.breaker.settle(null);
        d.claimFailures = (d.claimFailures ?? 0) + 1;
        const delay = retryDelay(d.claimFailures, d.webhook.backoff, this.opts.random ?? Math.random);
        d.nextAttemptAt = this.opts.now() + delay;
        return this.scheduleRetry(lane, d, delay);
      }
      d.claimed = true;
      // Durable before the first attempt, so a crash from here on leaves it for another replica.
      await this.save(d);
    }
    d.attempts += 1;
    const status = await this.attempt(d);
    const outcome = attemptOutcome(status);
    // Only a receiver that does not answer properly counts against its circuit.
    lane.breaker.settle(outcome === 'retry' ? 'failure' : 'success');
    if (outcome === 'delivered') {
      await this.forget(d);
      this.opts.logger.info({ ...log, attempts: d.attempts, status }, 'webhook delivered');
      this.opts.onOutcome?.(d.webhook.id, 'delivered');
    } else if (outcome === 'give-up' || d.attempts >= d.webhook.maxAttempts) {
      await this.forget(d);
      this.opts.logger.warn({ ...log, attempts: d.attempts, status }, 'webhook delivery failed; giving up');
      this.opts.onOutcome?.(d.webhook.id, 'failed');
    } else {
      const delay = retryDelay(d.attempts, d.webhook.backoff, this.opts.random ?? Math.random);
      this.opts.logger.info({ ...log, attempts: d.attempts, status, retryInMs: delay }, 'webhook delivery failed; will retry');
      d.nextAttemptAt = this.opts.now() + delay;
      await this.save(d);
      this.scheduleRetry(lane, d, delay);
    }
  }

  /** One POST of the delivery, formatted for its receiver. */
  private attempt(d: Delivery): Promise<number | null> {
    const { body, headers } = FORMATTERS[d.webhook.kind]({ webhook: d.webhook, event: d.event, deliveryId: d.id, now: this.opts.now(), names: this.opts.names });
    return sendWithDeadline(this.opts.send ?? fetchSend, d.webhook.url, body, { ...headers, 'user-agent': this.opts.userAgent }, d.webhook.timeout);
  }

  private scheduleRetry(lane: Lane, d: Delivery, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      lane.retries.delete(timer);
      lane.queue.push(d);
      this.pump(lane);
    }, delayMs);
    timer.unref();
    lane.retries.set(timer, d);
  }
}
