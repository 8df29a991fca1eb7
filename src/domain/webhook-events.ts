import type { Incident } from './incidents.ts';
import type { ComponentReason, ComponentStatus, MaintenanceWindow } from './types.ts';

/** A component's status change as webhooks report it. */
export interface ComponentChange {
  component: string;
  from: ComponentStatus;
  to: ComponentStatus;
  reason: ComponentReason;
  /** The reason of the state left behind, so `from` is worded by its meaning too; absent on events queued by older versions. */
  fromReason?: ComponentReason;
  rootCause: string | null;
}

/** Something operators' tools want to hear about. `id` is deterministic, so replicas that see the same change agree on it. */
export type WebhookEvent =
  | { id: string; type: 'component.status_changed'; at: number; data: { change: ComponentChange } }
  | { id: string; type: 'incident.created' | 'incident.updated' | 'incident.resolved'; at: number; data: { incident: Incident } }
  | { id: string; type: 'maintenance.started' | 'maintenance.ended'; at: number; data: { window: MaintenanceWindow } };

/** A webhook delivery kept in the store until it ends, so another replica can finish it if its owner dies. */
export interface OutboxEntry {
  /** The delivery id (`X-Ikp-Delivery`), kept across replicas so receivers can dedupe. */
  id: string;
  webhookId: string;
  event: WebhookEvent;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms of the next attempt. */
  nextAttemptAt: number;
  /** Epoch ms until which the owning replica holds it; it renews this while the delivery is live. */
  claimedUntil: number;
}

/** Takes events for delivery; must return at once and never throw (delivery runs off the caller's path). */
export interface EventSink {
  emit(event: WebhookEvent): void;
  /** Takes over outbox deliveries whose owning replica stopped renewing them (run on coordinated ticks). */
  recoverOrphans?(): Promise<void>;
}
