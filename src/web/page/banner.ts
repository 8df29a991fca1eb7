import type { BannerKind, Meaning } from '../../domain/public-state.ts';
import type { ComponentStatus } from '../../domain/types.ts';
import type { TimeFormat } from '../../i18n/format.ts';
import type { Lang, Translate } from '../../i18n/index.ts';
import type { StatusView } from '../../status/status-view.ts';
import { incidentTitle, isOpen } from '../../status/incident-view.ts';
import { nameList } from './windows-section.ts';

export type { BannerKind };

/** The banner as shown: the public state's headline, in words. */
export interface BannerModel {
  kind: BannerKind;
  icon: ComponentStatus;
  title: string;
  /** One sentence per open incident and per kind of trouble (each maintenance with its window's own times). */
  lines: string[];
  you: string;
  lastCheck: string;
}

const ICON: Record<Exclude<BannerKind, 'incident'>, ComponentStatus> = {
  blind: 'unknown',
  outage: 'outage',
  maintenance: 'maintenance',
  partial: 'degraded',
  slow: 'degraded',
  unverified: 'unknown',
  unknown: 'unknown',
  ok: 'operational',
};

// One line per kind of lesser trouble, each with its own words ("wolniej" for measured slowness alone).
const LESSER: [Meaning, 'banner.partial.text' | 'banner.slow.text' | 'banner.unverified.text' | 'banner.unknown.text'][] = [
  ['partial', 'banner.partial.text'],
  ['slow', 'banner.slow.text'],
  ['unverified', 'banner.unverified.text'],
  ['unknown', 'banner.unknown.text'],
];

/**
 * Formats the headline of the public state (the kind is decided there, never here). Only `ok`
 * says everything works; a blind or stale monitor says how old its data is and claims nothing else.
 */
export function bannerModel(view: StatusView, names: Map<string, string>, lang: Lang, t: Translate, fmt: TimeFormat): BannerModel {
  const p = view.public;
  const open = view.incidents.filter(isOpen);
  const icon: ComponentStatus = p.banner === 'incident' ? (open.some((i) => i.impact !== 'minor') ? 'outage' : 'degraded') : ICON[p.banner];
  const lines: string[] = [];
  // The cards say "lost connectivity" exactly when the guard fired; the headline says the same then.
  const guardFired = p.components.some((c) => c.reason === 'monitor_offline');
  if (p.banner === 'blind') {
    // Unread operator records come first: even fresh checks cannot say what an override or window would.
    lines.push(p.recordsUnavailable ? t('banner.recordsUnavailable.text') : guardFired ? t('banner.blind.text') : p.dataAsOf === null ? t('banner.noData.text') : p.stale ? t('banner.stale.text', { time: fmt.at(p.dataAsOf), ago: fmt.ago(p.dataAsOf) }) : t('banner.blind.text'));
  }
  for (const i of open) {
    lines.push(t('banner.incident.line', { impact: t(`incident.impact.${i.impact}`), title: incidentTitle(i, lang), list: nameList(i.components, names) }));
  }
  const down = p.components.filter((c) => c.status === 'outage' && c.reason !== 'incident');
  if (down.length > 0) {
    const since = Math.min(...down.map((c) => c.since ?? p.at));
    lines.push(`${t('banner.outage.text', { list: nameList(down.map((c) => c.id), names) })} ${t('banner.since', { time: fmt.at(since) })}`);
  }
  // Each window with its own start and end, not when the monitor noticed it.
  const windows = new Map<string, { start: number; end: number | null; ids: string[] }>();
  for (const c of p.components) {
    if (c.status !== 'maintenance') continue;
    const key = c.behind?.kind === 'window' ? c.behind.id : `component:${c.id}`;
    const w = windows.get(key) ?? { start: c.since ?? p.at, end: c.until, ids: [] };
    w.ids.push(c.id);
    windows.set(key, w);
  }
  for (const w of windows.values()) lines.push(t('banner.maintenance.line', { list: nameList(w.ids, names), range: fmt.range(w.start, w.end) }));
  // An incident's own line already names its components; a blind monitor's components are all "we don't know".
  for (const [meaning, key] of LESSER) {
    const list = p.components.filter((c) => c.meaning === meaning && c.reason !== 'incident').map((c) => c.id);
    if (list.length > 0 && !p.blind) lines.push(t(key, { list: nameList(list, names) }));
  }
  if (p.banner === 'ok') lines.push(t('banner.ok.text'));
  // "Jak zalogować się inaczej" only while some other way is known to work.
  const noOther = (p.banner === 'outage' || p.banner === 'maintenance') && !p.logins.some((l) => l.works === true);
  return {
    kind: p.banner,
    icon,
    title: t(`banner.${p.banner}.title`),
    lines,
    you: noOther ? t(p.banner === 'outage' ? 'banner.outage.youNoOther' : 'banner.maintenance.youNoOther') : t(`banner.${p.banner}.you`),
    // A blind monitor still says when it last ran a check, and that those runs prove nothing yet.
    lastCheck:
      p.dataAsOf === null
        ? t('banner.neverChecked')
        : t(p.blind && !p.stale && !p.recordsUnavailable ? 'banner.blindCheck' : 'banner.lastCheck', { time: fmt.at(p.dataAsOf), ago: fmt.ago(p.dataAsOf) }),
  };
}
