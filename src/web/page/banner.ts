import type { ComponentStatus } from '../../domain/types.ts';
import type { ComponentView, StatusView } from '../status-view.ts';
import { isOpen, type IncidentView } from './incident-view.ts';

/** What the headline says, most serious first. Only `ok` may say "wszystko działa". */
export type BannerKind = 'blind' | 'outage' | 'maintenance' | 'incident' | 'degraded' | 'partial' | 'ok';

/** The headline decision: which message, about which components or incidents. */
export interface Banner {
  kind: BannerKind;
  /** The status whose icon the banner shows. */
  icon: ComponentStatus;
  /** Components the message names (ids). */
  components: string[];
  /** Open incidents the message names (ids). */
  incidents: string[];
  /** Newest check behind the view (ISO), for "last checked". */
  lastCheckedAt: string | null;
}

const ICON: Record<BannerKind, ComponentStatus> = {
  blind: 'unknown',
  outage: 'outage',
  maintenance: 'maintenance',
  incident: 'degraded',
  degraded: 'degraded',
  partial: 'unknown',
  ok: 'operational',
};

/**
 * Picks the headline. It says everything works only when every component is operational,
 * no incident is open and the data is fresh; a blind or stale monitor says so plainly.
 */
export function bannerFor(
  view: Pick<StatusView, 'components' | 'monitor'>,
  incidents: IncidentView[],
  now: number,
  staleAfterMs: number,
): Banner {
  const last = view.monitor.lastCheckedAt;
  const stale = last === null || now - Date.parse(last) > staleAfterMs;
  const open = incidents.filter(isOpen);
  const ids = (status: ComponentStatus): string[] => view.components.filter((c: ComponentView) => c.status === status).map((c) => c.id);
  const make = (kind: BannerKind, components: string[] = []): Banner => ({
    kind,
    icon: ICON[kind],
    components,
    incidents: kind === 'incident' || kind === 'outage' ? open.map((i) => i.id) : [],
    lastCheckedAt: last,
  });
  if (view.monitor.blind || stale) return make('blind');
  const down = ids('outage');
  const seriousIncident = open.some((i) => i.impact !== 'minor');
  if (down.length > 0 || seriousIncident) return make('outage', down);
  const maintenance = ids('maintenance');
  if (maintenance.length > 0) return make('maintenance', maintenance);
  if (open.length > 0) return make('incident');
  const slow = ids('degraded');
  if (slow.length > 0) return make('degraded', slow);
  const unknown = ids('unknown');
  if (unknown.length > 0) return make('partial', unknown);
  return make('ok');
}

// Fast demo probes would otherwise flag a page rendered a few seconds late as stale.
const MIN_STALE_MS = 60_000;

/** How long without any new check before the page calls the data stale: the engine's stale rule over the slowest probe, at least a minute. */
export function staleAfterMs(config: { engine: { staleAfterIntervals: number }; probes: { interval: number }[] }): number {
  const slowest = config.probes.reduce((max, p) => Math.max(max, p.interval), 0);
  return Math.max(MIN_STALE_MS, config.engine.staleAfterIntervals * slowest);
}
