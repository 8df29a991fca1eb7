import { loginMatrix, overallStatus } from '../engine/index.ts';
import type { Config } from '../config/schema.ts';
import type { ComponentState, ComponentStatus, MaintenanceWindow } from '../domain/types.ts';
import type { IncidentView } from './page/incident-view.ts';
import { currentWindows, toWindowView, type WindowView } from './window-view.ts';

/** One component as the read API shows it. */
export interface ComponentView {
  id: string;
  kind: 'service' | 'bank';
  name: { pl: string; en: string };
  homepage: string | null;
  status: ComponentStatus;
  since: string | null;
  lastCheckedAt: string | null;
  reason: string;
  rootCause: string | null;
  dependsOn: string[];
  /** The journey step that decided a non-operational status, with its configured name (null when unnamed). */
  journeyStep?: { probe: string; step: string; name: { pl: string; en: string } | null } | null;
}

/** The body of GET /api/v1/status, minus request-time fields. */
export interface StatusView {
  overall: { status: ComponentStatus; counts: Record<ComponentStatus, number> };
  monitor: {
    blind: boolean;
    lastCheckedAt: string | null;
    /** True when some component is shown unknown/stale because its data is past the stale limit (set by the snapshot). */
    stale?: boolean;
    /** Newest check behind the data (the same instant as lastCheckedAt; set by the snapshot). */
    dataAsOf?: string | null;
    /** When the snapshot last read the store successfully (set by the snapshot). */
    storeReadAt?: string | null;
  };
  components: ComponentView[];
  loginMethods: ReturnType<typeof loginMatrix>;
  maintenance: { active: WindowView[]; upcoming: WindowView[]; pending?: WindowView[] };
  /** Every kept window, newest first (history, including withdrawn and cancelled). */
  windows: WindowView[];
  /** Operator incidents, newest first (none until incidents are stored). */
  incidents: IncidentView[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Builds the read model from stored component states; components never evaluated show as unknown/no_data. */
export function buildStatusView(
  config: Config,
  states: Map<string, ComponentState>,
  windows: MaintenanceWindow[],
  now: number,
  incidents: IncidentView[] = [],
): StatusView {
  const resolved = config.components.map(
    (c): ComponentState => states.get(c.id) ?? { id: c.id, status: 'unknown', since: 0, lastCheckedAt: null, reason: 'no_data', rootCause: null },
  );
  // The guard makes every non-maintenance component monitor_offline at once, so one such reason means blind.
  const blind = resolved.some((s) => s.reason === 'monitor_offline');
  const checked = resolved.map((s) => s.lastCheckedAt).filter((t): t is number => t !== null);
  const byId = new Map(resolved.map((s) => [s.id, s]));
  return {
    overall: overallStatus(resolved, blind),
    monitor: { blind, lastCheckedAt: iso(checked.length ? Math.max(...checked) : null) },
    components: config.components.map((c) => {
      const s = byId.get(c.id)!;
      return {
        id: c.id,
        kind: c.kind,
        name: c.name,
        homepage: c.homepage ?? null,
        status: s.status,
        since: s.since ? iso(s.since) : null,
        lastCheckedAt: iso(s.lastCheckedAt),
        reason: s.reason,
        rootCause: s.rootCause,
        dependsOn: c.dependsOn,
        journeyStep: s.journeyStep ? { ...s.journeyStep, name: stepName(config, s.journeyStep.probe, s.journeyStep.step) } : null,
      };
    }),
    loginMethods: loginMatrix(config.loginMethods, byId),
    maintenance: currentWindows(windows, now, config.notices.showPending),
    // Unconfirmed suggestions are not public unless the operator chose to show them.
    windows: [...windows]
      .filter((w) => w.state !== 'pending' || config.notices.showPending)
      .sort((a, b) => b.start - a.start)
      .map((w) => toWindowView(w, now)),
    incidents,
  };
}

/** The configured plain-language name of a journey step, if it has one. */
function stepName(config: Config, probeId: string, stepId: string): { pl: string; en: string } | null {
  const probe = config.probes.find((p) => p.id === probeId);
  return probe?.kind === 'journey' ? (probe.journey.steps.find((s) => s.id === stepId)?.name ?? null) : null;
}
