import type { BannerKind } from '../../domain/public-state.ts';
import type { ComponentStatus } from '../../domain/types.ts';
import { isOpen, type IncidentImpact, type IncidentView } from '../../status/incident-view.ts';
import type { WindowView } from '../../status/window-view.ts';

/** Statuspage v2 component statuses. */
export type SpComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
/** Statuspage v2 page indicators, least to most serious. */
export const SP_INDICATORS = ['none', 'maintenance', 'minor', 'major', 'critical'] as const;
export type SpIndicator = (typeof SP_INDICATORS)[number];
/** Statuspage v2 scheduled-maintenance statuses (we never report `verifying`). */
export type SpMaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

/**
 * Our status → Statuspage component status.
 * - `unknown` (no data, stale, monitor blind) → `degraded_performance`: Statuspage has no "unknown",
 *   and claiming `operational` would say all is well when we cannot tell.
 * - `partial_outage` is given to components whose public meaning is `partial` (some methods or
 *   functions fail while others work), see spComponents.
 */
export const COMPONENT_STATUS: Record<ComponentStatus, SpComponentStatus> = {
  operational: 'operational',
  degraded: 'degraded_performance',
  maintenance: 'under_maintenance',
  outage: 'major_outage',
  unknown: 'degraded_performance',
};

/**
 * Headlines that say we cannot tell: their description says so instead of the indicator's
 * "Minor Service Outage" (the indicator stays `minor`, never `none`, for clients that compare it).
 */
export const UNKNOWN_DESCRIPTION: Partial<Record<BannerKind, string>> = {
  blind: 'Status Unknown: No Current Data',
  unknown: 'Status Unknown for Some Services',
  unverified: 'Some Checks Blocked: Status Unverified',
};

/** Our headline status → page indicator (before open incidents raise it). */
export const STATUS_INDICATOR: Record<ComponentStatus, SpIndicator> = {
  operational: 'none',
  maintenance: 'maintenance',
  degraded: 'minor',
  unknown: 'minor',
  outage: 'major',
};

/** Incident impact → page indicator. */
export const IMPACT_INDICATOR: Record<IncidentImpact, SpIndicator> = { minor: 'minor', major: 'major', critical: 'critical' };

/** The page indicator: the most serious of the headline status and every open incident's impact. */
export function pageIndicator(overall: ComponentStatus, incidents: IncidentView[]): SpIndicator {
  const candidates = [STATUS_INDICATOR[overall], ...incidents.filter(isOpen).map((i) => IMPACT_INDICATOR[i.impact])];
  return candidates.reduce((worst, i) => (SP_INDICATORS.indexOf(i) > SP_INDICATORS.indexOf(worst) ? i : worst), 'none' as SpIndicator);
}

/** A window's Statuspage maintenance status at `now`. */
export function maintenanceStatus(w: Pick<WindowView, 'start' | 'effectiveEnd' | 'active'>, now: number): SpMaintenanceStatus {
  if (w.active) return 'in_progress';
  return Date.parse(w.start) > now ? 'scheduled' : 'completed';
}

/**
 * Statuspage's own English description of each indicator. Clients compare these strings, so
 * they are never translated (the page itself speaks Polish).
 */
export const INDICATOR_DESCRIPTION: Record<SpIndicator, string> = {
  none: 'All Systems Operational',
  maintenance: 'Service Under Maintenance',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};
