import { COMPONENT_STATUSES, type ComponentState, type ComponentStatus } from '../domain/types.ts';

// Headline severity; unknown ranks below degraded so one unprobed component does not hide real trouble.
const OVERALL_RANK: Record<ComponentStatus, number> = { operational: 0, unknown: 1, degraded: 2, maintenance: 3, outage: 4 };

/** The headline status over all components (unknown while the monitor is blind) and a count per status. */
export function overallStatus(
  components: ComponentState[],
  blind: boolean,
): { status: ComponentStatus; counts: Record<ComponentStatus, number> } {
  const counts = Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as Record<ComponentStatus, number>;
  let worst: ComponentStatus = 'operational';
  for (const c of components) {
    counts[c.status] += 1;
    if (OVERALL_RANK[c.status] > OVERALL_RANK[worst]) worst = c.status;
  }
  return { status: blind ? 'unknown' : worst, counts };
}
