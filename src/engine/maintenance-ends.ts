import type { Override } from '../domain/overrides.ts';
import type { MaintenanceWindow } from '../domain/types.ts';
import { effectiveEnd } from '../domain/windows.ts';

/**
 * When a maintenance window that was in force stopped being in force, or null when it never was
 * (a suggestion never confirmed, a window cancelled or withdrawn before it began, one still to end).
 */
function endOf(w: MaintenanceWindow): number | null {
  if (w.kind !== 'maintenance') return null;
  const end = effectiveEnd(w);
  switch (w.state) {
    case 'announced':
      return w.start < end ? end : null;
    case 'withdrawn':
    case 'cancelled': {
      // A suggestion was never in force, so its withdrawal or rejection ends nothing.
      if (w.withdrawnFrom === 'pending' || w.review?.decision === 'rejected') return null;
      const stopped = Math.min(w.updatedAt, end);
      return w.start < stopped ? stopped : null;
    }
    default:
      return null;
  }
}

/**
 * Per component, the latest instant up to `now` at which maintenance over it ended: an announced
 * window's end, a window withdrawn or cancelled while in force, or a `maintenance` override that
 * expired (pure). Failures seen during maintenance were expected and announced, so the engine
 * takes only checks made after this instant as evidence (see fresh-evidence.ts).
 *
 * Overrides of other statuses are not listed: the probes kept measuring the real service while an
 * operator overruled what the page showed, so their results stay evidence when the override ends.
 */
export function maintenanceEnds(windows: readonly MaintenanceWindow[], overrides: readonly Override[], now: number): Map<string, number> {
  const ends = new Map<string, number>();
  const note = (component: string, at: number): void => {
    if (at <= now && at > (ends.get(component) ?? -Infinity)) ends.set(component, at);
  };
  for (const w of windows) {
    const end = endOf(w);
    if (end !== null) for (const c of w.components) note(c, end);
  }
  for (const o of overrides) if (o.status === 'maintenance' && o.createdAt < o.expiresAt) note(o.component, o.expiresAt);
  return ends;
}
