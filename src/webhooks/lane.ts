import type { WebhookConfig } from '../config/operator-schema.ts';
import type { CircuitBreaker } from './breaker.ts';
import type { WebhookEvent } from './types.ts';

/** One delivery of one event to one receiver, with its retry state. */
export interface Delivery {
  webhook: WebhookConfig;
  event: WebhookEvent;
  id: string;
  attempts: number;
  nextAttemptAt: number;
  claimed: boolean;
  /** Claims the store could not answer (not attempts: the receiver was not asked). */
  claimFailures?: number;
}

/** One receiver's own queue, concurrency budget and breaker: a bad receiver only ever delays itself. */
export interface Lane {
  webhook: WebhookConfig;
  queue: Delivery[];
  retries: Map<NodeJS.Timeout, Delivery>;
  running: Set<Promise<void>>;
  breaker: CircuitBreaker;
  /** Wakes the lane when an open circuit's cool-down ends. */
  wake: NodeJS.Timeout | null;
  queueSize: number;
  concurrency: number;
}


/** Whether a lane holds as many waiting deliveries (queued or between retries) as it may. */
export function full(lane: Lane): boolean {
  return lane.queue.length + lane.retries.size >= lane.queueSize;
}
