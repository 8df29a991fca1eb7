/** Incident model: what operators post (and the monitor drafts) to explain an outage. */

/** Incident states in lifecycle order (Statuspage's vocabulary). */
export const INCIDENT_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** How bad an incident is for patients. */
export const INCIDENT_IMPACTS = ['minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

/** Operator text: Polish is required, English optional. */
export interface LocalizedText {
  pl: string;
  en?: string;
}

/** One timestamped post on an incident, carrying the state it moved to. */
export interface IncidentUpdate {
  id: string;
  /** Epoch ms. */
  at: number;
  state: IncidentState;
  body: LocalizedText;
  /** Token name of the author, or `system` for automatic posts. */
  by: string;
}

/** An incident with its whole update history. */
export interface Incident {
  id: string;
  /** Bumped on every save; stores refuse a save whose expected version is stale. */
  version: number;
  title: LocalizedText;
  impact: IncidentImpact;
  state: IncidentState;
  components: string[];
  /** Opened by the monitor after a long outage rather than by a person. */
  automatic: boolean;
  /**
   * Machine-written and not yet approved by a person: kept off every public face (page, APIs,
   * feeds, Statuspage JSON, webhooks) until an operator approves it or posts an update on it.
   * The measured component states show the outage meanwhile, so nothing real is hidden.
   */
  draft: boolean;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  resolvedAt: number | null;
  /** Oldest first. */
  updates: IncidentUpdate[];
}

/** Whether the public may see an incident: every one except an automatic draft nobody has approved yet. */
export function isPublicIncident(incident: Pick<Incident, 'draft'>): boolean {
  return !incident.draft;
}
