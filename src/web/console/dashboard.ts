import { listIncidents } from '../../incidents/service.ts';
import { listOverrides } from '../../overrides/service.ts';
import { listPending } from '../../notices/review.ts';
import type { Lang } from '../../i18n/index.ts';
import type { ConsoleDeps } from './context.ts';

/** One probe row: its config, threshold state and the latest run's reason. */
export interface ProbeRow {
  id: string;
  kind: string;
  component: string | null;
  status: 'up' | 'degraded' | 'down' | 'unknown';
  lastOk: boolean | null;
  lastReason: string | null;
  lastDetail: string | null;
  lastCheckedAt: number | null;
  lastDurationMs: number | null;
}

/**
 * The dashboard: the public state exactly as the public sees it (the same snapshot the page renders),
 * plus what only operators need: probes with their last reason, open incidents, windows, overrides.
 */
export async function dashboardModel(deps: ConsoleDeps, lang: Lang) {
  const { ops } = deps.admin;
  const { view, builtAt } = deps.snapshot.current();
  const [probeStates, incidents, overrides, pending] = await Promise.all([ops.stores.results.getProbeStates(), listIncidents(ops), listOverrides(ops), listPending(ops)]);
  const probes: ProbeRow[] = ops.config.probes.map((p) => {
    const s = probeStates.get(p.id);
    return {
      id: p.id,
      kind: p.kind,
      component: p.component ?? null,
      status: s?.status ?? 'unknown',
      lastOk: s?.lastCheckedAt == null ? null : s.lastOk,
      lastReason: s?.lastCheckedAt == null ? null : s.lastReason,
      lastDetail: s?.lastDetail ?? null,
      lastCheckedAt: s?.lastCheckedAt ?? null,
      lastDurationMs: s?.lastDurationMs ?? null,
    };
  });
  const names = new Map(ops.config.components.map((c) => [c.id, c.name[lang]]));
  return {
    view,
    builtAt,
    names,
    probes,
    openIncidents: incidents.filter((i) => i.state !== 'resolved'),
    overrides,
    pending: pending.length,
  };
}
