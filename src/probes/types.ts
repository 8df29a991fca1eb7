import type { Dispatcher } from 'undici';
import type { ProbeConfig } from '../config/schema.ts';
import type { Clock, ProbeOutcome } from '../domain/types.ts';
import type { ParseRunner } from '../workers/parse-runner.ts';

/** What every prober is given besides its own config. */
export interface ProbeContext {
  /** Aborted on shutdown or when the probe's hard deadline (its timeout) passes. */
  signal: AbortSignal;
  userAgent: string;
  clock: Clock;
  /** Optional undici dispatcher override (tests use it to pin DNS or TLS trust). */
  dispatcher?: Dispatcher;
  /** Parses untrusted pages off the event loop (the app's ParsePool); default: inline, for one-off runs and unit tests. */
  parser?: ParseRunner;
}

/**
 * The one prober signature (after blackbox_exporter's prober.ProbeFn). A prober
 * returns an outcome with a typed reason, never throws for a down target, and
 * never touches the store or metrics.
 */
export type Prober<P extends { kind: string; id: string } = ProbeConfig> = (probe: P, ctx: ProbeContext) => Promise<ProbeOutcome>;
