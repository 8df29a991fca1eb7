import { DateTime } from 'luxon';
import type { PipelineDeps } from './context.ts';
import { operatorTick } from './operator-tick.ts';
import { reevaluate } from './reevaluate.ts';

/** The Warsaw calendar day of an instant, as YYYY-MM-DD. */
export function warsawDay(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: 'Europe/Warsaw' }).toISODate() ?? '';
}

/**
 * One coordinated evaluation tick: re-evaluates (so silence turns into `stale`) and
 * books the tick's length into each component's daily uptime bucket, then runs the operator
 * steps (automatic incidents, maintenance webhooks).
 */
export async function evaluationTick(deps: PipelineDeps, tickMs: number): Promise<void> {
  const evaluation = await reevaluate(deps);
  const day = warsawDay(deps.clock.now());
  await Promise.all(
    evaluation.components.map((c) => deps.stores.history.addUptime(c.id, day, c.status, tickMs / 1000, deps.config.store.uptimeDays)),
  );
  await operatorTick(deps, evaluation.components, tickMs);
}
