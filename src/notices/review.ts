/**
 * Operators' review of suggestions: notices parsed with a confidence below the threshold are
 * stored as `pending` windows, which change no status. Confirming one announces it, as read or
 * with the operator's corrections of kind, times and services; rejecting one (or confirming it as
 * announcing nothing) cancels it, and reconcile keeps it so. Every decision is audited with the
 * window before and after.
 */
import type { Actor } from '../domain/actor.ts';
import type { OperatorDeps } from '../admin/context.ts';
import { fieldFailure } from '../admin/validation.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../domain/errors.ts';
import type { MaintenanceWindow, NoticeCorrection } from '../domain/types.ts';
import type { NoticeReviewInput } from './review-input.ts';

/** Every pending suggestion, soonest start first. */
export async function listPending(deps: Pick<OperatorDeps, 'stores'>): Promise<MaintenanceWindow[]> {
  return (await deps.stores.windows.getWindows()).filter((w) => w.state === 'pending').sort((a, b) => a.start - b.start);
}

/** One notice window (pending or already decided); NOT_FOUND when there is none. */
export async function findNotice(deps: Pick<OperatorDeps, 'stores'>, id: string): Promise<MaintenanceWindow> {
  const found = (await deps.stores.windows.getWindows()).find((w) => w.id === id);
  if (!found) throw new AppError('NOT_FOUND', `notice window ${id}`);
  return found;
}

/**
 * Confirms a suggestion. Fields given in `input` replace the parser's reading; a kind of
 * `resolved` or `none` means the notice announces no window, so it is cancelled like a rejection.
 */
export async function confirmNotice(deps: OperatorDeps, actor: Actor, id: string, input: NoticeReviewInput = {}): Promise<MaintenanceWindow> {
  const before = await pendingNotice(deps, id);
  const reading = corrected(before, input);
  const changed = !sameReading(reading, before);
  const announces = reading.kind === 'maintenance' || reading.kind === 'outage';
  if (announces && reading.end !== null && reading.end <= reading.start) throw fieldFailure('end', 'Koniec musi być po początku.', 'The end must be after the start.');
  const now = deps.clock.now();
  const review: MaintenanceWindow['review'] = { decision: announces ? 'confirmed' : 'rejected', by: actor.name, at: now, ...(changed ? { corrected: reading } : {}) };
  const after: MaintenanceWindow = announces
    ? { ...before, kind: reading.kind as MaintenanceWindow['kind'], components: reading.components, start: reading.start, end: reading.end, state: 'announced', review, updatedAt: now }
    : { ...before, state: 'cancelled', review, updatedAt: now };
  return save(deps, actor, announces ? 'notice.confirm' : 'notice.reject', before, after);
}

/** Rejects a suggestion: it is cancelled and stays so when its source is read again. */
export async function rejectNotice(deps: OperatorDeps, actor: Actor, id: string): Promise<MaintenanceWindow> {
  const before = await pendingNotice(deps, id);
  const now = deps.clock.now();
  return save(deps, actor, 'notice.reject', before, { ...before, state: 'cancelled', review: { decision: 'rejected', by: actor.name, at: now }, updatedAt: now });
}

async function pendingNotice(deps: Pick<OperatorDeps, 'stores'>, id: string): Promise<MaintenanceWindow> {
  const found = await findNotice(deps, id);
  if (found.state !== 'pending') throw new AppError('NOT_EDITABLE', `notice window ${id} is ${found.state}, not pending`);
  return found;
}

/** The parser's reading with the operator's fields laid over it. */
function corrected(w: MaintenanceWindow, input: NoticeReviewInput): NoticeCorrection {
  return {
    kind: input.kind ?? w.kind,
    components: input.components ? [...new Set(input.components)] : w.components,
    start: input.start ?? w.start,
    end: input.end !== undefined ? input.end : w.end,
  };
}

function sameReading(r: NoticeCorrection, w: MaintenanceWindow): boolean {
  return r.kind === w.kind && r.start === w.start && r.end === w.end && r.components.join() === w.components.join();
}

async function save(deps: OperatorDeps, actor: Actor, action: 'notice.confirm' | 'notice.reject', before: MaintenanceWindow, after: MaintenanceWindow): Promise<MaintenanceWindow> {
  await deps.stores.windows.putWindows([after]);
  await recordAudit(deps, actor, action, { kind: 'maintenance', id: after.id }, before, after);
  await deps.reevaluate?.();
  await deps.stores.coordination.publishChanged();
  return after;
}
