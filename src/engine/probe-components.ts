import type { ProbeConfig } from '../config/schema.ts';

/** The components a probe's result speaks about: its own and, for a journey, every hop's. */
export function reportedComponents(p: ProbeConfig): string[] {
  const out = new Set<string>();
  if (p.component !== undefined) out.add(p.component);
  if (p.kind === 'journey') {
    for (const s of p.journey.steps) {
      if (s.component !== undefined) out.add(s.component);
      for (const v of s.via ?? []) out.add(v.component);
    }
  }
  return [...out];
}
