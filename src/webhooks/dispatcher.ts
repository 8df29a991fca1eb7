import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../config/operator-schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import { attemptOutcome, retryDelay } from './backoff.ts';
import { FORMATTERS } from './format.ts';
import type { EventSink, OutboxEntry, WebhookEvent } from './types.ts';

/** A delivery claim outlives every retry schedule, and the lookback in which an event can be seen again. */
const CLAIM_TTL_MS = 24 * 3_600_000;

/** How long an outbox entry stays its owner's without renewal (renewed every third of it while live). */
const OUTBOX_LEASE_MS = 120_000;

/** Sends one request; resolves to the HTTP status, or null when no response came (timeout, refused, reset). */
export type SendRequest = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<number | null>;

/** How one delivery ended, for logs and metrics. */
export type DeliveryOutcome = 'delivered' | 'failed' | 'dropped';

/** What the dispatcher needs (wired in main.ts). */
export interface DispatcherOptions {
  webhooks: WebhookConfig[];
  /** Delivery claims (SET NX PX on Redis) and the durable outbox, shared by all replicas. */
  store: Pick<Store, 'acquireLease' | 'putOutbox' | 'getOutbox' | 'deleteOutbox'>;
  logger: Logger;
  now: () => number;
  /** Component id → Polish name, for chat messages. */
  names: ReadonlyMap<string, string>;
  userAgent: string;
  /** Deliveries waiting (queued or between retries) per replica; more are dropped with a warning. */
  queueSize?: number;
  /** Outbox entries kept across replicas; beyond it the oldest orphaned entries are dropped. */
  outboxSize?: number;
  concurrency?: number;
  random?: () => number;
  send?: SendRequest;
  onOutcome?: (webhookId: string, outcome: DeliveryOutcome) => void;
}

interface Delivery {
  webhook: WebhookConfig;
  event: WebhookEvent;
  id: string;
  attempts: number;
  nextAttemptAt: number;
  claimed: boolean;
}

/**
 * Delivers events to webhooks off the probe path: `emit` only queues. A delivery runs on the
 * replica that wins its claim (one per webhook and event id), so replicas that see the same
 * change deliver it once; failures are retried with exponential backoff and jitter.
 * A claimed delivery lives in the store's outbox until it ends; the owner renews its hold, and
 * when it stops doing so (crash, shutdown) `recoverOrphans` on a coordinated tick takes it over.
 */
export class WebhookDispatcher implements EventSink {
  private readonly queue: Delivery[] = [];
  private readonly retries = new Map<NodeJS.Timeout, Delivery>();
  private readonly running = new Set<Promise<void>>();
  /** Deliveries this replica holds in the outbox, by delivery id. */
  private readonly owned = new Map<string, Delivery>();
  private readonly renewTimer: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {
    this.renewTimer = setInterval(() => this.renew(), OUTBOX_LEASE_MS / 3);
    this.renewTimer.unref();
  }

  emit(event: WebhookEvent): void {
    if (this.stopped) return;
    for (const webhook of this.opts.webhooks) {
      if (!webhook.events.includes(event.type)) continue;
      if (this.full) {
        this.opts.logger.warn({ webhook: webhook.id, event: event.id }, 'webhook queue full; delivery dropped');
        this.opts.onOutcome?.(webhook.id, 'dropped');
        continue;
      }
      this.queue.push({ webhook, event, id: randomUUID(), attempts: 0, nextAttemptAt: this.opts.now(), claimed: false });
    }
    this.pump();
  }

  /** Deliveries queued, waiting to retry or in flight (for tests and shutdown). */
  get pending(): number {
    return this.queue.length + this.retries.size + this.running.size;
  }

  /**
   * Stops taking events and retrying, then waits up to `graceMs` for requests in flight.
   * Claimed deliveries stay in the outbox, so another replica takes them over once their hold lapses.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    clearInterval(this.renewTimer);
    for (const timer of this.retries.keys()) clearTimeout(timer);
    if (this.queue.length + this.retries.size > 0) this.opts.logger.warn({ left: this.queue.length + this.retries.size, inOutbox: this.owned.size }, 'webhook deliveries left to the outbox at shutdown');
    this.queue.length = 0;
    this.retries.clear();
    this.owned.clear();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.running), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }

  async recoverOrphans(): Promise<void> {
    if (this.stopped) return;
    const now = this.opts.now();
    const all = await this.opts.store.getOutbox();
    const orphans = all.filter((e) => e.claimedUntil < now && !this.owned.has(e.id)).sort((a, b) => a.event.at - b.event.at || a.nextAttemptAt - b.nextAttemptAt);
    // Live entries are bounded by their owners' queues, so only orphans are dropped to honour the cap.
    const excess = Math.max(0, all.length - (this.opts.outboxSize ?? 1_000));
    for (const e of orphans.splice(0, excess)) await this.abandon(e, 'webhook outbox full; oldest orphaned delivery dropped');
    for (const e of orphans) {
      // The rest wait in the outbox for a later tick.
      if (this.full || this.stopped) break;
      const webhook = this.opts.webhooks.find((w) => w.id === e.webhookId);
      if (!webhook) {
        await this.abandon(e, 'webhook no longer configured; orphaned delivery dropped');
        continue;
      }
      const d: Delivery = { webhook, event: e.event, id: e.id, attempts: e.attempts, nextAttemptAt: e.nextAttemptAt, claimed: true };
      await this.save(d);
      this.opts.logger.info({ webhook: webhook.id, event: e.event.id, delivery: e.id, attempts: e.attempts }, 'webhook delivery recovered from the outbox');
      if (e.nextAttemptAt > now) this.scheduleRetry(d, e.nextAttemptAt - now);
      else this.queue.push(d);
    }
    this.pump();
  }

  private get full(): boolean {
    return this.queue.length + this.retries.size >= (this.opts.queueSize ?? 1_000);
  }

  private entry(d: Delivery): OutboxEntry {
    return { id: d.id, webhookId: d.webhook.id, event: d.event, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, claimedUntil: this.opts.now() + OUTBOX_LEASE_MS };
  }

  /** Writes (or renews) this replica's hold on a delivery; a store error only costs durability. */
  private async save(d: Delivery): Promise<void> {
    this.owned.set(d.id, d);
    await this.opts.store.putOutbox(this.entry(d)).catch((err: unknown) => this.opts.logger.warn({ err, delivery: d.id }, 'webhook outbox write failed'));
  }

  private async forget(d: Delivery): Promise<void> {
    this.owned.delete(d.id);
    await this.opts.store.deleteOutbox(d.id).catch((err: unknown) => this.opts.logger.warn({ err, delivery: d.id }, 'webhook outbox delete failed'));
  }

  private async abandon(e: OutboxEntry, msg: string): Promise<void> {
    this.opts.logger.warn({ webhook: e.webhookId, event: e.event.id, delivery: e.id, attempts: e.attempts }, msg);
    await this.opts.store.deleteOutbox(e.id);
    this.opts.onOutcome?.(e.webhookId, 'dropped');
  }

  private renew(): void {
    for (const d of this.owned.values()) void this.save(d);
  }

  private pump(): void {
    while (!this.stopped && this.running.size < (this.opts.concurrency ?? 4) && this.queue.length > 0) {
      const delivery = this.queue.shift()!;
      const run = this.run(delivery).catch((err: unknown) => this.opts.logger.error({ err, webhook: delivery.webhook.id }, 'webhook delivery crashed'));
      this.running.add(run);
      void run.finally(() => {
        this.running.delete(run);
        this.pump();
      });
    }
  }

  private async run(d: Delivery): Promise<void> {
    const log = { webhook: d.webhook.id, event: d.event.id, delivery: d.id };
    if (!d.claimed) {
      const won = await this.opts.store.acquireLease(`webhook:${d.webhook.id}:${d.event.id}`, CLAIM_TTL_MS).catch((err: unknown) => {
        this.opts.logger.warn({ ...log, err }, 'webhook claim failed');
        return null;
      });
      // Someone else (another replica, or an earlier sighting of the same event) owns it.
      if (won === false) return;
      d.claimed = won === true;
      // Durable before the first attempt, so a crash from here on leaves it for another replica.
      if (d.claimed) await this.save(d);
    }
    d.attempts += 1;
    const status = d.claimed ? await this.attempt(d) : null;
    const outcome = attemptOutcome(status);
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
      if (d.claimed) await this.save(d);
      this.scheduleRetry(d, delay);
    }
  }

  private attempt(d: Delivery): Promise<number | null> {
    const { body, headers } = FORMATTERS[d.webhook.kind]({ webhook: d.webhook, event: d.event, deliveryId: d.id, now: this.opts.now(), names: this.opts.names });
    return (this.opts.send ?? fetchSend)(d.webhook.url, body, { ...headers, 'user-agent': this.opts.userAgent }, d.webhook.timeout);
  }

  private scheduleRetry(d: Delivery, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.queue.push(d);
      this.pump();
    }, delayMs);
    timer.unref();
    this.retries.set(timer, d);
  }
}

/** POSTs with fetch: no redirects followed, the response body discarded, any network error reported as null. */
export const fetchSend: SendRequest = async (url, body, headers, timeoutMs) => {
  try {
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return null;
  }
};
