import { evaluate, overlaysAt, type Evaluation } from '../engine/index.ts';
import type { ComponentState, StatusTransition } from '../domain/types.ts';
import type { PipelineDeps } from './context.ts';

/**
 * Re-derives every component's state from the stored probe states and windows, writes
 * what changed (plus a history entry per status change) and announces it.
 */
export async function reevaluate(deps: PipelineDeps): Promise<Evaluation> {
  const { config, store, clock } = deps;
  const now = clock.now();
  const [probeStates, previous, windows] = await Promise.all([store.getProbeStates(), store.getComponentStates(), store.getWindows()]);
  const evaluation = evaluate({
    now,
    components: config.components,
    probes: config.probes,
    probeStates,
    previous,
    settings: config.engine,
    overlays: overlaysAt(windows, now),
  });
  const dirty = evaluation.components.filter((c) => differs(previous.get(c.id), c));
  const transitions: StatusTransition[] = dirty
    .filter((c) => previous.get(c.id)?.status !== c.status || previous.get(c.id)?.reason !== c.reason)
    .map((c) => ({ component: c.id, at: now, status: c.status, reason: c.reason, rootCause: c.rootCause }));
  if (dirty.length > 0) {
    await store.setComponentStates(dirty);
    if (transitions.length > 0) await store.addTransitions(transitions, config.store.uptimeDays);
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
