import type { Actor } from '../domain/actor.ts';
import { idFactory, type OperatorDeps } from '../admin/context.ts';
import type { AuditAction, AuditEntry } from './types.ts';

/** Appends one audit row (values are stored as given: callers pass domain objects, which never hold tokens). */
export async function recordAudit(
  deps: Pick<OperatorDeps, 'config' | 'stores' | 'clock' | 'newId'>,
  actor: Actor,
  action: AuditAction,
  target: AuditEntry['target'],
  before: unknown,
  after: unknown,
): Promise<AuditEntry> {
  const entry: AuditEntry = {
    id: idFactory(deps)(),
    at: deps.clock.now(),
    actor: actor.name,
    role: actor.role,
    action,
    target,
    before: before ?? null,
    after: after ?? null,
  };
  await deps.stores.operator.appendAudit(entry, deps.config.admin.auditKeep);
  return entry;
}
