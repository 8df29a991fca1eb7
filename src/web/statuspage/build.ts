import { translator } from '../i18n/index.ts';
import { incidentTitle, updateBody, type IncidentView } from '../page/incident-view.ts';
import { anchorId, safeHttpUrl } from '../page/safe-url.ts';
import type { PublishInput } from '../publish-input.ts';
import { warsawIso, type WindowView } from '../window-view.ts';
import { COMPONENT_STATUS, maintenanceStatus } from './mapping.ts';

/** Identity of this page in every Statuspage object. */
export const PAGE_ID = 'ikp-status';
// Statuspage pages list a bounded history.
const HISTORY_LIMIT = 50;

/** What every Statuspage body is built from. */
export type SpInput = PublishInput;

type Obj = Record<string, unknown>;

/** The `page` object. */
export function spPage(i: SpInput): Obj {
  return { id: PAGE_ID, name: translator(i.lang)('site.title'), url: `${i.baseUrl}/`, time_zone: 'Europe/Warsaw', updated_at: warsawIso(i.builtAt) };
}

/** The `components` list, in config order. */
export function spComponents(i: SpInput): Obj[] {
  return i.view.components.map((c, index) => {
    const changed = c.since ?? new Date(i.builtAt).toISOString();
    return {
      id: c.id,
      name: c.name[i.lang],
      status: COMPONENT_STATUS[c.status],
      created_at: warsawIso(Date.parse(changed)),
      updated_at: warsawIso(Date.parse(changed)),
      position: index + 1,
      description: null,
      showcase: true,
      start_date: null,
      group_id: null,
      page_id: PAGE_ID,
      group: false,
      only_show_if_degraded: false,
    };
  });
}

function componentRefs(i: SpInput, ids: string[]): Obj[] {
  const all = spComponents(i);
  return all.filter((c) => ids.includes(c.id as string));
}

function update(id: string, parent: string, status: string, body: string, at: string, components: Obj[]): Obj {
  return {
    id,
    status,
    body,
    incident_id: parent,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: components.map((c) => ({ code: c.id, name: c.name, old_status: c.status, new_status: c.status })),
    deliver_notifications: false,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** One incident in Statuspage form (our states and impacts already use its vocabulary). */
export function spIncident(i: SpInput, inc: IncidentView): Obj {
  const components = componentRefs(i, inc.components);
  return {
    id: inc.id,
    name: incidentTitle(inc, i.lang),
    status: inc.state,
    created_at: inc.createdAt,
    updated_at: inc.updatedAt,
    monitoring_at: inc.updates.find((u) => u.state === 'monitoring')?.at ?? null,
    resolved_at: inc.resolvedAt,
    impact: inc.impact,
    shortlink: `${i.baseUrl}/#${anchorId('incident', inc.id)}`,
    started_at: inc.createdAt,
    page_id: PAGE_ID,
    incident_updates: inc.updates.map((u, n) => update(`${inc.id}-${inc.updates.length - n}`, inc.id, u.state, updateBody(u, i.lang), u.at, components)),
    components,
  };
}

/** One maintenance window as a Statuspage scheduled maintenance; the notice text is the single update. */
export function spMaintenance(i: SpInput, w: WindowView): Obj {
  const status = maintenanceStatus(w, i.now);
  const components = componentRefs(i, w.components);
  const end = w.end ?? w.effectiveEnd;
  const link = safeHttpUrl(w.link);
  const body = [w.text || w.title, link].filter(Boolean).join('\n\n');
  return {
    id: w.id,
    name: w.title || translator(i.lang)('maintenance.kind.maintenance'),
    status,
    created_at: w.publishedAt ?? w.updatedAt,
    updated_at: w.updatedAt,
    monitoring_at: null,
    resolved_at: status === 'completed' ? end : null,
    impact: 'maintenance',
    shortlink: link ?? `${i.baseUrl}/#${anchorId('window', w.id)}`,
    started_at: w.start,
    page_id: PAGE_ID,
    incident_updates: [update(`${w.id}-1`, w.id, status, body, w.updatedAt, components)],
    components,
    scheduled_for: w.start,
    scheduled_until: end,
  };
}

/** Maintenance windows a Statuspage client should see: announced ones plus past withdrawn ones, never cancelled. */
export function maintenanceWindows(i: SpInput, which: 'all' | 'upcoming' | 'active'): WindowView[] {
  const only = (list: WindowView[]): WindowView[] => list.filter((w) => w.kind === 'maintenance');
  if (which === 'active') return only(i.view.maintenance.active);
  if (which === 'upcoming') return only(i.view.maintenance.upcoming);
  return only(i.view.windows)
    .filter((w) => w.state === 'announced' || (w.state === 'withdrawn' && Date.parse(w.start) <= i.now))
    .slice(0, HISTORY_LIMIT);
}

/** The `status` object. */
export function spStatus(i: SpInput): Obj {
  // The public state already weighed open incidents: the indicator is formatted, not re-derived.
  const indicator = i.view.overall.indicator;
  return { indicator, description: translator(i.lang)(`sp.indicator.${indicator}`) };
}

/** Every Statuspage v2 body by its path under /api/v2. */
export function spBodies(i: SpInput): Record<string, () => Obj> {
  const page = (): Obj => spPage(i);
  const incidents = (open: boolean): Obj[] =>
    i.view.incidents.filter((x) => !open || x.state !== 'resolved').slice(0, HISTORY_LIMIT).map((x) => spIncident(i, x));
  const maint = (which: 'all' | 'upcoming' | 'active'): Obj[] => maintenanceWindows(i, which).map((w) => spMaintenance(i, w));
  return {
    'summary.json': () => ({
      page: page(),
      components: spComponents(i),
      incidents: incidents(true),
      scheduled_maintenances: [...maint('active'), ...maint('upcoming')],
      status: spStatus(i),
    }),
    'status.json': () => ({ page: page(), status: spStatus(i) }),
    'components.json': () => ({ page: page(), components: spComponents(i) }),
    'incidents.json': () => ({ page: page(), incidents: incidents(false) }),
    'incidents/unresolved.json': () => ({ page: page(), incidents: incidents(true) }),
    'scheduled-maintenances.json': () => ({ page: page(), scheduled_maintenances: maint('all') }),
    'scheduled-maintenances/upcoming.json': () => ({ page: page(), scheduled_maintenances: maint('upcoming') }),
    'scheduled-maintenances/active.json': () => ({ page: page(), scheduled_maintenances: maint('active') }),
  };
}
