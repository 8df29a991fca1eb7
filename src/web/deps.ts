import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/definitions.ts';
import type { StorePorts } from '../store/ports.ts';
import type { RateLimitStore } from './rate-limit.ts';
import type { AdminWebDeps } from './routes/admin.ts';
import type { StatusSnapshot } from '../status/snapshot.ts';

/*
 * What the web layer is built from, in a file of its own: the app assembles the routes, and the
 * routes read these types, so neither imports the other.
 */

/** Everything the web layer reads from; it never writes probe data. */
export interface WebDeps {
  config: Config;
  stores: StorePorts;
  snapshot: StatusSnapshot;
  logger: Logger;
  now: () => number;
  /** Serves GET /metrics and times every request when present. */
  metrics?: Metrics;
  /**
   * Registers work for a graceful stop, run after probing stops and before the server closes.
   * Long-lived responses (SSE streams) register their closer here to send a last event and end.
   */
  onShutdown?: (close: () => Promise<void> | void) => void;
  /** Triage wiring: metrics hook (onTriage), shared rate-limit store, budget. */
  triage?: TriageWebOptions;
  /** Serves the authenticated admin API under /api/v1/admin when present. */
  admin?: AdminWebDeps;
}

/** Optional wiring of the triage faces (WebDeps.triage): metrics hook, shared limiter store, budget. */
export interface TriageWebOptions {
  /** Called once per successful triage (API or form) with the first cause code. */
  onTriage?: (firstCause: string) => void;
  /** A rate-limit store shared by replicas (see src/web/rate-limit.ts); in-process when absent. */
  rateLimitStore?: RateLimitStore;
  /** Requests per IP per window; defaults to TRIAGE_RATE_LIMIT. */
  rateLimit?: { windowMs: number; limit: number };
}
