import type { MaintenanceWindow } from './types.ts';

/*
 * When a maintenance window or outage notice is in force: one definition, read by the engine's
 * overlays, the public state, the faces, webhooks and metrics alike.
 */

/** Open-ended windows stop counting after this long, so a stale banner cannot pin a component forever. */
export const OPEN_ENDED_MAX_MS = 12 * 3_600_000;

/** The fields that decide when a window is in force (the public state's window input types `state` as any string). */
type WindowTimes = Pick<MaintenanceWindow, 'start' | 'end'> & { state: string };

/** The instant a window stops being in force. */
export function effectiveEnd(w: Pick<MaintenanceWindow, 'start' | 'end'>): number {
  return w.end ?? w.start + OPEN_ENDED_MAX_MS;
}

/** Whether an announced window is in force at `now`. */
export function isActive(w: WindowTimes, now: number): boolean {
  return w.state === 'announced' && w.start <= now && now < effectiveEnd(w);
}

/** Whether an announced window is still to come at `now`. */
export function isUpcoming(w: WindowTimes, now: number): boolean {
  return w.state === 'announced' && w.start > now;
}
