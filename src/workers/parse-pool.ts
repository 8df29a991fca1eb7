import { Piscina } from 'piscina';
import type { ParseOp, ParseOps, ParseTask } from './parse-tasks.ts';
import type { ParseRunner, TaskFailure, TaskOutcome } from './parse-runner.ts';

/** Sizing of the parse pool; the defaults suit a monitor with a handful of notice sources. */
export interface ParsePoolOptions {
  /** Default 2: parsing is rare, and each worker holds its own heap. */
  maxThreads?: number;
  /** Old-generation heap cap per worker; a page that needs more is refused as `too_large`. Default 256 MB. */
  maxHeapMb?: number;
}

const WORKER_ENTRY = new URL('./parse-worker.mjs', import.meta.url).href;

function failureOf(err: unknown): TaskFailure {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { ok: false, reason: 'too_large', detail: 'parsing needed more memory than a worker may use' };
  const name = err instanceof Error ? err.name : typeof err;
  return { ok: false, reason: 'internal_error', detail: typeof code === 'string' ? code : name };
}

/**
 * Runs parse tasks on worker threads (piscina), so no hostile page can block the event loop
 * that serves the web and fires the other probes. Each task has a wall-clock deadline from
 * its submission: past it the caller gets `timeout` at once, and the worker is terminated
 * (piscina starts a fresh one). Workers start on first use or `warm()`.
 */
export class ParsePool implements ParseRunner {
  private pool: Piscina | null = null;
  private closed = false;

  constructor(private readonly opts: ParsePoolOptions = {}) {}

  /** Starts a worker now, so the first notice fire does not pay the thread start. */
  warm(): void {
    this.piscina();
  }

  async run<K extends ParseOp>(task: ParseTask<K>, deadlineMs: number): Promise<TaskOutcome<ParseOps[K]['result']>> {
    if (this.closed) return { ok: false, reason: 'internal_error', detail: 'parse pool closed' };
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Our own timer, not AbortSignal.timeout: it cannot be collected, and it settles the
    // caller even if the pool were slow to report the abort.
    const deadline = new Promise<TaskFailure>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve({ ok: false, reason: 'timeout', detail: `parsing took longer than ${Math.round(deadlineMs)} ms` });
      }, Math.max(0, deadlineMs));
    });
    const work = this.piscina()
      .run(task, { signal: abort.signal })
      .then((value: ParseOps[K]['result']) => ({ ok: true as const, value }), failureOf);
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Terminates the workers; later tasks fail with `internal_error`. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.destroy();
  }

  private piscina(): Piscina {
    this.pool ??= new Piscina({
      filename: WORKER_ENTRY,
      minThreads: 1,
      maxThreads: this.opts.maxThreads ?? 2,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb ?? 256 },
    });
    return this.pool;
  }
}
