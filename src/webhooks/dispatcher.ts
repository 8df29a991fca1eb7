import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../config/operator-schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import { attemptOutcome, retryDelay } from './backoff.ts';
import { FORMATTERS } from './format.ts';
import type { EventSink, WebhookEvent } from './types.ts';

/** A delivery claim outlives every retry schedule, and the lookback in which an event can be seen again. */
const CLAIM_TTL_MS = 24 * 3_600_000;

/** Sends one request; resolves to the HTTP status, or null when no response came (timeout, refused, reset). */
export type SendRequest = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<number | null>;

/** How one delivery ended, for logs and metrics. */
export type DeliveryOutcome = 'delivered' | 'failed' | 'dropped';

/** What the dispatcher needs (wired in main.ts). */
export interface DispatcherOptions {
  webhooks: WebhookConfig[];
  /** Delivery claims shared by all replicas (SET NX PX on Redis). */
  claims: Pick<Store, 'acquireLease'>;
  logger: Logger;
  now: () => number;
  /** Component id → Polish name, for chat messages. */
  names: ReadonlyMap<string, string>;
  userAgent: string;
  /** Deliveries waiting (queued or between retries) per replica; more are dropped with a warning. */
  queueSize?: number;
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
  claimed: boolean;
}

/**
 * Delivers events to webhooks off the probe path: `emit` only queues. A delivery runs on the
 * replica that wins its claim (one per webhook and event id), so replicas that see the same
 * change deliver it once; failures are retried with exponential backoff and jitter.
 */
export class WebhookDispatcher implements EventSink {
  private readonly queue: Delivery[] = [];
  private readonly retries = new Map<NodeJS.Timeout, Delivery>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly opts: DispatcherOptions) {}

  emit(event: WebhookEvent): void {
    if (this.stopped) return;
    for (const webhook of this.opts.webhooks) {
      if (!webhook.events.includes(event.type)) continue;
      if (this.queue.length + this.retries.size >= (this.opts.queueSize ?? 1_000)) {
        this.opts.logger.warn({ webhook: webhook.id, event: event.id }, 'webhook queue full; delivery dropped');
        this.opts.onOutcome?.(webhook.id, 'dropped');
        continue;
      }
      this.queue.push({ webhook, event, id: randomUUID(), attempts: 0, claimed: false });
    }
    this.pump();
  }

  /** Deliveries queued, waiting to retry or in flight (for tests and shutdown). */
  get pending(): number {
    return this.queue.length + this.retries.size + this.running.size;
  }

  /** Stops taking events and retrying, then waits up to `graceMs` for requests in flight. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    for (const timer of this.retries.keys()) clearTimeout(timer);
    if (this.queue.length + this.retries.size > 0) this.opts.logger.warn({ left: this.queue.length + this.retries.size }, 'webhook deliveries left undelivered at shutdown');
    this.queue.length = 0;
    this.retries.clear();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.running), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
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
      const won = await this.opts.claims.acquireLease(`webhook:${d.webhook.id}:${d.event.id}`, CLAIM_TTL_MS).catch((err: unknown) => {
        this.opts.logger.warn({ ...log, err }, 'webhook claim failed');
        return null;
      });
      // Someone else (another replica, or an earlier sighting of the same event) owns it.
      if (won === false) return;
      d.claimed = won === true;
    }
    d.attempts += 1;
    const status = d.claimed ? await this.attempt(d) : null;
    const outcome = attemptOutcome(status);
    if (outcome === 'delivered') {
      this.opts.logger.info({ ...log, attempts: d.attempts, status }, 'webhook delivered');
      this.opts.onOutcome?.(d.webhook.id, 'delivered');
    } else if (outcome === 'give-up' || d.attempts >= d.webhook.maxAttempts) {
      this.opts.logger.warn({ ...log, attempts: d.attempts, status }, 'webhook delivery failed; giving up');
      this.opts.onOutcome?.(d.webhook.id, 'failed');
    } else {
      const delay = retryDelay(d.attempts, d.webhook.backoff, this.opts.random ?? Math.random);
      this.opts.logger.info({ ...log, attempts: d.attempts, status, retryInMs: delay }, 'webhook delivery failed; will retry');
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
