import type { Actor } from '../domain/actor.ts';
import { idFactory, type OperatorDeps } from '../admin/context.ts';
import { recordAudit } from '../audit/record.ts';
import type { AuditAction } from '../audit/types.ts';
import { AppError } from '../domain/errors.ts';
import { incidentChanged } from '../domain/event-builders.ts';
import { approveIncident, editIncident, openIncident, postUpdate, type IncidentPatch, type NewIncident } from './lifecycle.ts';
import { isPublicIncident, type Incident, type IncidentState, type LocalizedText } from './types.ts';

/** Saves retried after a version conflict before giving up with CONFLICT. */
const SAVE_ATTEMPTS = 3;

/** What a resolution says when the operator gives no text. */
export const DEFAULT_RESOLUTION: LocalizedText = { pl: 'Problem został rozwiązany.', en: 'The problem has been resolved.' };

/** Every incident, open ones first, then newest first. */
export async function listIncidents(deps: Pick<OperatorDeps, 'stores'>): Promise<Incident[]> {
  const all = await deps.stores.operator.getIncidents();
  return all.sort((a, b) => Number(b.state !== 'resolved') - Number(a.state !== 'resolved') || b.createdAt - a.createdAt);
}

/** One incident; NOT_FOUND when there is none. */
export async function findIncident(deps: Pick<OperatorDeps, 'stores'>, id: string): Promise<Incident> {
  const found = await deps.stores.operator.getIncident(id);
  if (!found) throw new AppError('NOT_FOUND', `incident ${id}`);
  return found;
}

/** Opens an incident (a person's unless `automatic`), audits it and tells webhooks and every replica. */
export async function createIncident(deps: OperatorDeps, actor: Actor, input: NewIncident, opts: { id?: string; automatic?: boolean } = {}): Promise<Incident | null> {
  const newId = idFactory(deps);
  const incident = openIncident(opts.id ?? newId(), input, { updateId: newId(), by: actor.name, at: deps.clock.now() }, opts.automatic);
  // A fixed id (automatic incidents) may already exist: another replica opened it first.
  if (!(await deps.stores.operator.saveIncident(incident, 0))) return null;
  await announce(deps, actor, 'incident.create', null, incident);
  return incident;
}

/** Posts a timestamped update in a state the machine allows. */
export function postIncidentUpdate(deps: OperatorDeps, actor: Actor, id: string, update: { state: IncidentState; body: LocalizedText }): Promise<Incident> {
  const action = update.state === 'resolved' ? 'incident.resolve' : 'incident.update';
  return mutate(deps, actor, id, action, (i, meta) => postUpdate(i, update, meta, actor.role !== 'system'));
}

/** Resolves an incident with an optional closing text. */
export function resolveIncident(deps: OperatorDeps, actor: Actor, id: string, body: LocalizedText = DEFAULT_RESOLUTION): Promise<Incident> {
  return postIncidentUpdate(deps, actor, id, { state: 'resolved', body });
}

/** Edits title, impact or components (any incident, automatic and resolved ones included); a draft stays a draft. */
export function editIncidentDetails(deps: OperatorDeps, actor: Actor, id: string, patch: IncidentPatch): Promise<Incident> {
  return mutate(deps, actor, id, 'incident.edit', (i, meta) => editIncident(i, patch, meta.at));
}

/** Publishes an automatic draft; NOT_EDITABLE when it is public already. */
export function approveDraft(deps: OperatorDeps, actor: Actor, id: string): Promise<Incident> {
  return mutate(deps, actor, id, 'incident.approve', (i, meta) => approveIncident(i, meta.at));
}

/** Load, change, save-if-unchanged; re-reads and re-applies when another replica saved in between. */
async function mutate(
  deps: OperatorDeps,
  actor: Actor,
  id: string,
  action: AuditAction,
  change: (incident: Incident, meta: { updateId: string; by: string; at: number }) => Incident,
): Promise<Incident> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const before = await findIncident(deps, id);
    const after = change(before, { updateId: idFactory(deps)(), by: actor.name, at: deps.clock.now() });
    if (await deps.stores.operator.saveIncident(after, before.version)) {
      await announce(deps, actor, action, before, after);
      return after;
    }
  }
  throw new AppError('CONFLICT', `incident ${id} kept changing`);
}

/**
 * Audits a change and tells every replica. Webhooks hear only what the public may see: nothing
 * while an incident is a draft, and `incident.created` when a draft is first published.
 */
async function announce(deps: OperatorDeps, actor: Actor, action: AuditAction, before: Incident | null, after: Incident): Promise<void> {
  await recordAudit(deps, actor, action, { kind: 'incident', id: after.id }, before, after);
  if (isPublicIncident(after)) {
    const at = deps.clock.now();
    const firstShown = before !== null && !isPublicIncident(before);
    deps.events?.emit(firstShown ? { id: `incident:${after.id}:v${after.version}`, type: 'incident.created', at, data: { incident: after } } : incidentChanged(after, at));
  }
  await deps.stores.coordination.publishChanged();
}
