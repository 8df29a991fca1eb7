import type { ProbeConfig } from '../config/schema.ts';

/**
 * Per component, how long its newest check stays fresh: the engine's stale rule
 * (`staleAfterIntervals` × interval) over the component's slowest probe. Components without
 * probes of their own have no limit (they are not listed).
 */
export function staleLimits(probes: Pick<ProbeConfig, 'component' | 'interval'>[], staleAfterIntervals: number): Map<string, number> {
  const limits = new Map<string, number>();
  for (const p of probes) {
    if (!p.component) continue;
    limits.set(p.component, Math.max(limits.get(p.component) ?? 0, staleAfterIntervals * p.interval));
  }
  return limits;
}

/** Whether data checked at `lastCheckedAt` is past its limit at `now` (never for unchecked data or no limit). */
export function isPastStale(lastCheckedAt: number | null, limitMs: number | undefined, now: number): boolean {
  return lastCheckedAt !== null && limitMs !== undefined && now - lastCheckedAt > limitMs;
}
