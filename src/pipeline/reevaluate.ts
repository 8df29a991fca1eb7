import { evaluate, type Evaluation } from '../engine/index.ts';
import type { ComponentState } from '../domain/types.ts';
import type { PipelineDeps } from './context.ts';

/** Re-derives every component's state from the stored probe states, writes what changed and announces it. */
export async function reevaluate(deps: PipelineDeps): Promise<Evaluation> {
  const { config, store, clock } = deps;
  const [probeStates, previous] = await Promise.all([store.getProbeStates(), store.getComponentStates()]);
  const evaluation = evaluate({
    now: clock.now(),
    components: config.components,
    probes: config.probes,
    probeStates,
    previous,
    settings: config.engine,
  });
  const dirty = evaluation.components.filter((c) => differs(previous.get(c.id), c));
  if (dirty.length > 0) {
    await store.setComponentStates(dirty);
    await store.publishChanged();
  }
  return evaluation;
}

function differs(a: ComponentState | undefined, b: ComponentState): boolean {
  return (
    a === undefined ||
    a.status !== b.status ||
    a.reason !== b.reason ||
    a.rootCause !== b.rootCause ||
    a.since !== b.since ||
    a.lastCheckedAt !== b.lastCheckedAt
  );
}
