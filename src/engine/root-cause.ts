import type { ComponentStatus } from '../domain/types.ts';

/** Statuses that make a component the cause of its dependents' trouble. */
export function isFailing(status: ComponentStatus | undefined): boolean {
  return status === 'outage' || status === 'maintenance';
}

/**
 * The deepest failing (outage or maintenance) component reachable through `dependsOn` from `id`,
 * or null when every dependency is fine. Healthy intermediate components do not stop the walk.
 */
export function findRootCause(id: string, statuses: Map<string, ComponentStatus>, deps: ReadonlyMap<string, string[]>): string | null {
  const visited = new Set<string>([id]);
  // Depth-first: returns the deepest failing node below `from`, or null.
  const walk = (from: string): string | null => {
    for (const dep of deps.get(from) ?? []) {
      if (visited.has(dep)) continue;
      visited.add(dep);
      const deeper = walk(dep);
      if (deeper !== null) return deeper;
      if (isFailing(statuses.get(dep))) return dep;
    }
    return null;
  };
  return walk(id);
}
