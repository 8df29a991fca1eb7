import type { ParseOp, ParseOps, ParseTask } from './parse-tasks.ts';
import { runParseTask } from './parse-tasks.ts';

/** Why a task gave no result: too slow, too hungry, or a fault of ours. */
export type TaskFailure = { ok: false; reason: 'timeout' | 'too_large' | 'internal_error'; detail: string };
export type TaskOutcome<T> = { ok: true; value: T } | TaskFailure;

/** Runs parse tasks under a deadline; never throws. */
export interface ParseRunner {
  run<K extends ParseOp>(task: ParseTask<K>, deadlineMs: number): Promise<TaskOutcome<ParseOps[K]['result']>>;
}

/**
 * Runs tasks on the calling thread, for one-off CLI runs and unit tests. The input limits
 * (body cap, nesting depth, notice length) still apply, but the deadline cannot be enforced:
 * a long-running service must use a ParsePool.
 */
export const inlineParser: ParseRunner = {
  run: <K extends ParseOp>(task: ParseTask<K>) => {
    // The mapped task type cannot correlate `op` with its result, hence the widening casts.
    try {
      return Promise.resolve({ ok: true, value: runParseTask(task as ParseTask) as ParseOps[K]['result'] });
    } catch (err) {
      return Promise.resolve({ ok: false, reason: 'internal_error', detail: err instanceof Error ? err.name : typeof err });
    }
  },
};
