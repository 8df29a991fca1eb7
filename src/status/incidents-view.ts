import { isPublicIncident, type Incident } from '../incidents/types.ts';
import type { IncidentView } from './incident-view.ts';
import { warsawIso } from '../domain/warsaw.ts';

/** Resolved incidents the public views carry (open ones are always all there). */
export const RESOLVED_SHOWN = 50;

/** One stored incident as the page, feeds, Statuspage JSON and /api/v1/status show it. */
export function toIncidentView(i: Incident): IncidentView {
  return {
    id: i.id,
    title: i.title.en ? { pl: i.title.pl, en: i.title.en } : { pl: i.title.pl },
    impact: i.impact,
    state: i.state,
    components: i.components,
    createdAt: warsawIso(i.createdAt),
    updatedAt: warsawIso(i.updatedAt),
    resolvedAt: i.resolvedAt === null ? null : warsawIso(i.resolvedAt),
    automatic: i.automatic,
    updates: [...i.updates].reverse().map((u) => ({ at: warsawIso(u.at), state: u.state, body: u.body.pl, ...(u.body.en ? { bodyEn: u.body.en } : {}) })),
  };
}

/**
 * The public incident list: every open incident and the newest resolved ones, newest first.
 * Unapproved automatic drafts are left out here, the one door every public face goes through.
 */
export function incidentViews(incidents: Incident[]): IncidentView[] {
  const sorted = incidents.filter(isPublicIncident).sort((a, b) => b.createdAt - a.createdAt);
  const open = sorted.filter((i) => i.state !== 'resolved');
  const resolved = sorted.filter((i) => i.state === 'resolved').slice(0, RESOLVED_SHOWN);
  return [...open, ...resolved].sort((a, b) => b.createdAt - a.createdAt).map(toIncidentView);
}
