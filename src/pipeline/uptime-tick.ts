import { DateTime } from 'luxon';
import type { PipelineDeps } from './context.ts';
import { inBatches } from '../domain/in-batches.ts';
import { operatorTick } from './operator-tick.ts';

/** Uptime bookings in flight at once: thousands of components are booked in batches so fires keep their slots. */
const UPTIME_WRITES_IN_FLIGHT = 256;
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
  await inBatches(evaluation.components, UPTIME_WRITES_IN_FLIGHT, (c) => deps.stores.history.addUptime(c.id, day, c.status, tickMs / 1000, deps.config.store.uptimeDays));
  await operatorTick(deps, evaluation.components, tickMs);
}
