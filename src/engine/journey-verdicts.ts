import type { JourneyProbeConfig } from '../config/journey-schema.ts';
import type { ProbeConfig } from '../config/schema.ts';
import type { ComponentReason, ComponentStatus, ProbeReason, ProbeState } from '../domain/types.ts';

/** What the journey probes say about one component. */
export interface JourneyVerdict {
  status: ComponentStatus;
  reason: ComponentReason;
  /** Set on a journey's own component when another component's hop stopped it. */
  rootCause: string | null;
  journeyStep?: { probe: string; step: string };
}

// Same order as the component headline: a failure outranks a pass, unknown (e.g. blocked) ranks lowest.
const RANK: Record<ComponentStatus, number> = { unknown: 0, operational: 1, degraded: 2, maintenance: 3, outage: 4 };

/** How a failed hop affects its component: only a real failure is an outage (DESIGN §6). */
function impactOf(reason: ProbeReason): ComponentStatus {
  switch (reason) {
    case 'maintenance_page':
      return 'maintenance';
    case 'blocked':
      // A WAF answered instead of the site: the monitor cannot see, the patients may well get through.
      return 'unknown';
    case 'page_changed':
      // The page answers but its markup drifted: worth a look, not proof that login is down.
      return 'degraded';
    default:
      return 'outage';
  }
}

function stepComponent(probe: JourneyProbeConfig, i: number): string {
  return probe.journey.steps[i]?.component ?? probe.component ?? '';
}

/** Components whose hops passed in a journey's latest verdict (all of them when it is up). */
function passedComponents(probe: JourneyProbeConfig, st: ProbeState): Set<string> {
  const failedAt = st.status !== 'down' ? -1 : st.failedStep ? probe.journey.steps.findIndex((s) => s.id === st.failedStep?.id) : 0;
  const upTo = failedAt >= 0 ? failedAt : probe.journey.steps.length;
  const passed = new Set<string>();
  for (let i = 0; i < upTo; i++) passed.add(stepComponent(probe, i));
  if (failedAt >= 0) passed.delete(st.failedStep?.component ?? '');
  return passed;
}

function put(out: Map<string, JourneyVerdict>, component: string, v: JourneyVerdict): void {
  const cur = out.get(component);
  if (cur === undefined || RANK[v.status] > RANK[cur.status]) out.set(component, v);
}

/**
 * Folds the journey probes' states into per-component verdicts. Each step is attributed to a
 * component, so a failure lands where it happened: at the chooser on login-gov, at the PZ form on
 * profil-zaufany, at a bank's login page on that bank. A hop that other journeys still pass (the
 * chooser still offers mojeID while PZ is missing) is only degraded, and then the journey's own
 * component takes the outage with that hop as its root cause: that turns exactly the affected
 * login methods red while the others stay green. "Still" means a pass taken since the failing
 * journey went down.
 */
export function journeyVerdicts(
  probes: readonly ProbeConfig[],
  states: ReadonlyMap<string, ProbeState>,
  isFresh: (probe: ProbeConfig, state: ProbeState | undefined) => state is ProbeState,
): Map<string, JourneyVerdict> {
  const journeys = probes.flatMap((p) => {
    const st = states.get(p.id);
    return p.kind === 'journey' && isFresh(p, st) && st.status !== 'unknown' ? [{ probe: p, st }] : [];
  });
  const passedBy = journeys.map(({ probe, st }) => ({ id: probe.id, passed: passedComponents(probe, st), at: st.lastCheckedAt ?? 0 }));
  const out = new Map<string, JourneyVerdict>();
  for (const { probe, st } of journeys) {
    for (const c of passedBy.find((x) => x.id === probe.id)?.passed ?? []) {
      put(out, c, { status: st.status === 'degraded' && c === probe.component ? 'degraded' : 'operational', reason: st.status === 'degraded' && c === probe.component ? (st.statusReason ?? 'slow') : 'ok', rootCause: null });
    }
    if (st.status !== 'down') continue;
    // A state without its failed step (e.g. written before journeys existed) blames the journey's own component.
    const { component: at, id: step } = st.failedStep ?? { component: probe.component ?? '', id: probe.journey.steps[0]?.id ?? '' };
    const reason = st.statusReason ?? st.lastReason;
    const impact = impactOf(reason);
    const others = passedBy.filter((x) => x.id !== probe.id && x.passed.has(at));
    // Journeys run at spread slots, so another journey's pass may predate this failure: it then
    // says nothing about the hop now (login.gov.pl that just began to hang). Only a pass taken
    // since this journey went down confirms the hop works for others; until one comes, the hop is
    // degraded and no journey's own component is blamed for it.
    const softened = impact === 'outage' && others.some((x) => x.at >= st.since);
    const unconfirmed = impact === 'outage' && !softened && others.length > 0;
    const journeyStep = { probe: probe.id, step };
    put(out, at, { status: softened || unconfirmed ? 'degraded' : impact, reason, rootCause: null, journeyStep });
    // When the hop is down for everyone, its own status already blocks every path through it. Only a
    // hop that still works for other journeys needs the journey's own component to carry the failure.
    const target = probe.component;
    if (softened && target !== undefined && target !== at) put(out, target, { status: 'outage', reason, rootCause: at, journeyStep });
  }
  return out;
}

/** The worse of a probe-based and a journey-based verdict; a journey verdict wins ties (it names a step). */
export function worseOf<V extends { status: ComponentStatus }>(a: V, b: V | undefined): V {
  return b !== undefined && RANK[b.status] >= RANK[a.status] ? b : a;
}
