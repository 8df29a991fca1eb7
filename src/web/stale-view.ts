import type { Config } from '../config/schema.ts';
import type { ComponentState } from '../domain/types.ts';
import { isPastStale, loginMatrix, overallStatus } from '../engine/index.ts';
import type { ComponentView, StatusView } from './status-view.ts';

/** Statuses that do not come from probing, so old probe data does not make them untrue. */
const KEPT_REASONS = new Set(['maintenance', 'override', 'monitor_offline', 'no_data', 'outage_notice']);

/** Ids of the components whose data is past the stale limit at `now`, as one comparable key. */
export function staleKey(view: StatusView, now: number, limits: Map<string, number>): string {
  return view.components
    .filter((c) => isStale(c, now, limits))
    .map((c) => c.id)
    .join(',');
}

/**
 * The view as it may be shown at `now` (pure): a component whose newest check is older than the
 * engine's stale limit is presented `unknown` with reason `stale`, and the headline and login
 * paths follow, whatever the store last said. This is what keeps a Redis outage (or a stopped
 * scheduler) from leaving the page saying everything works.
 */
export function presentStaleness(view: StatusView, now: number, limits: Map<string, number>, config: Pick<Config, 'loginMethods'>): StatusView {
  const components = view.components.map((c): ComponentView => {
    if (!isStale(c, now, limits)) return c;
    const becameStale = Date.parse(c.lastCheckedAt!) + limits.get(c.id)!;
    return { ...c, status: 'unknown', reason: 'stale', since: new Date(becameStale).toISOString(), rootCause: null };
  });
  const states = new Map(components.map((c): [string, ComponentState] => [c.id, asState(c)]));
  const stale = components.some((c, i) => c !== view.components[i]);
  return {
    ...view,
    overall: overallStatus([...states.values()], view.monitor.blind),
    monitor: { ...view.monitor, stale },
    components,
    loginMethods: stale ? loginMatrix(config.loginMethods, states) : view.loginMethods,
  };
}

function isStale(c: ComponentView, now: number, limits: Map<string, number>): boolean {
  if (KEPT_REASONS.has(c.reason) || c.lastCheckedAt === null) return false;
  return isPastStale(Date.parse(c.lastCheckedAt), limits.get(c.id), now);
}

function asState(c: ComponentView): ComponentState {
  return {
    id: c.id,
    status: c.status,
    since: c.since === null ? 0 : Date.parse(c.since),
    lastCheckedAt: c.lastCheckedAt === null ? null : Date.parse(c.lastCheckedAt),
    reason: c.reason as ComponentState['reason'],
    rootCause: c.rootCause,
  };
}
