import type { WebhookEventType } from '../config/operator-schema.ts';

// The event and outbox records and the sink operator actions emit into live in domain/ (the store
// keeps the outbox, every layer may emit); re-exported for the feature's code.
export type { ComponentChange, EventSink, OutboxEntry, WebhookEvent } from '../domain/webhook-events.ts';

export type { WebhookEventType };
