import { AppError } from '../domain/errors.ts';
import type { Incident, IncidentImpact, IncidentState, LocalizedText } from './types.ts';

/**
 * The incident state machine: states move forward (skipping is fine), an open incident may
 * post another update in the same state, `monitoring` may fall back to `identified` when a fix
 * does not hold, and `resolved` is final.
 */
export const NEXT_STATES: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  investigating: ['investigating', 'identified', 'monitoring', 'resolved'],
  identified: ['identified', 'monitoring', 'resolved'],
  monitoring: ['monitoring', 'identified', 'resolved'],
  resolved: [],
};

/** Whether an incident in `from` may post an update in `to`. */
export function canMove(from: IncidentState, to: IncidentState): boolean {
  return NEXT_STATES[from].includes(to);
}

/** What opening an incident takes. */
export interface NewIncident {
  title: LocalizedText;
  body: LocalizedText;
  impact: IncidentImpact;
  components: string[];
  /** Starting state; `investigating` when omitted (an incident cannot open resolved). */
  state?: Exclude<IncidentState, 'resolved'>;
}

/** Identity and time of one change. */
export interface ChangeMeta {
  /** Id of the update the change posts (ignored by edits). */
  updateId: string;
  by: string;
  at: number;
}

/** A new incident with its first update (version 1). */
export function openIncident(id: string, input: NewIncident, meta: ChangeMeta, automatic = false): Incident {
  const state = input.state ?? 'investigating';
  return {
    id,
    version: 1,
    title: input.title,
    impact: input.impact,
    state,
    components: [...new Set(input.components)],
    automatic,
    draft: automatic,
    createdAt: meta.at,
    createdBy: meta.by,
    updatedAt: meta.at,
    resolvedAt: null,
    updates: [{ id: meta.updateId, at: meta.at, state, body: input.body, by: meta.by }],
  };
}

/**
 * Posts a timestamped update moving the incident to `state`; throws INVALID_TRANSITION when the
 * machine forbids it. A person's update publishes a draft (they are writing to patients); the
 * monitor's own updates leave a draft private, and so does a person resolving one: that is how a
 * false alarm is closed without ever telling the public about it.
 */
export function postUpdate(incident: Incident, update: { state: IncidentState; body: LocalizedText }, meta: ChangeMeta, human = true): Incident {
  if (!canMove(incident.state, update.state)) {
    throw new AppError('INVALID_TRANSITION', `cannot move from ${incident.state} to ${update.state}`, [
      {
        field: 'state',
        pl: `Ze stanu ${incident.state} nie można przejść do ${update.state}. Dozwolone: ${NEXT_STATES[incident.state].join(', ') || 'brak (incydent zamknięty)'}.`,
        en: `Cannot move from ${incident.state} to ${update.state}. Allowed: ${NEXT_STATES[incident.state].join(', ') || 'none (the incident is resolved)'}.`,
      },
    ]);
  }
  return {
    ...incident,
    version: incident.version + 1,
    state: update.state,
    draft: human && update.state !== 'resolved' ? false : incident.draft,
    updatedAt: meta.at,
    resolvedAt: update.state === 'resolved' ? meta.at : null,
    updates: [...incident.updates, { id: meta.updateId, at: meta.at, state: update.state, body: update.body, by: meta.by }],
  };
}

/** Fields a person may change on any incident, resolved ones included (typos happen). */
export interface IncidentPatch {
  title?: LocalizedText;
  impact?: IncidentImpact;
  components?: string[];
}

/**
 * Applies an edit. A draft stays a draft: an operator corrects the machine's title or components
 * first and approves (publishes) as a separate, deliberate step.
 */
export function editIncident(incident: Incident, patch: IncidentPatch, at: number): Incident {
  return {
    ...incident,
    version: incident.version + 1,
    ...(patch.title ? { title: patch.title } : {}),
    ...(patch.impact ? { impact: patch.impact } : {}),
    ...(patch.components ? { components: [...new Set(patch.components)] } : {}),
    updatedAt: at,
  };
}

/** Publishes an automatic draft as it stands; NOT_EDITABLE when it is public already. */
export function approveIncident(incident: Incident, at: number): Incident {
  if (!incident.draft) throw new AppError('NOT_EDITABLE', `incident ${incident.id} is not a draft`);
  return { ...incident, version: incident.version + 1, draft: false, updatedAt: at };
}
