import type { TimeFormat } from '../../i18n/format.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import type { WindowView } from '../../status/window-view.ts';
import type { ShownTime } from './components-section.ts';
import { incidentTitle, updateBody, type IncidentView } from '../../status/incident-view.ts';
import { anchorId, safeHttpUrl } from './safe-url.ts';

// Notices can be long; the page shows the start and links to the source for the rest.
const TEXT_LIMIT = 400;

/** A maintenance or announced-outage window on the page (title and text are untrusted: escaped by the view). */
export interface WindowCard {
  id: string;
  anchor: string;
  kind: WindowView['kind'];
  kindText: string;
  title: string;
  text: string;
  when: string;
  start: string;
  end: string | null;
  affects: string;
  link: string | null;
  source: string;
}

/** An incident on the page. */
export interface IncidentCard {
  id: string;
  anchor: string;
  open: boolean;
  /** Status shape and colour: outage (major, critical), degraded (minor) or operational once resolved. */
  icon: 'outage' | 'degraded' | 'operational';
  title: string;
  impactText: string;
  stateText: string;
  affects: string;
  started: ShownTime;
  resolved: ShownTime | null;
  updates: { at: ShownTime; stateText: string; body: string }[];
}

/** Cuts untrusted text to a readable length on a word boundary. */
export function excerpt(text: string, limit = TEXT_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Names of components, joined for a sentence. */
export function nameList(ids: string[], names: Map<string, string>): string {
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

/** Window cards with Warsaw time ranges written the local way (`27 stycznia, 22:00–23:00`). */
export function windowCards(windows: WindowView[], names: Map<string, string>, t: Translate, fmt: TimeFormat): WindowCard[] {
  return windows.map((w) => ({
    id: w.id,
    anchor: anchorId('window', w.id),
    kind: w.kind,
    kindText: t(`maintenance.kind.${w.kind}`),
    title: excerpt(w.title, 200),
    text: excerpt(w.text),
    when: fmt.range(Date.parse(w.start), w.end === null ? null : Date.parse(w.end)),
    start: w.start,
    end: w.end,
    affects: t('maintenance.affects', { list: nameList(w.components, names) }),
    link: safeHttpUrl(w.link),
    // Source ids (`manual`, probe ids) are codes: the page says who announced it in words.
    source: t(w.source === 'manual' ? 'maintenance.sourceOperator' : 'maintenance.sourceNotice'),
  }));
}

/** Incident cards: open ones first, then the rest newest first. */
export function incidentCards(incidents: IncidentView[], names: Map<string, string>, lang: Lang, t: Translate, fmt: TimeFormat): IncidentCard[] {
  const shown = (iso: string, key: 'incidents.started' | 'incidents.resolved'): ShownTime => ({ iso, text: t(key, { time: fmt.at(Date.parse(iso)) }) });
  const sorted = [...incidents].sort((a, b) => Number(b.state !== 'resolved') - Number(a.state !== 'resolved') || Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return sorted.map((i) => ({
    id: i.id,
    anchor: anchorId('incident', i.id),
    open: i.state !== 'resolved',
    icon: i.state === 'resolved' ? 'operational' : i.impact === 'minor' ? 'degraded' : 'outage',
    title: incidentTitle(i, lang),
    impactText: t(`incident.impact.${i.impact}`),
    stateText: t(`incident.state.${i.state}`),
    affects: t('incidents.affects', { list: nameList(i.components, names) }),
    started: shown(i.createdAt, 'incidents.started'),
    resolved: i.resolvedAt ? shown(i.resolvedAt, 'incidents.resolved') : null,
    updates: i.updates.map((u) => ({ at: { iso: u.at, text: fmt.at(Date.parse(u.at)) }, stateText: t(`incident.state.${u.state}`), body: updateBody(u, lang) })),
  }));
}
