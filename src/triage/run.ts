import type { Config } from '../config/schema.ts';
import { worldAt, type WorldSources } from './history.ts';
import { parseTriageInput } from './input-schema.ts';
import { triage } from './triage.ts';
import type { TriageResult } from './types.ts';

/** What a triage request reads: config, history store and the live read model. */
export interface TriageDeps extends WorldSources {
  config: Config;
  now: () => number;
}

/** The use case behind both faces (API and form): validate, fetch the world at the time, triage. */
export async function runTriage(deps: TriageDeps, body: unknown): Promise<TriageResult> {
  const now = deps.now();
  const input = parseTriageInput(body, deps.config, now);
  const world = await worldAt(deps, input.occurredAt, now);
  return triage(input, world, deps.config);
}
