import type { Overlays } from '../engine/evaluate.ts';
import type { Override } from './types.ts';

/** The longest an override may last: a forced status must not outlive the reason for it. */
export const MAX_OVERRIDE_MS = 7 * 86_400_000;

/** Whether an override applies at `now` (created, not yet expired). */
export function isInForce(o: Override, now: number): boolean {
  return o.createdAt <= now && now < o.expiresAt;
}

/** The overrides in force at `now`, by component (pure). */
export function activeOverrides(overrides: Override[], now: number): Map<string, { status: Override['status']; reason: string }> {
  const out = new Map<string, { status: Override['status']; reason: string }>();
  for (const o of overrides) if (isInForce(o, now)) out.set(o.component, { status: o.status, reason: o.reason });
  return out;
}

/** `overlays` with the overrides in force at `now` added (they outrank every other overlay in the engine). */
export function withOverrides(overlays: Overlays, overrides: Override[], now: number): Overlays {
  return { ...overlays, overrides: activeOverrides(overrides, now) };
}
