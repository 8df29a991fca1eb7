import { isPublicIncident, type Incident } from '../incidents/types.ts';
import { toIncidentView } from './incidents-view.ts';
import type { IncidentView } from './incident-view.ts';

/**
 * Incidents the public history may show: every public one still open or resolved at `since` or
 * later, newest first. Unlike the live list (open ones plus the newest few resolved), nothing in
 * the period is dropped for being old or many; the history page cuts at its own instant.
 */
export function incidentArchive(incidents: Incident[], since: number): IncidentView[] {
  return incidents
    .filter((i) => isPublicIncident(i) && (i.resolvedAt === null || i.resolvedAt >= since))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map(toIncidentView);
}
