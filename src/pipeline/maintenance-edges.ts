import type { MaintenanceWindow } from '../domain/types.ts';
import { effectiveEnd } from '../domain/windows.ts';
import { maintenanceEdge } from '../domain/event-builders.ts';
import type { WebhookEvent } from '../webhooks/types.ts';
import type { PipelineDeps } from './context.ts';

/** How many ticks back an edge is still reported, so one missed tick loses nothing (repeats share an event id). */
const LOOKBACK_TICKS = 3;

/**
 * Windows that came into force or stopped being in force within (from, to] (pure): announced
 * windows by their start and (effective) end, withdrawn ones when their source dropped them mid-window.
 */
export function maintenanceEdges(windows: MaintenanceWindow[], from: number, to: number): WebhookEvent[] {
  const within = (t: number): boolean => t > from && t <= to;
  const events: WebhookEvent[] = [];
  for (const w of windows) {
    if (w.state === 'cancelled') continue;
    const end = effectiveEnd(w);
    if (w.state === 'announced' && within(w.start) && w.start < end) events.push(maintenanceEdge('maintenance.started', w, w.start));
    if (w.state === 'announced' && within(end) && w.start < end) events.push(maintenanceEdge('maintenance.ended', w, end));
    if (w.state === 'withdrawn' && within(w.updatedAt) && w.start <= w.updatedAt && w.updatedAt < end) {
      events.push(maintenanceEdge('maintenance.ended', w, w.updatedAt, `withdrawn:${w.updatedAt}`));
    }
  }
  return events;
}

/** Hands the maintenance starts and ends of the last few ticks to the webhooks. */
export async function emitMaintenanceEdges(deps: PipelineDeps, tickMs: number): Promise<void> {
  const { events, stores, clock } = deps;
  if (!events) return;
  const now = clock.now();
  for (const e of maintenanceEdges(await stores.windows.getWindows(), now - LOOKBACK_TICKS * tickMs, now)) events.emit(e);
}
