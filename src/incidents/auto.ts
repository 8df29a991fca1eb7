import type { ComponentState } from '../domain/types.ts';
import type { Incident } from './types.ts';

/** An automatic incident to open: one per root cause in outage. */
export interface AutoOpen {
  /** Deterministic (component and outage start), so a repeat tick or a second replica cannot open it twice. */
  id: string;
  component: string;
  /** The component plus those in outage because of it. */
  components: string[];
  since: number;
}

/** What the automatic-incident step should do now. */
export interface AutoPlan {
  open: AutoOpen[];
  /** Open automatic incidents whose components have all recovered. */
  resolve: { id: string; components: string[] }[];
}

/** The id of the automatic incident for an outage of `component` that began at `since`. */
export function autoIncidentId(component: string, since: number): string {
  return `auto-${component}-${since}`;
}

/**
 * Decides which automatic incidents to open and resolve (pure). A component that has been in
 * outage for at least `openAfterMs` gets one unless an open incident already covers it or this
 * outage already had one (a person may have resolved it by hand); components failing because of
 * another one (rootCause) are listed on their root's incident, or on none when the root is in maintenance. An automatic incident resolves
 * when every component on it is operational again.
 */
export function planAutoIncidents(states: ComponentState[], incidents: Incident[], now: number, openAfterMs: number): AutoPlan {
  const open = incidents.filter((i) => i.state !== 'resolved');
  const covered = new Set(open.flatMap((i) => i.components));
  const known = new Set(incidents.map((i) => i.id));
  const byId = new Map(states.map((s) => [s.id, s]));
  const toOpen = states
    .filter((s) => s.status === 'outage' && now - s.since >= openAfterMs && !isDownBecauseOfAnother(s, byId))
    .filter((s) => !covered.has(s.id) && !known.has(autoIncidentId(s.id, s.since)))
    .map((s) => ({
      id: autoIncidentId(s.id, s.since),
      component: s.id,
      components: [s.id, ...states.filter((d) => d.status === 'outage' && d.rootCause === s.id).map((d) => d.id)],
      since: s.since,
    }));
  const resolve = open
    .filter((i) => i.automatic && i.components.length > 0 && i.components.every((c) => byId.get(c)?.status === 'operational'))
    .map((i) => ({ id: i.id, components: i.components }));
  return { open: toOpen, resolve };
}

/** A dependency in outage (it gets its own incident) or in maintenance (announced already) explains this outage. */
function isDownBecauseOfAnother(s: ComponentState, byId: Map<string, ComponentState>): boolean {
  const root = s.rootCause === null ? undefined : byId.get(s.rootCause)?.status;
  return root === 'outage' || root === 'maintenance';
}
