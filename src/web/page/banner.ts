import type { BannerKind } from '../../domain/public-state.ts';
import type { ComponentStatus } from '../../domain/types.ts';
import type { TimeFormat } from '../i18n/format.ts';
import type { Lang, Translate } from '../i18n/index.ts';
import type { StatusView } from '../status-view.ts';
import { incidentTitle, isOpen } from './incident-view.ts';
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
  degraded: 'degraded',
  partial: 'unknown',
  ok: 'operational',
};

/**
 * Formats the headline of the public state (the kind is decided there, never here). Only `ok`
 * says everything works; a blind or stale monitor says how old its data is and claims nothing else.
 */
export function bannerModel(view: StatusView, names: Map<string, string>, lang: Lang, t: Translate, fmt: TimeFormat): BannerModel {
  const p = view.public;
  const open = view.incidents.filter(isOpen);
  const icon: ComponentStatus = p.banner === 'incident' ? (open.some((i) => i.impact !== 'minor') ? 'outage' : 'degraded') : ICON[p.banner];
  const lines: string[] = [];
  if (p.banner === 'blind') {
    lines.push(p.dataAsOf === null ? t('banner.noData.text') : p.stale ? t('banner.stale.text', { time: fmt.at(p.dataAsOf), ago: fmt.ago(p.dataAsOf) }) : t('banner.blind.text'));
  }
  for (const i of open) {
    lines.push(t('banner.incident.line', { impact: t(`incident.impact.${i.impact}`), title: incidentTitle(i, lang), list: nameList(i.components, names) }));
  }
  const ids = (status: ComponentStatus): string[] => p.components.filter((c) => c.status === status).map((c) => c.id);
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
  const slow = p.components.filter((c) => c.status === 'degraded' && c.reason !== 'incident').map((c) => c.id);
  if (slow.length > 0) lines.push(t('banner.degraded.text', { list: nameList(slow, names) }));
  if (!p.blind && ids('unknown').length > 0) lines.push(t('banner.partial.text', { list: nameList(ids('unknown'), names) }));
  if (p.banner === 'ok') lines.push(t('banner.ok.text'));
  return {
    kind: p.banner,
    icon,
    title: t(`banner.${p.banner}.title`),
    lines,
    you: t(`banner.${p.banner}.you`),
    // A blind monitor's latest runs cannot be trusted, so it never says when it "checked".
    lastCheck: p.dataAsOf === null ? t('banner.neverChecked') : p.blind && !p.stale ? t('banner.blindCheck') : t('banner.lastCheck', { time: fmt.at(p.dataAsOf), ago: fmt.ago(p.dataAsOf) }),
  };
}
