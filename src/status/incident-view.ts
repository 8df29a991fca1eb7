/** Incident states, in Statuspage's vocabulary. */
export const INCIDENT_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** Incident impacts, in Statuspage's vocabulary. */
export const INCIDENT_IMPACTS = ['minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

/**
 * An incident as the page, feeds and Statuspage JSON show it. Incidents are posted by
 * operators (a later issue); until then every caller passes an empty list.
 */
export interface IncidentView {
  id: string;
  title: { pl: string; en?: string };
  impact: IncidentImpact;
  state: IncidentState;
  /** Affected component ids. */
  components: string[];
  /** ISO-8601 instants. */
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** Opened by the monitor after a long outage (text machine-written until a person edits it). */
  automatic?: boolean;
  /** Newest first. Bodies are operator text (Polish; `bodyEn` when given): always escaped on output. */
  updates: { at: string; state: IncidentState; body: string; bodyEn?: string }[];
}

/** Whether an incident still counts as ongoing. */
export function isOpen(incident: IncidentView): boolean {
  return incident.state !== 'resolved';
}

/** An update's body in a language, falling back to Polish. */
export function updateBody(update: IncidentView['updates'][number], lang: 'pl' | 'en'): string {
  return lang === 'en' ? (update.bodyEn ?? update.body) : update.body;
}

/** The incident title in a language, falling back to Polish. */
export function incidentTitle(incident: IncidentView, lang: 'pl' | 'en'): string {
  return lang === 'en' ? (incident.title.en ?? incident.title.pl) : incident.title.pl;
}
