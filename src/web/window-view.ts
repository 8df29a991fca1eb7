import { DateTime } from 'luxon';
import { effectiveEnd, isActive, isUpcoming } from '../engine/index.ts';
import type { MaintenanceWindow } from '../domain/types.ts';

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
}

/** ISO-8601 with the Europe/Warsaw offset. */
export function warsawIso(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'Europe/Warsaw' }).toISO()!;
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
  };
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
