import type { Actor } from '../domain/actor.ts';
import { idFactory, type OperatorDeps } from '../admin/context.ts';
import { fieldFailure } from '../admin/validation.ts';
import { recordAudit } from '../audit/record.ts';
import type { AuditAction } from '../audit/types.ts';
import { AppError } from '../domain/errors.ts';
import type { MaintenanceWindow } from '../domain/types.ts';
import { isActive } from '../domain/windows.ts';
import { maintenanceEdge } from '../domain/event-builders.ts';
import type { ManualWindowPatch, NewManualWindow } from './input.ts';

/** The `source` of windows posted by operators (parsed notices carry their probe id). */
export const MANUAL_SOURCE = 'manual';
/** The longest manual window. */
const MAX_WINDOW_MS = 31 * 86_400_000;

/** Every kept window (manual and parsed), newest start first. */
export async function listWindows(deps: Pick<OperatorDeps, 'stores'>): Promise<MaintenanceWindow[]> {
  return (await deps.stores.windows.getWindows()).sort((a, b) => b.start - a.start);
}

/** Announces a manual maintenance window, in the same model and store as parsed notices. */
export async function createWindow(deps: OperatorDeps, actor: Actor, input: NewManualWindow): Promise<MaintenanceWindow> {
  const now = deps.clock.now();
  checkTimes(input.start, input.end, now);
  const id = `manual-${idFactory(deps)()}`;
  const window: MaintenanceWindow = {
    id,
    source: MANUAL_SOURCE,
    noticeKey: id,
    kind: 'maintenance',
    components: [...new Set(input.components)],
    start: input.start,
    end: input.end,
    title: input.title,
    text: input.text,
    link: input.link,
    publishedAt: now,
    firstSeenAt: now,
    lastSeenAt: now,
    updatedAt: now,
    state: 'announced',
  };
  await save(deps, actor, 'maintenance.create', null, window);
  return window;
}

/** Changes a manual window that is still announced; parsed notices are edited at their source. */
export async function editWindow(deps: OperatorDeps, actor: Actor, id: string, patch: ManualWindowPatch): Promise<MaintenanceWindow> {
  const before = await findWindow(deps, id);
  if (before.source !== MANUAL_SOURCE || before.state !== 'announced') throw new AppError('NOT_EDITABLE', `window ${id} is ${before.source}/${before.state}`);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<MaintenanceWindow>;
  const after: MaintenanceWindow = { ...before, ...defined, updatedAt: deps.clock.now(), lastSeenAt: deps.clock.now() };
  if (patch.components) after.components = [...new Set(patch.components)];
  checkTimes(after.start, after.end ?? after.start, deps.clock.now());
  await save(deps, actor, 'maintenance.edit', before, after);
  return after;
}

/** Cancels any announced window (a cancelled notice window stays cancelled when its source is read again). */
export async function cancelWindow(deps: OperatorDeps, actor: Actor, id: string): Promise<MaintenanceWindow> {
  const before = await findWindow(deps, id);
  if (before.state !== 'announced') throw new AppError('NOT_EDITABLE', `window ${id} is ${before.state}`);
  const now = deps.clock.now();
  const after: MaintenanceWindow = { ...before, state: 'cancelled', updatedAt: now };
  await save(deps, actor, 'maintenance.cancel', before, after);
  if (isActive(before, now)) deps.events?.emit(maintenanceEdge('maintenance.ended', after, now, `cancelled:${now}`));
  return after;
}

async function findWindow(deps: Pick<OperatorDeps, 'stores'>, id: string): Promise<MaintenanceWindow> {
  const found = (await deps.stores.windows.getWindows()).find((w) => w.id === id);
  if (!found) throw new AppError('NOT_FOUND', `window ${id}`);
  return found;
}

function checkTimes(start: number, end: number, now: number): void {
  if (end <= start) throw fieldFailure('end', 'Koniec musi być po początku.', 'The end must be after the start.');
  if (end <= now) throw fieldFailure('end', 'Ta przerwa już się skończyła.', 'This window is already over.');
  if (end - start > MAX_WINDOW_MS) throw fieldFailure('end', 'Przerwa może trwać najwyżej 31 dni.', 'A window may last at most 31 days.');
}

async function save(deps: OperatorDeps, actor: Actor, action: AuditAction, before: MaintenanceWindow | null, after: MaintenanceWindow): Promise<void> {
  await deps.stores.windows.putWindows([after]);
  await recordAudit(deps, actor, action, { kind: 'maintenance', id: after.id }, before, after);
  await deps.reevaluate?.();
  await deps.stores.coordination.publishChanged();
}
