import type { Actor } from '../domain/actor.ts';
import type { OperatorDeps } from '../admin/context.ts';
import { fieldFailure } from '../admin/validation.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../domain/errors.ts';
import type { OverrideInput } from './input.ts';
import { isInForce, MAX_OVERRIDE_MS } from './overrides.ts';
import type { Override } from './types.ts';

/** Overrides in force now, soonest expiry first (expired ones are pruned on the way). */
export async function listOverrides(deps: Pick<OperatorDeps, 'stores' | 'clock'>): Promise<Override[]> {
  const now = deps.clock.now();
  await deps.stores.operator.pruneOverrides(now);
  return (await deps.stores.operator.getOverrides()).filter((o) => isInForce(o, now)).sort((a, b) => a.expiresAt - b.expiresAt);
}

/** Forces a component's status until the override expires, replacing an earlier one; applied at once. */
export async function setOverride(deps: OperatorDeps, actor: Actor, input: OverrideInput): Promise<Override> {
  const now = deps.clock.now();
  const expiresAt = input.until ?? now + (input.for ?? 0);
  const field = input.until !== undefined ? 'until' : 'for';
  if (expiresAt <= now) throw fieldFailure(field, 'Koniec musi być w przyszłości.', 'The end must be in the future.');
  if (expiresAt - now > MAX_OVERRIDE_MS) throw fieldFailure(field, 'Nadpisanie może trwać najwyżej 7 dni.', 'An override may last at most 7 days.');
  const before = (await deps.stores.operator.getOverrides()).find((o) => o.component === input.component && isInForce(o, now)) ?? null;
  const override: Override = { component: input.component, status: input.status, reason: input.reason, createdBy: actor.name, createdAt: now, expiresAt };
  await deps.stores.operator.putOverride(override);
  await recordAudit(deps, actor, 'override.create', { kind: 'override', id: override.component }, before, override);
  await applied(deps);
  return override;
}

/** Lifts a component's override early; NOT_FOUND when none is in force. */
export async function clearOverride(deps: OperatorDeps, actor: Actor, component: string): Promise<Override> {
  const before = (await deps.stores.operator.getOverrides()).find((o) => o.component === component && isInForce(o, deps.clock.now()));
  if (!before || !(await deps.stores.operator.deleteOverride(component))) throw new AppError('NOT_FOUND', `override of ${component}`);
  await recordAudit(deps, actor, 'override.delete', { kind: 'override', id: component }, before, null);
  await applied(deps);
  return before;
}

async function applied(deps: OperatorDeps): Promise<void> {
  await deps.reevaluate?.();
  await deps.stores.coordination.publishChanged();
}
