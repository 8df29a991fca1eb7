import { evaluate, overlaysAt, type Evaluation } from '../engine/index.ts';
import type { ComponentState, StatusTransition } from '../domain/types.ts';
import { withOverrides } from '../overrides/overrides.ts';
import { componentChanged } from '../webhooks/events.ts';
import type { PipelineDeps } from './context.ts';

/**
 * Re-derives every component's state from the stored probe states, windows and overrides, writes
 * what changed (plus a history entry per status change) and announces it.
 */
export async function reevaluate(deps: PipelineDeps): Promise<Evaluation> {
  const { config, stores, clock } = deps;
  const now = clock.now();
  const [probeStates, previous, windows, overrides] = await Promise.all([
    stores.results.getProbeStates(),
    stores.results.getComponentStates(),
    stores.windows.getWindows(),
    stores.operator.getOverrides(),
  ]);
  const evaluation = evaluate({
    now,
    components: config.components,
    probes: config.probes,
    probeStates,
    previous,
    settings: config.engine,
    overlays: withOverrides(overlaysAt(windows, now), overrides, now),
  });
  const dirty = evaluation.components.filter((c) => differs(previous.get(c.id), c));
  const transitions: StatusTransition[] = dirty
    .filter((c) => previous.get(c.id)?.status !== c.status || previous.get(c.id)?.reason !== c.reason)
    .map((c) => ({ component: c.id, at: now, status: c.status, reason: c.reason, rootCause: c.rootCause }));
  if (dirty.length > 0) {
    await stores.results.setComponentStates(dirty);
    if (transitions.length > 0) await stores.history.addTransitions(transitions, config.store.uptimeDays);
    await stores.coordination.publishChanged();
  }
  // Webhooks hear of status changes only (not of reason changes), and not of a component's first evaluation.
  for (const c of dirty) {
    const prev = previous.get(c.id);
    if (prev && prev.status !== c.status) deps.events?.emit(componentChanged(prev, c, now));
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
    a.lastCheckedAt !== b.lastCheckedAt ||
    a.journeyStep?.probe !== b.journeyStep?.probe ||
    a.journeyStep?.step !== b.journeyStep?.step
  );
}
