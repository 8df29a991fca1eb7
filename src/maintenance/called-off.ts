import type { MaintenanceWindow } from '../domain/types.ts';
import { effectiveEnd } from '../domain/windows.ts';

/**
 * A window the public was told about that stopped counting before its end: an operator cancelled
 * it, or its source dropped the notice before the window was over. Feeds and calendars tell their
 * readers so, because a reader's copy of the announcement would otherwise still read as planned.
 */
export interface CalledOff {
  how: 'cancelled' | 'withdrawn';
  /** Epoch ms of the call-off (the window's last change). */
  at: number;
  /** Called off before it began: it never took place. */
  beforeStart: boolean;
}

/**
 * Whether `w` was ever announced: pending suggestions, rejected ones and suggestions whose source
 * dropped them before anyone confirmed them never were.
 */
export function wasAnnounced(w: MaintenanceWindow): boolean {
  if (w.state === 'pending') return false;
  if (w.state === 'cancelled') return w.review?.decision !== 'rejected';
  if (w.state === 'withdrawn') return w.withdrawnFrom !== 'pending';
  return true;
}

/** How `w` was called off, or null when it still counts, ran its course, or was never public. */
export function calledOff(w: MaintenanceWindow): CalledOff | null {
  if (!wasAnnounced(w)) return null;
  const off = (how: CalledOff['how']): CalledOff => ({ how, at: w.updatedAt, beforeStart: w.updatedAt < w.start });
  if (w.state === 'cancelled') return off('cancelled');
  // A notice taken down after its window ended is just the page tidied up; the window happened.
  if (w.state === 'withdrawn') return w.updatedAt < effectiveEnd(w) ? off('withdrawn') : null;
  return null;
}
