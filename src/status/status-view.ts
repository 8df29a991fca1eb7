import { createHash } from 'node:crypto';
import { freshness, publicState } from './public-state.ts';
import type { Config } from '../config/schema.ts';
import type { Confidence, Meaning, PublicLogin, PublicReason, PublicState } from '../domain/public-state.ts';
import type { ComponentState, ComponentStatus, MaintenanceWindow } from '../domain/types.ts';
import type { Override } from '../overrides/types.ts';
import type { IncidentView } from './incident-view.ts';
import { wasAnnounced } from '../maintenance/called-off.ts';
import { currentWindows, toWindowView, type WindowView } from './window-view.ts';

/** One component as the read API shows it: the public state's verdict, never re-derived. */
export interface ComponentView {
  id: string;
  kind: 'service' | 'bank';
  name: { pl: string; en: string };
  homepage: string | null;
  status: ComponentStatus;
  /** What the status means to a patient (slow, partial, unverified, …): faces choose their words by it. */
  meaning: Meaning;
  since: string | null;
  /** Announced end of the current status (a window's or notice's end; never an override's expiry), ISO. */
  until: string | null;
  lastCheckedAt: string | null;
  reason: PublicReason;
  rootCause: string | null;
  confidence: Confidence;
  /** Whether the latest check is recent enough to speak about now. */
  fresh: boolean;
  /** The window or incident behind the status, when one explains it. */
  windowId: string | null;
  incidentId: string | null;
  dependsOn: string[];
  /** The journey step that decided a non-operational status, with its configured name (null when unnamed). */
  journeyStep?: { probe: string; step: string; name: { pl: string; en: string } | null; journeyOf: string | null } | null;
}

/** One login row as the read API shows it: the public row with `until` as ISO text and without the blocker's status. */
export type LoginView = Omit<PublicLogin, 'blockedStatus' | 'until'> & { until: string | null };

/** The body of GET /api/v1/status, minus request-time fields. */
export interface StatusView {
  overall: { status: ComponentStatus; indicator: PublicState['overall']['indicator']; counts: Record<ComponentStatus, number> };
  monitor: {
    blind: boolean;
    stale: boolean;
    lastCheckedAt: string | null;
    /** Newest check behind the data (the same instant as lastCheckedAt; set by the snapshot). */
    dataAsOf?: string | null;
    /** When the snapshot last read the store successfully (set by the snapshot). */
    storeReadAt?: string | null;
  };
  components: ComponentView[];
  loginMethods: LoginView[];
  maintenance: { active: WindowView[]; upcoming: WindowView[]; pending?: WindowView[] };
  /** Every kept window, newest first (history, including withdrawn and cancelled). */
  windows: WindowView[];
  /** Operator incidents, newest first (none until incidents are stored). */
  incidents: IncidentView[];
  /** The one public state every face formats (epoch ms; not serialized by the API). */
  public: PublicState;
  /** Changes only when what a face says changes (not on every rebuild), for live updates. */
  fingerprint: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What a view is built from (kept by the snapshot so it can rebuild when time alone changes the answer). */
export interface ViewInputs {
  states: Map<string, ComponentState>;
  windows: MaintenanceWindow[];
  incidents: IncidentView[];
  overrides: Override[];
  /** The operator records could not be read (the lists above are empty for want of them, not known to be empty). */
  recordsUnavailable?: boolean;
}

/** The public state of the config's world at `now`. */
export function publicStateOf(config: Config, inputs: ViewInputs, now: number): PublicState {
  const fresh = freshness(config);
  return publicState({
    now,
    components: config.components,
    loginMethods: config.loginMethods,
    states: inputs.states,
    windows: inputs.windows,
    incidents: inputs.incidents.map((i) => ({ id: i.id, impact: i.impact, open: i.state !== 'resolved', components: i.components, createdAt: Date.parse(i.createdAt) })),
    overrides: inputs.overrides,
    ...fresh,
    ...(inputs.recordsUnavailable ? { recordsUnavailable: true } : {}),
  });
}

/** Builds the read model: the public state, formatted once for every face. */
export function buildStatusView(
  config: Config,
  states: Map<string, ComponentState>,
  windows: MaintenanceWindow[],
  now: number,
  incidents: IncidentView[] = [],
  overrides: Override[] = [],
  recordsUnavailable = false,
): StatusView {
  const p = publicStateOf(config, { states, windows, incidents, overrides, recordsUnavailable }, now);
  const byId = new Map(p.components.map((c) => [c.id, c]));
  const view: Omit<StatusView, 'fingerprint'> = {
    overall: p.overall,
    monitor: { blind: p.blind, stale: p.stale, lastCheckedAt: iso(p.dataAsOf) },
    components: config.components.map((c) => {
      const s = byId.get(c.id)!;
      return {
        id: c.id,
        kind: c.kind,
        name: c.name,
        homepage: c.homepage ?? null,
        status: s.status,
        meaning: s.meaning,
        since: iso(s.since),
        until: iso(s.until),
        lastCheckedAt: iso(s.lastCheckedAt),
        reason: s.reason,
        rootCause: s.rootCause,
        confidence: s.confidence,
        fresh: s.fresh,
        windowId: s.behind?.kind === 'window' ? s.behind.id : null,
        incidentId: s.behind?.kind === 'incident' ? s.behind.id : null,
        dependsOn: c.dependsOn,
        journeyStep: s.journeyStep
          ? { ...s.journeyStep, name: stepName(config, s.journeyStep.probe, s.journeyStep.step), journeyOf: config.probes.find((x) => x.id === s.journeyStep?.probe)?.component ?? null }
          : null,
      };
    }),
    loginMethods: p.logins.map((l) => ({ id: l.id, method: l.method, bank: l.bank, path: l.path, works: l.works, status: l.status, meaning: l.meaning, blockedBy: l.blockedBy, until: iso(l.until), unknownOn: l.unknownOn, alternatives: l.alternatives })),
    maintenance: currentWindows(windows, now, config.notices.showPending),
    // Suggestions nobody confirmed (pending, rejected, dropped while pending) are not public unless the operator chose to show them.
    windows: [...windows]
      .filter((w) => wasAnnounced(w) || (w.state === 'pending' && config.notices.showPending))
      .sort((a, b) => b.start - a.start)
      .map((w) => toWindowView(w, now)),
    incidents,
    public: p,
  };
  return { ...view, fingerprint: fingerprintOf(view) };
}

/** A hash of what the faces show, without the instants that move on every check (ages, last check times). */
function fingerprintOf(v: Omit<StatusView, 'fingerprint'>): string {
  // Fed piece by piece: one string per component, never one string (or copy) of thousands.
  const hash = createHash('sha1');
  const feed = (x: unknown): void => void hash.update(JSON.stringify(x) ?? 'null').update('\n');
  feed([v.overall, { blind: v.monitor.blind, stale: v.monitor.stale }, v.components.length, v.loginMethods.length, v.windows.length, v.incidents.length]);
  for (const { lastCheckedAt: _checked, ...c } of v.components) feed(c);
  for (const l of v.loginMethods) feed(l);
  for (const w of v.windows) feed([w.id, w.state, w.active, w.updatedAt]);
  for (const i of v.incidents) feed([i.id, i.state, i.updatedAt]);
  return hash.digest('base64url').slice(0, 16);
}

/** The configured plain-language name of a journey step, if it has one. */
function stepName(config: Config, probeId: string, stepId: string): { pl: string; en: string } | null {
  const probe = config.probes.find((p) => p.id === probeId);
  return probe?.kind === 'journey' ? (probe.journey.steps.find((s) => s.id === stepId)?.name ?? null) : null;
}
