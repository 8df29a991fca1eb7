import { DateTime } from 'luxon';
import type { PipelineDeps } from './context.ts';
import { inBatches } from '../domain/in-batches.ts';
import { operatorTick } from './operator-tick.ts';
import { uptimeClass } from '../status/public-state.ts';

/** Uptime bookings in flight at once: thousands of components are booked in batches so fires keep their slots. */
const UPTIME_WRITES_IN_FLIGHT = 256;
import { reevaluate } from './reevaluate.ts';

/**
 * The evaluation period an instant falls in: its Warsaw day and the tick's index within that day.
 * Every replica names a scheduled fire the same way, so the store can book each period once
 * however many replicas ran it (they all do while Redis is down and leases fail open).
 */
export function uptimeSlot(epochMs: number, tickMs: number): { day: string; slot: number } {
  const t = DateTime.fromMillis(epochMs, { zone: 'Europe/Warsaw' });
  return { day: t.toISODate() ?? '', slot: Math.floor((epochMs - t.startOf('day').toMillis()) / tickMs) };
}

/**
 * One coordinated evaluation tick: re-evaluates (so silence turns into `stale`) and
 * books the tick's period (named by its scheduled fire, `fireAt`) into each component's daily
 * uptime bucket, then runs the operator steps (automatic incidents, maintenance webhooks).
 */
export async function evaluationTick(deps: PipelineDeps, tickMs: number, fireAt: number = deps.clock.now()): Promise<void> {
  const evaluation = await reevaluate(deps);
  const { day, slot } = uptimeSlot(fireAt, tickMs);
  const slots = { seconds: tickMs / 1000, from: slot, to: slot };
  await inBatches(evaluation.components, UPTIME_WRITES_IN_FLIGHT, (c) => deps.stores.history.bookUptime(c.id, day, uptimeClass(c.status, c.reason), slots, deps.config.store.uptimeDays));
  await operatorTick(deps, evaluation.components, tickMs);
}
