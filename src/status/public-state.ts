import type { LoginMethodConfig } from '../config/schema.ts';
import type {
  Behind,
  BannerKind,
  Confidence,
  Indicator,
  Meaning,
  PublicComponent,
  PublicIncidentInput,
  PublicLogin,
  PublicOverrideInput,
  PublicReason,
  PublicState,
  PublicWindowInput,
} from '../domain/public-state.ts';
import { INDICATORS } from '../domain/public-state.ts';
import { COMPONENT_STATUSES, type ComponentState, type ComponentStatus } from '../domain/types.ts';
import { loginMatrix } from '../engine/login-matrix.ts';
import { publicMeaning } from './meaning.ts';
import { effectiveEnd, isActive, isUpcoming } from '../domain/windows.ts';
import { findRootCause } from '../engine/root-cause.ts';

export { publicMeaning, uptimeClass } from './meaning.ts';

/** Everything the public state is computed from; it reads nothing else. */
export interface PublicStateInput {
  now: number;
  components: { id: string; dependsOn: string[] }[];
  loginMethods: LoginMethodConfig[];
  /** The engine's component states as stored. */
  states: Map<string, ComponentState>;
  windows: PublicWindowInput[];
  incidents: PublicIncidentInput[];
  overrides: PublicOverrideInput[];
  /** How long one component's latest check may speak for "now". */
  freshForMs: (componentId: string) => number;
  /** How long without any new check before all data counts as stale. */
  staleAfterMs: number;
  /**
   * The operator records (incidents, overrides, windows) could not be read and no copy is held, so
   * the empty lists above mean "not known", not "none": nothing may then be called working or down.
   */
  recordsUnavailable?: boolean;
}

// Severity for the headline and for "an incident can only make things look worse".
const RANK: Record<ComponentStatus, number> = { operational: 0, unknown: 1, degraded: 2, maintenance: 3, outage: 4 };
const IMPACT_STATUS: Record<PublicIncidentInput['impact'], ComponentStatus> = { minor: 'degraded', major: 'outage', critical: 'outage' };
/** Our status → Statuspage page indicator (before incidents raise it); unknown is never "none". */
export const STATUS_INDICATOR: Record<ComponentStatus, Indicator> = { operational: 'none', maintenance: 'maintenance', degraded: 'minor', unknown: 'minor', outage: 'major' };

const windowBehind = (w: PublicWindowInput, now: number): Extract<Behind, { kind: 'window' }> => ({
  kind: 'window',
  id: w.id,
  windowKind: w.kind,
  start: w.start,
  end: w.end,
  active: isActive(w, now),
});

interface Draft {
  status: ComponentStatus;
  reason: PublicReason;
  confidence: Confidence;
  since: number | null;
  until: number | null;
  behind: Behind | null;
}

/** Every component while the operator records are unknown: an override, window or incident may say anything. */
const RECORDS_UNAVAILABLE: Draft = { status: 'unknown', reason: 'records_unavailable', confidence: 'unknown', since: null, until: null, behind: null };

function draftFor(id: string, s: ComponentState | undefined, input: PublicStateInput, blind: boolean, allStale: boolean): Draft {
  const { now } = input;
  const since = s && s.since > 0 ? s.since : null;
  const override = input.overrides.find((o) => o.component === id && o.expiresAt > now);
  // The operator chose how long the override lasts, not when the trouble ends: no public end ("do odwołania").
  if (override) return { status: override.status, reason: 'override', confidence: 'operator', since, until: null, behind: { kind: 'override', until: override.expiresAt } };
  if (s?.reason === 'override') return { status: s.status, reason: 'override', confidence: 'operator', since, until: null, behind: null };
  // The window's own times, not when the engine noticed it (a 4:00–6:00 window is shown as 4:00–6:00).
  const maintenance = input.windows.filter((w) => w.kind === 'maintenance' && w.components.includes(id) && isActive(w, now)).sort((a, b) => a.start - b.start)[0];
  if (maintenance) return { status: 'maintenance', reason: 'maintenance', confidence: 'announced', since: maintenance.start, until: maintenance.end, behind: windowBehind(maintenance, now) };
  if (blind) return { status: 'unknown', reason: 'monitor_offline', confidence: 'unknown', since: null, until: null, behind: null };
  if (!s || s.reason === 'no_data' || s.lastCheckedAt === null) return { status: 'unknown', reason: 'no_data', confidence: 'unknown', since: null, until: null, behind: null };
  const tooOld = now - s.lastCheckedAt > input.freshForMs(id);
  // The engine applied a window this snapshot does not hold (it lags by at most one tick): still announced.
  if (s.status === 'maintenance') return { status: 'maintenance', reason: 'maintenance', confidence: 'announced', since, until: null, behind: null };
  if (allStale || tooOld || s.reason === 'stale') return { status: 'unknown', reason: 'stale', confidence: 'stale', since: null, until: null, behind: null };
  if (s.reason === 'outage_notice') {
    const notice = input.windows.find((w) => w.kind === 'outage' && w.components.includes(id) && isActive(w, now));
    return { status: s.status, reason: s.reason, confidence: 'announced', since: notice?.start ?? since, until: notice?.end ?? null, behind: notice ? windowBehind(notice, now) : null };
  }
  if (s.status === 'unknown') return { status: 'unknown', reason: s.reason, confidence: 'unknown', since: null, until: null, behind: null };
  return { status: s.status, reason: s.reason, confidence: 'measured', since, until: null, behind: null };
}

/** An open incident naming the component makes it look at least as bad as the incident's impact says. */
function withIncidents(id: string, d: Draft, incidents: PublicIncidentInput[]): Draft {
  let out = d;
  for (const i of incidents) {
    if (!i.open || !i.components.includes(id)) continue;
    const status = IMPACT_STATUS[i.impact];
    if (RANK[status] > RANK[out.status]) {
      out = { status, reason: 'incident', confidence: 'operator', since: i.createdAt, until: null, behind: { kind: 'incident', id: i.id, impact: i.impact, start: i.createdAt } };
    }
  }
  return out;
}

// Most serious first: the headline names the worst meaning any component has.
const BANNER_BY_MEANING: [Meaning, BannerKind][] = [
  ['outage', 'outage'],
  ['maintenance', 'maintenance'],
  ['partial', 'partial'],
  ['slow', 'slow'],
  ['unverified', 'unverified'],
  ['unknown', 'unknown'],
];

function bannerKind(blind: boolean, meanings: Meaning[], openIncidents: number): BannerKind {
  if (blind) return 'blind';
  if (openIncidents > 0) return 'incident';
  return BANNER_BY_MEANING.find(([m]) => meanings.includes(m))?.[1] ?? 'ok';
}

/** A login row in words: whether it works, and if we cannot tell, whether a hop could not be checked. */
function rowMeaning(works: boolean | null, path: string[], byId: Map<string, PublicComponent>, blockerStatus: ComponentStatus | null): Meaning {
  const on = path.map((id) => byId.get(id)?.meaning ?? 'unknown');
  if (works === true) return on.includes('slow') ? 'slow' : 'works';
  if (works === false) return blockerStatus === 'maintenance' ? 'maintenance' : 'outage';
  return on.includes('unverified') ? 'unverified' : 'unknown';
}

function worstIndicator(list: Indicator[]): Indicator {
  return list.reduce((w, i) => (INDICATORS.indexOf(i) > INDICATORS.indexOf(w) ? i : w), 'none' as Indicator);
}

function logins(input: PublicStateInput, byId: Map<string, PublicComponent>, cannotTell: boolean): PublicLogin[] {
  const asStates = new Map<string, ComponentState>(
    [...byId.values()].map((c) => [c.id, { id: c.id, status: c.status, since: c.since ?? 0, lastCheckedAt: c.lastCheckedAt, reason: 'ok', rootCause: c.rootCause }]),
  );
  const rows = loginMatrix(input.loginMethods, asStates);
  return rows.map((r): PublicLogin => {
    const blocker = r.blockedBy === null ? undefined : byId.get(r.blockedBy);
    const others = rows.filter((o) => o.method !== r.method);
    const working = others.filter((o) => o.works === true).map((o) => o.id);
    // "Nothing else works" is a claim too: only when every other row is known not to work.
    const alternatives = r.works === true ? null : working.length > 0 ? working : cannotTell || others.some((o) => o.works === null) ? null : [];
    return {
      id: r.id,
      method: r.method,
      bank: r.bank,
      path: r.path,
      works: r.works,
      status: r.status,
      meaning: rowMeaning(r.works, r.path, byId, blocker?.status ?? null),
      blockedBy: r.blockedBy,
      blockedStatus: blocker?.status ?? null,
      until: blocker?.until ?? null,
      unknownOn: r.path.filter((id) => (byId.get(id)?.status ?? 'unknown') === 'unknown'),
      alternatives,
    };
  });
}

function nextChange(input: PublicStateInput, dataAsOf: number | null): number | null {
  const { now } = input;
  const times: number[] = [];
  if (dataAsOf !== null) times.push(dataAsOf + input.staleAfterMs + 1);
  for (const [id, s] of input.states) if (s.lastCheckedAt !== null) times.push(s.lastCheckedAt + input.freshForMs(id) + 1);
  for (const w of input.windows) if (w.state === 'announced') times.push(w.start, effectiveEnd(w));
  for (const o of input.overrides) times.push(o.expiresAt);
  const future = times.filter((t) => t > now);
  return future.length > 0 ? Math.min(...future) : null;
}

/**
 * The public state (pure): the engine's states with announced windows, operator overrides, open
 * incidents and the age of the data applied once, so every face says the same thing.
 * Rules: an override wins; an active maintenance window shows its own times; a blind monitor or
 * data too old says "we don't know" (never "works"); an open incident raises its components to
 * its impact; root causes and login rows are derived from the result.
 */
export function publicState(input: PublicStateInput): PublicState {
  const { now } = input;
  const checks = [...input.states.values()].map((s) => s.lastCheckedAt).filter((t): t is number => t !== null);
  const dataAsOf = checks.length > 0 ? Math.max(...checks) : null;
  const guardBlind = [...input.states.values()].some((s) => s.reason === 'monitor_offline');
  // No check at all yet counts as stale too: nothing may say "works" before the first result.
  const stale = dataAsOf === null || now - dataAsOf > input.staleAfterMs;
  const recordsUnavailable = input.recordsUnavailable === true;
  const blind = guardBlind || stale || recordsUnavailable;
  const open = input.incidents.filter((i) => i.open).sort((a, b) => b.createdAt - a.createdAt);
  const drafts = input.components.map((c) => {
    const s = input.states.get(c.id);
    // Before the first result the guard has nothing to judge either: "no results yet", not "lost connectivity".
    const d = recordsUnavailable ? RECORDS_UNAVAILABLE : withIncidents(c.id, draftFor(c.id, s, input, guardBlind, stale), open);
    const { status, meaning } = publicMeaning(d.status, d.reason);
    // `measured`: the engine's own verdict stands, so its root cause and failing hop are evidence.
    const measured = d.confidence === 'measured' && s?.status === d.status;
    return { id: c.id, s, d: { ...d, status }, meaning, measured };
  });
  const statuses = new Map(drafts.map((x) => [x.id, x.d.status] as const));
  const deps = new Map(input.components.map((c) => [c.id, c.dependsOn] as const));
  const components = drafts.map(({ id, s, d, meaning, measured }): PublicComponent => {
    const lastCheckedAt = s?.lastCheckedAt ?? null;
    const upcoming = input.windows
      .filter((w) => isUpcoming(w, now) && w.components.includes(id))
      .sort((a, b) => a.start - b.start)[0];
    return {
      id,
      status: d.status,
      meaning,
      since: d.since,
      until: d.until,
      reason: d.reason,
      // The graph names a failing dependency; failing that, a journey's measured verdict names the hop it stopped at (which may only be degraded).
      rootCause: findRootCause(id, statuses, deps) ?? (measured ? (s?.rootCause ?? null) : null),
      confidence: d.confidence,
      lastCheckedAt,
      fresh: !blind && lastCheckedAt !== null && now - lastCheckedAt <= input.freshForMs(id),
      behind: d.behind,
      upcoming: upcoming ? windowBehind(upcoming, now) : null,
      // The failing hop is measured evidence only while the measured status stands.
      ...(s?.journeyStep && measured ? { journeyStep: s.journeyStep } : {}),
    };
  });
  const counts = Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as Record<ComponentStatus, number>;
  let worst: ComponentStatus = 'operational';
  for (const c of components) {
    counts[c.status] += 1;
    if (RANK[c.status] > RANK[worst]) worst = c.status;
  }
  // A blind or stale monitor never heads with "operational".
  const overallStatus = blind && worst === 'operational' ? 'unknown' : worst;
  const indicator = worstIndicator([STATUS_INDICATOR[overallStatus], ...open.map((i) => i.impact)]);
  const byId = new Map(components.map((c) => [c.id, c]));
  return {
    at: now,
    dataAsOf,
    ageMs: dataAsOf === null ? null : Math.max(0, now - dataAsOf),
    blind,
    stale,
    ...(recordsUnavailable ? { recordsUnavailable: true as const } : {}),
    overall: { status: overallStatus, indicator, counts },
    banner: bannerKind(blind, components.map((c) => c.meaning), open.length),
    components,
    logins: logins(input, byId, blind),
    openIncidents: open.map((i) => i.id),
    nextChangeAt: nextChange(input, dataAsOf),
  };
}

/** Freshness limits from config: the engine's stale rule over each component's slowest probe, at least `engine.minFreshness`. */
export function freshness(config: {
  engine: { staleAfterIntervals: number; evaluateEvery: number; minFreshness: number };
  probes: { interval: number; component?: string | null }[];
}): { freshForMs: (id: string) => number; staleAfterMs: number } {
  const k = config.engine.staleAfterIntervals;
  const slack = config.engine.evaluateEvery;
  // Fast demo probes would otherwise flag data read a few seconds late as stale.
  const MIN_FRESH_MS = config.engine.minFreshness;
  const slowest = config.probes.reduce((max, p) => Math.max(max, p.interval), 0);
  const staleAfterMs = Math.max(MIN_FRESH_MS, k * slowest + slack);
  const perComponent = new Map<string, number>();
  for (const p of config.probes) {
    if (!p.component) continue;
    perComponent.set(p.component, Math.max(perComponent.get(p.component) ?? MIN_FRESH_MS, k * p.interval + slack));
  }
  return { freshForMs: (id) => perComponent.get(id) ?? staleAfterMs, staleAfterMs };
}
