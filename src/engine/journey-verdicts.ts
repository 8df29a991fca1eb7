import type { JourneyProbeConfig } from '../config/journey-schema.ts';
import type { ProbeConfig } from '../config/schema.ts';
import type { ComponentReason, ComponentStatus, ProbeReason, ProbeState } from '../domain/types.ts';
import { lastFailureAt } from './probe-state.ts';

/** What the journey probes say about one component. */
export interface JourneyVerdict {
  status: ComponentStatus;
  reason: ComponentReason;
  /** Set on a journey's own component when another component's hop stopped it. */
  rootCause: string | null;
  journeyStep?: { probe: string; step: string };
}

/** A verdict with the time of the evidence behind it, and whether a run passed or failed there. */
interface Timed extends JourneyVerdict {
  at: number;
  passed: boolean;
}

/**
 * Reasons that say a hop could not be checked (a WAF answered, the markup drifted), not that it
 * failed: the hop's status is unknown with that reason, shown as "nie możemy sprawdzić".
 */
const UNVERIFIED: ReadonlySet<ComponentReason> = new Set<ComponentReason>(['blocked', 'page_changed']);

// Headline order. An unverified hop ranks above "works" (the host answering proves less than the
// journey) and below every measured trouble; plain unknown (no data) ranks lowest.
const RANK: Record<ComponentStatus, number> = { unknown: 0, operational: 1, degraded: 2, maintenance: 3, outage: 4 };
const UNVERIFIED_RANK = 1.5;

function rank(v: { status: ComponentStatus; reason?: ComponentReason }): number {
  return v.status === 'unknown' && v.reason !== undefined && UNVERIFIED.has(v.reason) ? UNVERIFIED_RANK : RANK[v.status];
}

/** How a failed hop affects its component: only a real failure is an outage (DESIGN §6). */
function impactOf(reason: ProbeReason): ComponentStatus {
  switch (reason) {
    case 'maintenance_page':
      return 'maintenance';
    case 'blocked':
    // A WAF answered instead of the site: the monitor cannot see, the patients may well get through.
    case 'page_changed':
      // The page answers but its markup drifted: we cannot check the hop, which is not slowness.
      return 'unknown';
    default:
      return 'outage';
  }
}

function stepComponent(probe: JourneyProbeConfig, i: number): string {
  return probe.journey.steps[i]?.component ?? probe.component ?? '';
}

/** Every component a journey's steps reach. */
function allComponents(probe: JourneyProbeConfig): Set<string> {
  return new Set(probe.journey.steps.map((_, i) => stepComponent(probe, i)));
}

/** Components whose hops passed in a journey's latest verdict (all of them when it is up). */
function passedComponents(probe: JourneyProbeConfig, st: ProbeState): Set<string> {
  if (st.status !== 'down') return allComponents(probe);
  const failedAt = st.failedStep ? probe.journey.steps.findIndex((s) => s.id === st.failedStep?.id) : 0;
  const upTo = failedAt >= 0 ? failedAt : probe.journey.steps.length;
  const passed = new Set<string>();
  for (let i = 0; i < upTo; i++) passed.add(stepComponent(probe, i));
  passed.delete(st.failedStep?.component ?? '');
  return passed;
}

/**
 * Whether `v` should replace `cur` as the verdict about one component. Between a pass and a
 * failure the newer evidence wins (a failure seen before a recovery must not outrank a pass after
 * it), a failure on a tie. Otherwise the worse wins: a slow pass beats a fast one, a measured
 * failure beats a hop that could not be checked.
 */
function replaces(v: Timed, cur: Timed): boolean {
  if (v.passed !== cur.passed && v.at !== cur.at) return v.at > cur.at;
  if (v.passed !== cur.passed) return !v.passed;
  return rank(v) > rank(cur);
}

function put(out: Map<string, Timed>, component: string, v: Timed): void {
  const cur = out.get(component);
  if (cur === undefined || replaces(v, cur)) out.set(component, v);
}

interface Seen {
  probe: JourneyProbeConfig;
  st: ProbeState;
  passed: Set<string>;
  /** When its latest run was taken. */
  at: number;
}

/**
 * Whether a journey's failure at `hop` is history: another journey passed the hop after it, and
 * either this journey has passed since (it is only climbing back over its success threshold) or
 * the other journey's passing began after the failure (the hop came back). A journey failing
 * alone at a hop others keep passing (the chooser without the PZ tile) is not history: its own
 * failures keep coming after their passes began.
 */
function superseded(j: Seen, failedAt: number, others: Seen[]): boolean {
  return others.some((x) => x.at > failedAt && (j.st.lastOk || (x.st.status !== 'down' && x.st.since > failedAt)));
}

/**
 * Folds the journey probes' states into per-component verdicts. Each step is attributed to a
 * component, so a failure lands where it happened: at the chooser on login-gov, at the PZ form on
 * profil-zaufany, at a bank's login page on that bank. A hop that other journeys still pass (the
 * chooser still offers mojeID while PZ is missing) is only degraded, and then the journey's own
 * component takes the outage with that hop as its root cause: that turns exactly the affected
 * login methods red while the others stay green. "Still" means a pass taken since the failing
 * journey went down. A failure that a newer pass has made history (see `superseded`) says nothing.
 */
export function journeyVerdicts(
  probes: readonly ProbeConfig[],
  states: ReadonlyMap<string, ProbeState>,
  isFresh: (probe: ProbeConfig, state: ProbeState | undefined) => state is ProbeState,
): Map<string, JourneyVerdict> {
  const seen: Seen[] = probes.flatMap((p) => {
    const st = states.get(p.id);
    return p.kind === 'journey' && isFresh(p, st) && st.status !== 'unknown' ? [{ probe: p, st, passed: passedComponents(p, st), at: st.lastCheckedAt ?? 0 }] : [];
  });
  const out = new Map<string, Timed>();
  for (const j of seen) {
    const { probe, st } = j;
    const slow = st.status === 'degraded';
    for (const c of j.passed) {
      put(out, c, { status: slow && c === probe.component ? 'degraded' : 'operational', reason: slow && c === probe.component ? (st.statusReason ?? 'slow') : 'ok', rootCause: null, at: j.at, passed: true });
    }
    if (st.status !== 'down') continue;
    // A state without its failed step (e.g. written before journeys existed) blames the journey's own component.
    const { component: at, id: step } = st.failedStep ?? { component: probe.component ?? '', id: probe.journey.steps[0]?.id ?? '' };
    const reason = st.statusReason ?? st.lastReason;
    // Unknown for a recovering state written before failure times were kept: as new as its latest run.
    const failedAt = lastFailureAt(st) ?? j.at;
    const others = seen.filter((x) => x !== j && x.passed.has(at));
    if (superseded(j, failedAt, others)) {
      // Its latest run passed every hop: with the failure history, that is what it says now.
      if (st.lastOk) for (const c of allComponents(probe)) if (!j.passed.has(c)) put(out, c, { status: 'operational', reason: 'ok', rootCause: null, at: j.at, passed: true });
      continue;
    }
    const impact = impactOf(reason);
    // Journeys run at spread slots, so another journey's pass may predate this failure: it then
    // says nothing about the hop now (login.gov.pl that just began to hang). Only a pass taken
    // since this journey went down confirms the hop works for others; until one comes, the hop is
    // degraded and no journey's own component is blamed for it.
    const confirming = others.filter((x) => x.at >= st.since);
    const softened = impact === 'outage' && confirming.length > 0;
    const unconfirmed = impact === 'outage' && !softened && others.length > 0;
    // A softened verdict weighs this failure and the passes confirming it together: as new as the newest of them.
    const evidenceAt = softened ? Math.max(failedAt, ...confirming.map((x) => x.at)) : failedAt;
    const journeyStep = { probe: probe.id, step };
    put(out, at, { status: softened || unconfirmed ? 'degraded' : impact, reason, rootCause: null, journeyStep, at: evidenceAt, passed: false });
    // When the hop is down for everyone, its own status already blocks every path through it. Only a
    // hop that still works for other journeys needs the journey's own component to carry the failure.
    const target = probe.component;
    if (softened && target !== undefined && target !== at) put(out, target, { status: 'outage', reason, rootCause: at, journeyStep, at: evidenceAt, passed: false });
  }
  return new Map([...out].map(([c, { at: _at, passed: _passed, ...v }]) => [c, v]));
}

/**
 * The worse of a probe-based and a journey-based verdict; a journey verdict wins ties (it names a
 * step). They measure different things (a host answering, a login path walked), so the worse is
 * kept whatever their age; an unverified hop outranks "works" and nothing measured.
 */
export function worseOf<V extends { status: ComponentStatus; reason?: ComponentReason }>(a: V, b: V | undefined): V {
  return b !== undefined && rank(b) >= rank(a) ? b : a;
}
