import type { Piscina } from 'piscina';
import type { ParseOp, ParseOps, ParseTask } from './parse-tasks.ts';
import type { ParseRunner, TaskFailure, TaskOutcome } from './parse-runner.ts';

/** Sizing of the parse pool; the defaults suit a monitor with a handful of notice sources. */
export interface ParsePoolOptions {
  /** Workers kept running; default 2: parsing is rare, and each worker holds its own heap. */
  threads?: number;
  /** Old-generation heap cap per worker; a page that needs more is refused as `too_large`. Default 256 MB. */
  maxHeapMb?: number;
  /** Worker module (file URL); default the real parse worker. Fault tests load one that never finishes. */
  entry?: string;
}

/**
 * The module a worker starts from. Built (dist/, plain JavaScript), the task module loads as is.
 * Run from sources (vitest, tsx), a worker does not inherit the main thread's module hooks on
 * Node 20, so it starts from a shim that registers tsx first; dist/ has no copy of that shim.
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.mjs' : './parse-tasks.js', import.meta.url).href;

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
 * (piscina starts a fresh one). Workers start on first use or `ready()`.
 */
export class ParsePool implements ParseRunner {
  private pool: Promise<Piscina> | null = null;
  private closed = false;

  constructor(private readonly opts: ParsePoolOptions = {}) {}

  /**
   * Starts the workers and resolves (true) once one has loaded its modules, or false after
   * `timeoutMs`. A worker takes from half a second to seconds on a busy machine to load
   * the parsers (and tsx, run from sources), which must not be charged to the first notice
   * fire's deadline.
   */
  async ready(timeoutMs: number): Promise<boolean> {
    return (await this.run({ op: 'ping', input: null }, timeoutMs)).ok;
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
      .then((pool) => pool.run(task, { signal: abort.signal }))
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
    await (await this.pool?.catch(() => null))?.destroy();
  }

  /** piscina is loaded on first use, so a process without notice probes never pays for it. */
  private piscina(): Promise<Piscina> {
    this.pool ??= import('piscina').then(({ Piscina }) => new Piscina({
      filename: this.opts.entry ?? WORKER_ENTRY,
      // All workers stay loaded: one started on demand would spend its start-up inside a probe's deadline.
      minThreads: this.opts.threads ?? 2,
      maxThreads: this.opts.threads ?? 2,
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb ?? 256 },
    }));
    return this.pool;
  }
}
