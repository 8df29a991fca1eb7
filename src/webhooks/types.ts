import type { WebhookEventType } from '../config/operator-schema.ts';
import type { WebhookEvent } from '../domain/webhook-events.ts';

// The event and outbox records live in domain/ (the store keeps the outbox); re-exported for the feature's code.
export type { ComponentChange, OutboxEntry, WebhookEvent } from '../domain/webhook-events.ts';

/** Takes events for delivery; must return at once and never throw (delivery runs off the caller's path). */
export interface EventSink {
  emit(event: WebhookEvent): void;
  /** Takes over outbox deliveries whose owning replica stopped renewing them (run on coordinated ticks). */
  recoverOrphans?(): Promise<void>;
}

export type { WebhookEventType };
