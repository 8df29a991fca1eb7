import type { MaintenanceWindow } from '../domain/types.ts';
import type { Overlays } from './evaluate.ts';

/** Open-ended windows stop counting after this long, so a stale banner cannot pin a component forever. */
export const OPEN_ENDED_MAX_MS = 12 * 3_600_000;

/** The instant a window stops being in force. */
export function effectiveEnd(w: MaintenanceWindow): number {
  return w.end ?? w.start + OPEN_ENDED_MAX_MS;
}

/** Whether an announced window is in force at `now`. */
export function isActive(w: MaintenanceWindow, now: number): boolean {
  return w.state === 'announced' && w.start <= now && now < effectiveEnd(w);
}

/** Whether an announced window is still to come at `now`. */
export function isUpcoming(w: MaintenanceWindow, now: number): boolean {
  return w.state === 'announced' && w.start > now;
}

/** The engine overlays (maintenance and outage notices) in force at `now`. */
export function overlaysAt(windows: MaintenanceWindow[], now: number): Overlays {
  const overlays: Overlays = { maintenance: new Map(), outageNotices: new Set() };
  for (const w of windows) {
    if (!isActive(w, now)) continue;
    for (const c of w.components) {
      if (w.kind === 'maintenance') overlays.maintenance.set(c, { windowId: w.id });
      else overlays.outageNotices.add(c);
    }
  }
  return overlays;
}
