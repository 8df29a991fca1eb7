import { evaluate, maintenanceEnds, overlaysAt, type DependencyIndex, type Evaluation } from '../engine/index.ts';
import type { ComponentState, StatusTransition } from '../domain/types.ts';
import { withOverrides } from '../overrides/overrides.ts';
import { componentChanged } from '../domain/event-builders.ts';
import type { PipelineDeps } from './context.ts';

/**
 * Re-derives components' states from the stored probe states, windows and overrides, writes what
 * changed (plus a history entry per status change) and announces it. With `only` (and the config's
 * dependency index) just those components are evaluated, reading only the states they need: a
 * probe result then costs the same whether the monitor has ten probes or five thousand.
 */
export async function reevaluate(deps: PipelineDeps, only?: { components: ReadonlySet<string>; index: DependencyIndex }): Promise<Evaluation> {
  const { config, stores, clock } = deps;
  const now = clock.now();
  const inputs = only?.index.inputsOf(only.components);
  const [probeStates, previous, windows, overrides] = await Promise.all([
    inputs ? stores.results.getProbeStatesOf(inputs.probes.map((p) => p.id)) : stores.results.getProbeStates(),
    inputs ? stores.results.getComponentStatesOf(inputs.components) : stores.results.getComponentStates(),
    stores.windows.getWindows(),
    stores.operator.getOverrides(),
  ]);
  const evaluation = evaluate({
    now,
    components: config.components,
    probes: inputs?.probes ?? config.probes,
    probeStates,
    previous,
    settings: config.engine,
    overlays: { ...withOverrides(overlaysAt(windows, now), overrides, now), maintenanceEnded: maintenanceEnds(windows, overrides, now) },
    ...(only ? { only: only.components, graph: only.index.graph } : {}),
  });
  deps.observer?.componentsEvaluated?.(evaluation.components.length);
  const dirty = evaluation.components.filter((c) => differs(previous.get(c.id), c));
  const transitions: StatusTransition[] = dirty
    .filter((c) => previous.get(c.id)?.status !== c.status || previous.get(c.id)?.reason !== c.reason)
    .map((c) => ({ component: c.id, at: now, status: c.status, reason: c.reason, rootCause: c.rootCause }));
  if (dirty.length > 0) {
    await Promise.all([
      stores.results.setComponentStates(dirty),
      transitions.length > 0 ? stores.history.addTransitions(transitions, config.store.uptimeDays) : undefined,
    ]);
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

