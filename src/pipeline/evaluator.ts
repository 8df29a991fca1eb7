import type { ProbeConfig } from '../config/schema.ts';
import { DependencyIndex } from '../engine/index.ts';
import type { PipelineDeps, ResultEvaluator } from './context.ts';
import { reevaluate } from './reevaluate.ts';

/** How long results may gather before one evaluation takes them all (default of `batchMs`). */
const BATCH_MS = 100;

/**
 * Evaluates probe results in batches: each result names the probe it came from, and results
 * arriving close together are judged in one pass over the union of the components they can change
 * (DependencyIndex). At most one pass runs at a time; what arrives meanwhile waits for the next, so
 * under load passes grow instead of piling up, and the store sees one read and one write per pass.
 */
export class Evaluator implements ResultEvaluator {
  private readonly index: DependencyIndex;
  private readonly probes = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Settles when the pass that will take the currently queued probes has finished. */
  private next: { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } | null = null;

  constructor(
    private readonly deps: PipelineDeps,
    private readonly batchMs = BATCH_MS,
  ) {
    this.index = new DependencyIndex(deps.config.components, deps.config.probes);
  }

  /** The configured canary probes (found once). */
  get canaries(): readonly ProbeConfig[] {
    return this.index.canaries;
  }

  /** Queues a probe's new result for evaluation; resolves once a pass has covered it. */
  resultOf(probeId: string): Promise<void> {
    this.probes.add(probeId);
    return this.schedule();
  }

  private schedule(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      // A pass nobody awaits (the caller went away) must not surface as an unhandled rejection.
      promise.catch(() => undefined);
      this.next = { promise, resolve, reject };
    }
    if (!this.running && !this.timer) this.timer = setTimeout(() => this.start(), this.batchMs);
    return this.next.promise;
  }

  private start(): void {
    this.timer = null;
    const batch = this.next;
    if (!batch) return;
    this.next = null;
    const probes = [...this.probes];
    this.probes.clear();
    this.running = this.pass(probes).then(batch.resolve, batch.reject).finally(() => {
      this.running = null;
      // Results that came in during the pass form the next batch, started without waiting again.
      if (this.next && !this.timer) this.timer = setTimeout(() => this.start(), 0);
    });
  }

  private async pass(probes: string[]): Promise<void> {
    // null: a canary or notice source reported, and any component may change.
    const components = this.index.affectedBy(probes);
    if (components === null) await reevaluate(this.deps);
    else if (components.size > 0) await reevaluate(this.deps, { components, index: this.index });
  }
}
