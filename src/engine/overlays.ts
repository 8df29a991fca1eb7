import type { MaintenanceWindow } from '../domain/types.ts';
import { isActive } from '../domain/windows.ts';
import type { Overlays } from './evaluate.ts';

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
