import { DateTime } from 'luxon';
import type { Config } from '../../config/schema.ts';
import { timeFormat, ZONE } from '../../i18n/format.ts';
import { translator, type Lang, type Translate } from '../../i18n/index.ts';
import type { WindowView } from '../../status/window-view.ts';
import type { ShownTime } from './components-section.ts';
import { HISTORY_DAYS } from '../../status/history-data.ts';
import { incidentTitle, updateBody, type IncidentView } from '../../status/incident-view.ts';
import { pageLinks, type PageInput, type PageLinks } from './page-model.ts';
import { anchorId, safeHttpUrl } from './safe-url.ts';
import { excerpt, nameList } from './windows-section.ts';

const DAY_MS = 86_400_000;

/** One line of an item's times: a term (`Początek`) and its time, a range, or words (`trwa nadal`). */
export interface TimeRow {
  term: string;
  at: ShownTime | null;
  until: ShownTime | null;
  note: string | null;
}

/** An incident on the history page. Title and update bodies are operator text: the view escapes the title and renders bodies as safe Markdown. */
export interface PastIncident {
  type: 'incident';
  anchor: string;
  icon: 'outage' | 'degraded' | 'operational';
  title: string;
  impactText: string;
  stateText: string;
  affects: string;
  /** Start, and end once resolved (else `trwa nadal`). */
  times: TimeRow[];
  /** Oldest first: the story as it unfolded. */
  updates: { at: ShownTime; stateText: string; body: string }[];
}

/** A maintenance window or announced outage on the history page (notice text is untrusted: escaped by the view). */
export interface PastWindow {
  type: 'window';
  anchor: string;
  kind: WindowView['kind'];
  kindText: string;
  title: string;
  text: string;
  affects: string;
  /** Start and end; for a called-off window, the time it was announced for and when it was called off. */
  times: TimeRow[];
  /** `Odwołana` when it was cancelled or its notice withdrawn before its end. */
  cancelled: string | null;
  link: string | null;
  source: string;
}

export type PastEntry = PastIncident | PastWindow;

/** One month of the history, newest month first. */
export interface PastMonth {
  id: string;
  heading: string;
  entries: PastEntry[];
}

/** What views/history.ejs renders. */
export interface PastPageModel {
  lang: Lang;
  otherLang: Lang;
  t: Translate;
  links: PageLinks;
  months: PastMonth[];
}

/** Inputs of one history render: the snapshot's windows and incident archive at one instant. */
export interface PastInput {
  config: Config;
  windows: WindowView[];
  incidents: IncidentView[];
  lang: Lang;
  now: number;
  assets: PageInput['assets'];
}

/** The history page's own URLs: the language switch goes to the other language's history. */
export function pastLinks(lang: Lang, assets: PageInput['assets']): PageLinks {
  return { ...pageLinks(lang, assets), otherLang: lang === 'pl' ? '/history' : '/historia' };
}

/**
 * The last 90 days of incidents and windows, newest first, grouped by Warsaw month. An item
 * counts when it began by `now` and was still going at the cutoff or later; upcoming windows
 * stay on the main page, and suggestions nobody confirmed were never public.
 */
export function pastPageModel(input: PastInput): PastPageModel {
  const { config, lang, now } = input;
  const t = translator(lang);
  const fmt = timeFormat(t, now);
  const names = new Map(config.components.map((c) => [c.id, c.name[lang]]));
  const cutoff = now - HISTORY_DAYS * DAY_MS;
  // Always with the year: the history is read weeks later, and across New Year.
  const clock = (iso: string): string => DateTime.fromMillis(Date.parse(iso), { zone: ZONE }).toFormat(t('fmt.time'));
  const full = (iso: string): ShownTime => ({ iso, text: t('time.at', { day: fmt.fullDay(Date.parse(iso)), time: clock(iso) }) });
  // The end of a range on its start's day is its time alone: `30 marca 2026, 22:00 – 23:00`.
  const until = (fromIso: string, iso: string): ShownTime =>
    DateTime.fromISO(fromIso, { zone: ZONE }).hasSame(DateTime.fromISO(iso, { zone: ZONE }), 'day') ? { iso, text: clock(iso) } : full(iso);
  const incidents = input.incidents
    .filter((i) => Date.parse(i.createdAt) <= now && (i.resolvedAt === null || Date.parse(i.resolvedAt) >= cutoff))
    .map((i): [number, PastEntry] => [Date.parse(i.createdAt), pastIncident(i, names, lang, t, full)]);
  const windows = input.windows
    .filter((w) => wasPublic(w) && Date.parse(w.start) <= now && Math.max(Date.parse(w.effectiveEnd), Date.parse(w.updatedAt)) >= cutoff)
    .map((w): [number, PastEntry] => [Date.parse(w.start), pastWindow(w, names, t, { full, until }, now)]);
  const sorted = [...incidents, ...windows].sort((a, b) => b[0] - a[0]);
  const monthName = new Intl.DateTimeFormat(t('fmt.intlLocale'), { month: 'long', year: 'numeric', timeZone: ZONE });
  const months: PastMonth[] = [];
  for (const [at, entry] of sorted) {
    const id = `m-${DateTime.fromMillis(at, { zone: ZONE }).toFormat('yyyy-MM')}`;
    let month = months.at(-1);
    if (month?.id !== id) {
      const name = monthName.format(at);
      month = { id, heading: name.charAt(0).toLocaleUpperCase(t('locale')) + name.slice(1), entries: [] };
      months.push(month);
    }
    month.entries.push(entry);
  }
  return { lang, otherLang: lang === 'pl' ? 'en' : 'pl', t, links: pastLinks(lang, input.assets), months };
}

/**
 * Whether a kept window was ever public. Pending suggestions never were; a cancelled one that was
 * not called off is a rejected suggestion, and a withdrawn one that was not called off before its
 * end was a suggestion when its notice went (called-off.ts draws the same lines).
 */
function wasPublic(w: WindowView): boolean {
  if (w.state === 'pending') return false;
  if (w.state === 'cancelled') return w.calledOff !== null;
  if (w.state === 'withdrawn' && w.calledOff === null) return Date.parse(w.updatedAt) >= Date.parse(w.effectiveEnd);
  return true;
}

function pastIncident(i: IncidentView, names: Map<string, string>, lang: Lang, t: Translate, full: (iso: string) => ShownTime): PastIncident {
  const ended = i.resolvedAt === null ? row(t('past.end'), null, null, t('past.ongoing')) : row(t('past.end'), full(i.resolvedAt));
  return {
    type: 'incident',
    anchor: anchorId('incident', i.id),
    icon: i.state === 'resolved' ? 'operational' : i.impact === 'minor' ? 'degraded' : 'outage',
    title: incidentTitle(i, lang),
    impactText: t(`incident.impact.${i.impact}`),
    stateText: t(`incident.state.${i.state}`),
    affects: t('incidents.affects', { list: nameList(i.components, names) }),
    times: [row(t('past.start'), full(i.createdAt)), ended],
    // The view keeps updates newest first; a history reads from the start.
    updates: [...i.updates].reverse().map((u) => ({ at: full(u.at), stateText: t(`incident.state.${u.state}`), body: updateBody(u, lang) })),
  };
}

function pastWindow(
  w: WindowView,
  names: Map<string, string>,
  t: Translate,
  { full, until }: { full: (iso: string) => ShownTime; until: (fromIso: string, iso: string) => ShownTime },
  now: number,
): PastWindow {
  const start = full(w.start);
  const end = w.end === null ? null : full(w.end);
  const off = w.calledOff;
  const times = off
    ? [row(t('past.planned'), start, w.end === null ? null : until(w.start, w.end), w.end === null ? t('past.plannedOpen') : null), row(t(`past.calledOff.${off.how}`), full(off.at))]
    : [
        row(t('past.start'), start),
        end === null ? row(t('past.end'), null, null, t('past.endUnknown')) : row(t(Date.parse(w.end!) <= now ? 'past.end' : 'past.endPlanned'), end),
      ];
  return {
    type: 'window',
    anchor: anchorId('window', w.id),
    kind: w.kind,
    kindText: t(`maintenance.kind.${w.kind}`),
    title: excerpt(w.title, 200),
    text: excerpt(w.text),
    affects: t('maintenance.affects', { list: nameList(w.components, names) }),
    times,
    cancelled: off ? t('past.cancelled') : null,
    link: safeHttpUrl(w.link),
    source: t(w.source === 'manual' ? 'maintenance.sourceOperator' : 'maintenance.sourceNotice'),
  };
}

function row(term: string, at: ShownTime | null, until: ShownTime | null = null, note: string | null = null): TimeRow {
  return { term, at, until, note };
}
