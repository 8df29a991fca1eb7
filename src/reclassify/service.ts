import type { Actor } from '../domain/actor.ts';
import { idFactory, type OperatorDeps } from '../admin/context.ts';
import { fieldFailure } from '../admin/validation.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../domain/errors.ts';
import type { ReclassifyInput } from './input.ts';
import { planReclassification } from './plan.ts';
import type { Reclassification } from './types.ts';
import type { UptimeBucket } from '../domain/types.ts';

const DAY_MS = 86_400_000;
/** Long enough for one rewrite; released as soon as it is done. */
const LOCK_MS = 30_000;

/** Every recorded reclassification, newest period first. */
export async function listReclassifications(deps: Pick<OperatorDeps, 'stores'>): Promise<Reclassification[]> {
  return (await deps.stores.operator.getReclassifications()).sort((a, b) => b.from - a.from);
}

/**
 * Re-books the outage time of a past period as maintenance: rewrites the history entries and
 * moves the same seconds between the daily uptime buckets, so every reader (page, metrics, triage)
 * sees consistent figures without knowing about reclassification. Repeating it moves nothing more,
 * since the rewritten history shows no outage left. One rewrite per component at a time, across replicas.
 */
export async function reclassify(deps: OperatorDeps, actor: Actor, input: ReclassifyInput): Promise<Reclassification> {
  const { stores, config, clock } = deps;
  const now = clock.now();
  checkPeriod(deps, input);
  const lock = `reclassify:${input.component}`;
  if (!(await stores.coordination.acquireLease(lock, LOCK_MS))) throw new AppError('CONFLICT', `a reclassification of ${input.component} is running`);
  try {
    const history = await stores.history.getTransitions(input.component, input.from, input.to);
    const plan = planReclassification(input.component, history, input.from, input.to);
    await stores.history.addTransitions(plan.transitions, config.store.uptimeDays);
    let moved = 0;
    for (const [day, seconds] of plan.seconds) moved += await stores.history.moveUptime(input.component, day, 'outage', 'maintenance', seconds);
    const record: Reclassification = {
      id: idFactory(deps)(),
      ...input,
      createdBy: actor.name,
      createdAt: now,
      movedSeconds: moved,
      transitionsWritten: plan.transitions.length,
    };
    await stores.operator.addReclassification(record);
    const before = history.filter((t) => plan.transitions.some((p) => p.at === t.at));
    await recordAudit(deps, actor, 'reclassify.create', { kind: 'reclassification', id: record.id }, { transitions: before }, { ...record, transitions: plan.transitions });
    await stores.coordination.publishChanged();
    return record;
  } finally {
    await stores.coordination.releaseLease(lock);
  }
}

/** The period must be in the past and inside the kept history; throws VALIDATION_FAILED naming the field. */
function checkPeriod(deps: Pick<OperatorDeps, 'config' | 'clock'>, input: Pick<ReclassifyInput, 'from' | 'to'>): void {
  const now = deps.clock.now();
  const days = deps.config.store.uptimeDays;
  if (input.to <= input.from) throw fieldFailure('to', 'Koniec musi być po początku.', 'The end must be after the start.');
  if (input.to > now) throw fieldFailure('to', 'Można zmienić tylko przeszłość: koniec nie może być w przyszłości.', 'Only the past can be reclassified: the end must not be in the future.');
  if (input.from < now - days * DAY_MS) {
    throw fieldFailure('from', `Początek jest starszy niż przechowywana historia (${days} dni).`, `The start is older than the kept history (${days} days).`);
  }
}

/** One day's buckets before and after a reclassification would move its outage seconds. */
export interface ReclassifyPreviewDay {
  day: string;
  before: UptimeBucket;
  after: UptimeBucket;
}

/** What a reclassification would change, without changing anything (the console's before/after preview). */
export async function previewReclassification(deps: OperatorDeps, input: ReclassifyInput): Promise<{ days: ReclassifyPreviewDay[]; transitions: number }> {
  checkPeriod(deps, input);
  const history = await deps.stores.history.getTransitions(input.component, input.from, input.to);
  const plan = planReclassification(input.component, history, input.from, input.to);
  const days: ReclassifyPreviewDay[] = [];
  for (const [day, seconds] of plan.seconds) {
    const [bucket] = await deps.stores.history.getUptime(input.component, day, day);
    const before = bucket ?? { day, seconds: { operational: 0, degraded: 0, partial: 0, unverified: 0, maintenance: 0, outage: 0, unknown: 0 } };
    // The store never moves more than the bucket holds; the preview follows the same rule.
    const moved = Math.min(seconds, before.seconds.outage);
    days.push({ day, before, after: { day, seconds: { ...before.seconds, outage: before.seconds.outage - moved, maintenance: before.seconds.maintenance + moved } } });
  }
  return { days, transitions: plan.transitions.length };
}
