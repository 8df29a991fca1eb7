import { createHash } from 'node:crypto';
import type { ComponentStatus, StatusTransition } from '../../domain/types.ts';
import { translator } from '../../i18n/index.ts';
import { incidentTitle, updateBody, type IncidentView } from '../../status/incident-view.ts';
import { anchorId, safeHttpUrl } from '../page/safe-url.ts';
import type { PublishInput } from '../publish-input.ts';
import { type WindowView } from '../../status/window-view.ts';
import { warsawIso } from '../../domain/warsaw.ts';
import { COMPONENT_STATUS, INDICATOR_DESCRIPTION, UNKNOWN_DESCRIPTION, maintenanceStatus, type SpComponentStatus } from './mapping.ts';

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

/**
 * A URL-safe id for objects whose own id holds characters such as `#` (notice windows are
 * `<noticeKey>#<n>`): a stable hash, 16 hex characters like Statuspage's short ids.
 */
export function spId(id: string): string {
  return /^[A-Za-z0-9_-]+$/.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 16);
}

/** A component's status at `at` from its recorded changes; null when nothing was recorded by then. */
export function statusAt(changes: StatusTransition[] | undefined, at: number): ComponentStatus | null {
  let found: ComponentStatus | null = null;
  for (const t of changes ?? []) {
    if (t.at > at) break;
    found = t.status;
  }
  return found;
}

/** The status a component had before the change that was in force at `at` (what an outage changed from); null when unknown. */
export function statusBefore(changes: StatusTransition[] | undefined, at: number): ComponentStatus | null {
  const list = changes ?? [];
  let k = -1;
  for (let n = 0; n < list.length && list[n]!.at <= at; n += 1) k = n;
  return k > 0 ? list[k - 1]!.status : null;
}

/** The `components` list, in config order. created_at is the first recorded change (first seen), updated_at the latest. */
export function spComponents(i: SpInput): Obj[] {
  return i.view.components.map((c, index) => {
    const changed = c.since ? Date.parse(c.since) : i.builtAt;
    const first = i.transitions?.[c.id]?.[0]?.at ?? changed;
    return {
      id: c.id,
      name: c.name[i.lang],
      status: c.meaning === 'partial' ? 'partial_outage' : COMPONENT_STATUS[c.status],
      created_at: warsawIso(Math.min(first, changed)),
      updated_at: warsawIso(changed),
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

/** What each affected component was before and after an update: its recorded status then, else its current one. */
type Affected = { code: string; name: string; old_status: SpComponentStatus; new_status: SpComponentStatus }[];

/** `before`: the previous update's time, or null for the first update (then the status the current spell changed from). */
function affected(i: SpInput, components: Obj[], before: number | null, at: number): Affected {
  return components.map((c) => {
    const id = c.id as string;
    const current = c.status as SpComponentStatus;
    const changes = i.transitions?.[id];
    const after = statusAt(changes, at);
    const prior = before === null ? statusBefore(changes, at) : statusAt(changes, before);
    const newStatus = after ? COMPONENT_STATUS[after] : current;
    return { code: id, name: c.name as string, old_status: prior ? COMPONENT_STATUS[prior] : newStatus, new_status: newStatus };
  });
}

function update(id: string, parent: string, status: string, body: string, at: string, components: Affected): Obj {
  return {
    id,
    status,
    body,
    incident_id: parent,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: components,
    deliver_notifications: false,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** One incident in Statuspage form (our states and impacts already use its vocabulary). */
export function spIncident(i: SpInput, inc: IncidentView): Obj {
  const components = componentRefs(i, inc.components);
  return {
    id: spId(inc.id),
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
    // Updates are newest first; each one's "old" status is the one at the previous update (or just before the incident).
    incident_updates: inc.updates.map((u, n) => {
      const previous = inc.updates[n + 1]?.at;
      const before = previous === undefined ? null : Date.parse(previous);
      const id = spId(inc.id);
      return update(`${id}-${inc.updates.length - n}`, id, u.state, updateBody(u, i.lang), u.at, affected(i, components, before, Date.parse(u.at)));
    }),
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
  const id = spId(w.id);
  const start = Date.parse(w.start);
  return {
    id,
    name: w.title || translator(i.lang)('maintenance.kind.maintenance'),
    status,
    created_at: w.publishedAt ?? w.updatedAt,
    updated_at: w.updatedAt,
    monitoring_at: null,
    resolved_at: status === 'completed' ? end : null,
    impact: 'maintenance',
    // Statuspage's shortlink leads to the status page; the notice's own link stays in the update body.
    shortlink: `${i.baseUrl}/#${anchorId('window', w.id)}`,
    // The actual start: null while the window is only scheduled.
    started_at: status === 'scheduled' ? null : w.start,
    page_id: PAGE_ID,
    incident_updates: [update(`${id}-1`, id, status, body, w.updatedAt, affected(i, components, null, Math.max(start, Math.min(i.now, Date.parse(w.updatedAt)))))],
    components,
    scheduled_for: w.start,
    scheduled_until: end,
  };
}

/**
 * Maintenance windows a Statuspage client should see: announced ones plus withdrawn ones that had
 * begun (completed), never cancelled ones nor ones withdrawn before they began: Statuspage has no
 * cancelled status, and a cancelled maintenance is deleted there.
 */
export function maintenanceWindows(i: SpInput, which: 'all' | 'upcoming' | 'active'): WindowView[] {
  const only = (list: WindowView[]): WindowView[] => list.filter((w) => w.kind === 'maintenance');
  if (which === 'active') return only(i.view.maintenance.active);
  if (which === 'upcoming') return only(i.view.maintenance.upcoming);
  return only(i.view.windows)
    .filter((w) => w.state === 'announced' || (w.state === 'withdrawn' && w.wasAnnounced && !w.calledOff?.beforeStart && Date.parse(w.start) <= i.now))
    .slice(0, HISTORY_LIMIT);
}

/** The `status` object. */
export function spStatus(i: SpInput): Obj {
  // The public state already weighed open incidents: the indicator is formatted, not re-derived; descriptions are Statuspage's English strings.
  const indicator = i.view.overall.indicator;
  // Statuspage has no "unknown": its "Minor Service Outage" would claim an outage we have not seen.
  const description = UNKNOWN_DESCRIPTION[i.view.public.banner] ?? INDICATOR_DESCRIPTION[indicator];
  return { indicator, description };
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
