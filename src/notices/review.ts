/**
 * Operators' review of suggestions: notices parsed with a confidence below the threshold are
 * stored as `pending` windows, which change no status. Confirming one announces it; rejecting
 * one cancels it (and reconcile keeps it cancelled). Both are audited.
 */
import type { Actor } from '../admin/actor.ts';
import type { OperatorDeps } from '../admin/context.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../domain/errors.ts';
import type { MaintenanceWindow } from '../domain/types.ts';

/** Every pending suggestion, soonest start first. */
export async function listPending(deps: Pick<OperatorDeps, 'stores'>): Promise<MaintenanceWindow[]> {
  return (await deps.stores.windows.getWindows()).filter((w) => w.state === 'pending').sort((a, b) => a.start - b.start);
}

/** Confirms a suggestion: it becomes an announced window and acts on status. */
export async function confirmNotice(deps: OperatorDeps, actor: Actor, id: string): Promise<MaintenanceWindow> {
  return decide(deps, actor, id, 'confirmed');
}

/** Rejects a suggestion: it is cancelled and stays so when its source is read again. */
export async function rejectNotice(deps: OperatorDeps, actor: Actor, id: string): Promise<MaintenanceWindow> {
  return decide(deps, actor, id, 'rejected');
}

async function decide(deps: OperatorDeps, actor: Actor, id: string, decision: 'confirmed' | 'rejected'): Promise<MaintenanceWindow> {
  const before = (await deps.stores.windows.getWindows()).find((w) => w.id === id);
  if (!before) throw new AppError('NOT_FOUND', `notice window ${id}`);
  if (before.state !== 'pending') throw new AppError('NOT_EDITABLE', `notice window ${id} is ${before.state}, not pending`);
  const now = deps.clock.now();
  const after: MaintenanceWindow = {
    ...before,
    state: decision === 'confirmed' ? 'announced' : 'cancelled',
    review: { decision, by: actor.name, at: now },
    updatedAt: now,
  };
  await deps.stores.windows.putWindows([after]);
  await recordAudit(deps, actor, decision === 'confirmed' ? 'notice.confirm' : 'notice.reject', { kind: 'maintenance', id }, before, after);
  await deps.reevaluate?.();
  await deps.stores.coordination.publishChanged();
  return after;
}
