import { randomUUID } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import type { Clock } from '../domain/types.ts';
import type { StorePorts } from '../store/ports.ts';
import type { EventSink } from '../domain/webhook-events.ts';

/** What operator use cases (incidents, maintenance, overrides, reclassification) need; wired in main.ts. */
export interface OperatorDeps {
  config: Config;
  stores: StorePorts;
  clock: Clock;
  /** Webhook delivery; absent when no webhook is configured. */
  events?: EventSink;
  /** Re-derives component states at once, so an override or a manual window shows without waiting for a tick. */
  reevaluate?: () => Promise<unknown>;
  /** Id generator (tests pass a predictable one). */
  newId?: () => string;
}

/** The id generator of `deps`, random UUIDs by default. */
export function idFactory(deps: Pick<OperatorDeps, 'newId'>): () => string {
  return deps.newId ?? randomUUID;
}

/** The set of configured component ids. */
export function knownComponents(config: Config): ReadonlySet<string> {
  return new Set(config.components.map((c) => c.id));
}
