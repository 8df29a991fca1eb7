import { warsawIso } from '../domain/warsaw.ts';
import { effectiveEnd, isActive, isUpcoming } from '../domain/windows.ts';
import type { MaintenanceWindow } from '../domain/types.ts';
import { calledOff, wasAnnounced } from '../maintenance/called-off.ts';

/** A window as the API shows it: times as ISO-8601 in Europe/Warsaw. */
export interface WindowView {
  id: string;
  kind: 'maintenance' | 'outage';
  state: MaintenanceWindow['state'];
  active: boolean;
  components: string[];
  start: string;
  end: string | null;
  /** When an open-ended window stops counting. */
  effectiveEnd: string;
  title: string;
  text: string;
  link: string | null;
  source: string;
  publishedAt: string | null;
  updatedAt: string;
  /**
   * Grows whenever the window is edited (rescheduled, reworded, cancelled), derived from stored
   * times so it needs no stored counter and never goes down. Calendars read it as SEQUENCE.
   */
  revision: number;
  /** False for suggestions never confirmed (pending, rejected, or dropped by their source while pending). */
  wasAnnounced: boolean;
  /** Set when the window was called off (cancelled, or withdrawn by its source) before its end. */
  calledOff: { how: 'cancelled' | 'withdrawn'; at: string; beforeStart: boolean } | null;
}

/**
 * The revision of a window: 0 until its first edit. Twice the whole seconds from first sight to
 * the last change, plus one once cancelled or withdrawn: a cancellation in the same second as the
 * announcement still raises it (calendars ignore a same-SEQUENCE copy), and a window announced
 * again a second or more after a withdrawal goes past the withdrawn revision. Doubling keeps every
 * revision already handed out at or below the new value.
 */
export function windowRevision(w: Pick<MaintenanceWindow, 'firstSeenAt' | 'updatedAt' | 'state'>): number {
  const seconds = Math.max(0, Math.floor((w.updatedAt - w.firstSeenAt) / 1000));
  return 2 * seconds + (w.state === 'cancelled' || w.state === 'withdrawn' ? 1 : 0);
}

/** Converts a stored window to its API form. */
export function toWindowView(w: MaintenanceWindow, now: number): WindowView {
  return {
    id: w.id,
    kind: w.kind,
    state: w.state,
    active: isActive(w, now),
    components: w.components,
    start: warsawIso(w.start),
    end: w.end === null ? null : warsawIso(w.end),
    effectiveEnd: warsawIso(effectiveEnd(w)),
    title: w.title,
    text: w.text,
    link: w.link,
    source: w.source,
    publishedAt: w.publishedAt === null ? null : warsawIso(w.publishedAt),
    updatedAt: warsawIso(w.updatedAt),
    revision: windowRevision(w),
    wasAnnounced: wasAnnounced(w),
    calledOff: calledOffView(w),
  };
}

function calledOffView(w: MaintenanceWindow): WindowView['calledOff'] {
  const off = calledOff(w);
  return off && { how: off.how, at: warsawIso(off.at), beforeStart: off.beforeStart };
}

/** Called-off windows whose announced time is not over yet: calendars may still hold them as planned. */
export function calledOffAhead(windows: WindowView[], now: number): WindowView[] {
  return windows.filter((w) => w.calledOff !== null && Date.parse(w.effectiveEnd) > now);
}

/** Active and upcoming announced windows, soonest first. */
export function currentWindows(windows: MaintenanceWindow[], now: number, showPending = false): { active: WindowView[]; upcoming: WindowView[]; pending?: WindowView[] } {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const current = {
    active: sorted.filter((w) => isActive(w, now)).map((w) => toWindowView(w, now)),
    upcoming: sorted.filter((w) => isUpcoming(w, now)).map((w) => toWindowView(w, now)),
  };
  if (!showPending) return current;
  // Suggestions nobody confirmed yet, shown apart ("komunikat do weryfikacji") when the operator enabled it.
  return { ...current, pending: sorted.filter((w) => w.state === 'pending' && effectiveEnd(w) > now).map((w) => toWindowView(w, now)) };
}
