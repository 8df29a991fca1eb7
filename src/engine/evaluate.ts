import type { ComponentConfig, ProbeConfig } from '../config/schema.ts';
import type { ComponentReason, ComponentState, ComponentStatus, ProbeState } from '../domain/types.ts';
import { evidenceAfterMaintenance, type Evidence } from './fresh-evidence.ts';
import { journeyVerdicts, worseOf, type JourneyVerdict } from './journey-verdicts.ts';
import { findRootCause } from './root-cause.ts';

/** Engine knobs (config `engine`); thresholds are the defaults for probes without their own. */
export interface EngineSettings {
  failureThreshold: number;
  successThreshold: number;
  staleAfterIntervals: number;
}

/** Facts from outside probing that override or lift a component's status. */
export interface Overlays {
  /** Components under an active maintenance window, with optional window id. */
  maintenance: Map<string, { windowId?: string }>;
  /** Components with an active 'outage' notice (makes them at least degraded). */
  outageNotices: Set<string>;
  /** Operator overrides in force: the highest precedence, they beat maintenance and the blind guard. */
  overrides?: Map<string, { status: ComponentStatus; reason: string }>;
  /**
   * Per component, when maintenance over it last ended (maintenance-ends.ts): checks taken before
   * it are not evidence after it, for the component and for every journey through it.
   */
  maintenanceEnded?: ReadonlyMap<string, number>;
}

/** Everything `evaluate` needs; it reads nothing else. */
export interface EvaluateInput {
  now: number;
  components: ComponentConfig[];
  probes: ProbeConfig[];
  probeStates: Map<string, ProbeState>;
  previous: Map<string, ComponentState>;
  settings: EngineSettings;
  overlays?: Overlays;
  /**
   * Evaluate only these components (incremental evaluation, see dependants.ts); the others keep
   * their `previous` state, which root-cause walks then read. `probes` and `probeStates` need cover
   * only what DependencyIndex.inputsOf names. Absent: every component.
   */
  only?: ReadonlySet<string>;
  /** The config's component index (DependencyIndex.graph), so a small pass does not re-index every component. */
  graph?: ComponentGraph;
}

/** The result of one evaluation pass. */
export interface Evaluation {
  /** One per evaluated component (all of them unless `only` was given), in config order. */
  components: ComponentState[];
  /** Those whose status, reason or rootCause differ from `previous` (or are new). */
  changed: ComponentState[];
  /** Self-connectivity guard verdict: true when the monitor cannot trust its own probes. */
  blind: boolean;
  /** Per component, ms since its latest probe result (null if none). */
  lastCheckAgeMs: Map<string, number | null>;
}

type Verdict = { status: ComponentStatus; reason: ComponentReason; rootCause?: string | null; journeyStep?: JourneyVerdict['journeyStep'] };

function isFresh(state: ProbeState | undefined, probe: ProbeConfig, now: number, s: EngineSettings): state is ProbeState {
  return state?.lastCheckedAt != null && now - state.lastCheckedAt <= s.staleAfterIntervals * probe.interval;
}

/** True when canaries are configured and none has a fresh passing result (including none yet). */
/** Why the guard keeps components unknown: canaries failed, or none has run yet. */
type BlindReason = 'monitor_offline' | 'no_data';

export function isBlind(probes: ProbeConfig[], states: Map<string, ProbeState>, now: number, s: EngineSettings): boolean {
  const canaries = probes.filter((p) => p.canary);
  if (canaries.length === 0) return false;
  return !canaries.some((p) => {
    const st = states.get(p.id);
    return isFresh(st, p, now, s) && st.lastOk;
  });
}

const PROBE_RANK: Record<ProbeState['status'], number> = { down: 3, degraded: 2, up: 1, unknown: 0 };
const PROBE_TO_COMPONENT = { down: 'outage', degraded: 'degraded', up: 'operational' } as const;

/** `awaiting`: some of these probes wait for their first check since a maintenance ended. */
function fromProbes(probes: ProbeConfig[], states: ReadonlyMap<string, ProbeState>, now: number, s: EngineSettings, awaiting: boolean): Verdict {
  // After maintenance, "no evidence yet" is said as such: it is not a lack of data nor silence.
  const none: Verdict = { status: 'unknown', reason: awaiting ? 'awaiting_check' : 'no_data' };
  const ran = probes.filter((p) => states.get(p.id)?.lastCheckedAt != null);
  if (ran.length === 0) return none;
  const fresh = ran.flatMap((p) => {
    const st = states.get(p.id);
    return isFresh(st, p, now, s) ? [st] : [];
  });
  if (fresh.length === 0) return awaiting ? none : { status: 'unknown', reason: 'stale' };
  // Worst status wins; among equals prefer a probe whose reason explains it (not 'ok').
  const worst = fresh.reduce((a, b) => {
    const diff = PROBE_RANK[b.status] - PROBE_RANK[a.status];
    return diff > 0 || (diff === 0 && reasonOf(a) === 'ok' && reasonOf(b) !== 'ok') ? b : a;
  });
  if (worst.status === 'unknown') return none;
  const status = PROBE_TO_COMPONENT[worst.status];
  return { status, reason: status === 'operational' ? 'ok' : reasonOf(worst) };
}

function reasonOf(st: ProbeState): ComponentReason {
  return st.statusReason ?? st.lastReason;
}

function verdictFor(
  c: ComponentConfig,
  probes: ProbeConfig[],
  input: EvaluateInput,
  blind: BlindReason | null,
  journey: JourneyVerdict | undefined,
  evidence: Evidence,
): Verdict {
  const { overlays, now, settings } = input;
  const forced = overlays?.overrides?.get(c.id);
  if (forced) return { status: forced.status, reason: 'override' };
  if (overlays?.maintenance.has(c.id)) return { status: 'maintenance', reason: 'maintenance' };
  if (blind !== null) return { status: 'unknown', reason: blind };
  // Journey probes speak through `journey` (per failing step), not as plain up/down probes.
  const plain = probes.filter((p) => p.kind !== 'journey');
  const awaiting = probes.some((p) => evidence.awaiting.has(p.id));
  const v = plain.length === 0 && journey !== undefined ? journey : worseOf<Verdict>(fromProbes(plain, evidence.states, now, settings, awaiting), journey);
  // An official outage notice outranks "all fine" and "we don't know", never a measured outage.
  if (overlays?.outageNotices.has(c.id) && (v.status === 'operational' || v.status === 'unknown')) {
    return { status: 'degraded', reason: 'outage_notice' };
  }
  return v;
}

function latestCheck(probes: ProbeConfig[], states: Map<string, ProbeState>): number | null {
  let latest: number | null = null;
  for (const p of probes) {
    const at = states.get(p.id)?.lastCheckedAt ?? null;
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

/** The config's components indexed: built once by DependencyIndex, or per pass when none is given. */
export interface ComponentGraph {
  /** Component id → its place in the config (passes keep config order). */
  position: ReadonlyMap<string, number>;
  /** Component id → its dependsOn. */
  dependencies: ReadonlyMap<string, string[]>;
}

export function componentGraph(components: readonly ComponentConfig[]): ComponentGraph {
  return { position: new Map(components.map((c, i) => [c.id, i])), dependencies: new Map(components.map((c) => [c.id, c.dependsOn])) };
}

/** The `only` components in config order: sorting a handful beats filtering thousands. */
function subset(all: ComponentConfig[], only: ReadonlySet<string>, position: ReadonlyMap<string, number>): ComponentConfig[] {
  if (only.size * 8 >= all.length) return all.filter((c) => only.has(c.id));
  const at: number[] = [];
  for (const id of only) {
    const i = position.get(id);
    if (i !== undefined) at.push(i);
  }
  return at.sort((a, b) => a - b).map((i) => all[i]!);
}

/** Derives the components' states from probe states, overlays and the dependency graph (pure). */
export function evaluate(input: EvaluateInput): Evaluation {
  const { now, probes, probeStates, previous, settings, only } = input;
  // A pass judges a handful of components at thousands: it must not walk (or copy) all of them.
  const graph = input.graph ?? componentGraph(input.components);
  const components = only === undefined ? input.components : subset(input.components, only, graph.position);
  const blind = isBlind(probes, probeStates, now, settings);
  // Before any canary has run the guard knows nothing either: "no results yet", not "lost connectivity".
  const blindReason: BlindReason | null = !blind ? null : probes.some((p) => p.canary && probeStates.get(p.id)?.lastCheckedAt != null) ? 'monitor_offline' : 'no_data';
  const lastCheckAgeMs = new Map<string, number | null>();
  // After maintenance only checks taken since its end speak (fresh-evidence.ts).
  const evidence = evidenceAfterMaintenance(probes, probeStates, input.overlays?.maintenanceEnded, (p) => p.failureThreshold ?? settings.failureThreshold);
  const journeys = journeyVerdicts(probes, evidence.states, (p, st): st is ProbeState => isFresh(st, p, now, settings));
  // Grouped once: filtering all probes per component is quadratic at thousands of each.
  const byComponent = new Map<string, ProbeConfig[]>();
  for (const p of probes) {
    if (p.component === undefined) continue;
    const list = byComponent.get(p.component);
    if (list) list.push(p);
    else byComponent.set(p.component, [p]);
  }
  const drafts = components.map((c) => {
    const own = byComponent.get(c.id) ?? [];
    const lastCheckedAt = latestCheck(own, probeStates);
    lastCheckAgeMs.set(c.id, lastCheckedAt === null ? null : now - lastCheckedAt);
    return { id: c.id, lastCheckedAt, ...verdictFor(c, own, input, blindReason, journeys.get(c.id), evidence) };
  });
  // Components not evaluated this time keep their stored status for the root-cause walks.
  const statuses = new Map<string, ComponentStatus>();
  if (only !== undefined) for (const [id, st] of previous) statuses.set(id, st.status);
  for (const d of drafts) statuses.set(d.id, d.status);
  const deps = graph.dependencies;
  const result: ComponentState[] = drafts.map((d) => {
    const prev = previous.get(d.id);
    return {
      id: d.id,
      status: d.status,
      since: prev !== undefined && prev.status === d.status ? prev.since : now,
      lastCheckedAt: d.lastCheckedAt,
      reason: d.reason,
      rootCause: d.rootCause ?? findRootCause(d.id, statuses, deps),
      ...(d.journeyStep !== undefined && d.status !== 'operational' ? { journeyStep: d.journeyStep } : {}),
    };
  });
  const changed = result.filter((c) => {
    const prev = previous.get(c.id);
    return prev === undefined || prev.status !== c.status || prev.reason !== c.reason || prev.rootCause !== c.rootCause;
  });
  return { components: result, changed, blind, lastCheckAgeMs };
}
