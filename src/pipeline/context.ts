import type { Config, ProbeConfig } from '../config/schema.ts';
import type { Clock, JourneyStepResult, ProbeResult } from '../domain/types.ts';
import type { Logger } from '../logging/logger.ts';
import type { PageRenderer } from '../probes/journey/browser.ts';
import type { StorePorts } from '../store/ports.ts';
import type { EventSink } from '../domain/webhook-events.ts';
import type { ParseRunner } from '../workers/parse-runner.ts';

/** Dependencies every pipeline step receives (wired in main.ts). */
export interface PipelineDeps {
  config: Config;
  /** The store's local face: during a shared-store outage it goes on from memory. */
  stores: StorePorts;
  clock: Clock;
  logger: Logger;
  /** Told about pipeline events (metrics hook in here; the pipeline never imports prom-client). */
  observer?: PipelineObserver;
  /** Webhook delivery of status changes and maintenance edges; never blocks the pipeline. */
  events?: EventSink;
  /** The optional browser runner for journey steps with `render: browser`. */
  renderer?: PageRenderer;
  /** Parses untrusted pages and notice text off the event loop (a ParsePool); default: inline. */
  parser?: ParseRunner;
  /** Batches results into incremental evaluations (main.ts); without it each result re-evaluates everything. */
  evaluator?: ResultEvaluator;
}

/**
 * What pipeline steps ask of the evaluator (pipeline/evaluator.ts builds it from these deps, so
 * the deps name only this interface, not the class).
 */
export interface ResultEvaluator {
  /** Queues a probe's new result for evaluation; resolves once a pass has covered it. */
  resultOf(probeId: string): Promise<void>;
  /** The configured canary probes. */
  readonly canaries: readonly ProbeConfig[];
}

/** Pipeline events an observer (e.g. the Prometheus metrics) may count; must not throw. */
export interface PipelineObserver {
  /** A probe run finished on this replica (before its result is stored). */
  probeFinished(probe: ProbeConfig, result: ProbeResult): void;
  /** A notice source's page or feed structure could not be read (`parse_error`). */
  noticeParseFailed(source: string): void;
  /** A journey probe ran these steps (the failed one last). */
  journeySteps?(probe: ProbeConfig, steps: JourneyStepResult[]): void;
  /** An evaluation pass judged this many components. */
  componentsEvaluated?(count: number): void;
}
