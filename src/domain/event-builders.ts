import { effectiveEnd } from './windows.ts';
import type { ComponentState, MaintenanceWindow } from './types.ts';
import type { Incident } from './incidents.ts';
import type { WebhookEvent } from './webhook-events.ts';

/**
 * A component status change. The id names the state left behind (its `since`) and the new
 * status, so two replicas that evaluate the same change concurrently produce the same id.
 */
export function componentChanged(prev: ComponentState, next: ComponentState, at: number): WebhookEvent {
  return {
    id: `component:${next.id}:${prev.since}:${prev.status}>${next.status}`,
    type: 'component.status_changed',
    at,
    data: { change: { component: next.id, from: prev.status, to: next.status, reason: next.reason, fromReason: prev.reason, rootCause: next.rootCause } },
  };
}

/** An incident was created, updated (or edited) or resolved; the id names the saved version. */
export function incidentChanged(incident: Incident, at: number): WebhookEvent {
  const type = incident.version === 1 ? 'incident.created' : incident.state === 'resolved' && incident.resolvedAt === incident.updatedAt ? 'incident.resolved' : 'incident.updated';
  return { id: `incident:${incident.id}:v${incident.version}`, type, at, data: { incident } };
}

/** A window came into force (`started`) or stopped being in force (`ended`); `edge` tells repeats apart from a rescheduled window. */
export function maintenanceEdge(type: 'maintenance.started' | 'maintenance.ended', window: MaintenanceWindow, at: number, edge?: string): WebhookEvent {
  const instant = edge ?? String(type === 'maintenance.started' ? window.start : effectiveEnd(window));
  return { id: `${type}:${window.id}:${instant}`, type, at, data: { window } };
}
