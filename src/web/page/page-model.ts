import type { Config } from '../../config/schema.ts';
import { timeFormat } from '../i18n/format.ts';
import { translator, type Lang, type Translate } from '../i18n/index.ts';
import type { StatusView } from '../status-view.ts';
import { bannerFor, staleAfterMs, type BannerKind } from './banner.ts';
import { componentCards, type ComponentCard, type ShownTime } from './components-section.ts';
import type { HistoryData } from './history-data.ts';
import { historyRows, type HistoryRow } from './history-section.ts';
import { incidentTitle } from './incident-view.ts';
import { loginSection, type LoginGroup } from './login-section.ts';
import { incidentCards, nameList, windowCards, type IncidentCard, type WindowCard } from './windows-section.ts';

/** URLs the page links to, per language. */
export interface PageLinks {
  css: string;
  js: string;
  favicon: string;
  home: string;
  otherLang: string;
  a11y: string;
  rss: string;
  atom: string;
  ics: string;
  api: string;
}

/** The banner as shown. */
export interface BannerModel {
  kind: BannerKind;
  icon: string;
  title: string;
  text: string | null;
  /** Since when (and until when, if announced) the trouble lasts. */
  when: string | null;
  you: string;
  lastCheck: string;
}

/** Everything the EJS views render; strings are final text, escaped by the views. */
export interface PageModel {
  lang: Lang;
  otherLang: Lang;
  t: Translate;
  version: number;
  generated: ShownTime;
  banner: BannerModel;
  logins: LoginGroup[];
  services: ComponentCard[];
  banks: ComponentCard[];
  maintenance: { active: WindowCard[]; upcoming: WindowCard[]; pending: WindowCard[] };
  incidents: IncidentCard[];
  history: HistoryRow[];
  links: PageLinks;
}

/** Inputs of one page render. */
export interface PageInput {
  config: Config;
  view: StatusView;
  history: HistoryData;
  version: number;
  lang: Lang;
  now: number;
  assets: { css: string; js: string; favicon: string };
}

/** The links of the page in one language (Polish URLs carry no `?lang`). */
export function pageLinks(lang: Lang, assets: PageInput['assets']): PageLinks {
  const q = lang === 'pl' ? '' : `?lang=${lang}`;
  return {
    ...assets,
    home: `/${q}`,
    otherLang: lang === 'pl' ? '/?lang=en' : '/?lang=pl',
    a11y: lang === 'pl' ? '/deklaracja-dostepnosci' : '/accessibility',
    rss: `/feed.rss${q}`,
    atom: `/feed.atom${q}`,
    ics: '/maintenance.ics',
    api: '/api/v2/summary.json',
  };
}

/** Builds the page model from the snapshot for one language at one instant. */
export function pageModel(input: PageInput): PageModel {
  const { config, view, lang, now } = input;
  const t = translator(lang);
  const fmt = timeFormat(t, now);
  const names = new Map(config.components.map((c) => [c.id, c.name[lang]]));
  const cards = componentCards(view.components, names, t, fmt);
  return {
    lang,
    otherLang: lang === 'pl' ? 'en' : 'pl',
    t,
    version: input.version,
    generated: { iso: new Date(now).toISOString(), text: t('live.note', { time: fmt.at(now) }) },
    banner: bannerModel(input, names, t, fmt),
    logins: loginSection({ view, methods: config.loginMethods, names, lang, t, fmt }),
    services: cards.filter((c) => c.kind === 'service'),
    banks: cards.filter((c) => c.kind === 'bank'),
    maintenance: {
      active: windowCards(view.maintenance.active, names, t, fmt),
      upcoming: windowCards(view.maintenance.upcoming, names, t, fmt),
      pending: windowCards(view.maintenance.pending ?? [], names, t, fmt),
    },
    incidents: incidentCards(view.incidents, names, lang, t, fmt),
    history: historyRows(input.history, config.components.map((c) => c.id), names, t, fmt),
    links: pageLinks(lang, input.assets),
  };
}

function bannerModel(input: PageInput, names: Map<string, string>, t: Translate, fmt: ReturnType<typeof timeFormat>): BannerModel {
  const { view, config, now, lang } = input;
  const b = bannerFor(view, view.incidents, now, staleAfterMs(config));
  const incidentTitles = view.incidents.filter((i) => b.incidents.includes(i.id)).map((i) => incidentTitle(i, lang));
  const list = [nameList(b.components, names), ...incidentTitles].filter(Boolean).join(', ');
  const last = b.lastCheckedAt === null ? null : Date.parse(b.lastCheckedAt);
  const text = b.kind === 'blind' ? t('banner.blind.text') : b.kind === 'ok' ? t('banner.ok.text') : list ? t(`banner.${b.kind}.text`, { list }) : null;
  return {
    kind: b.kind,
    icon: b.icon,
    title: t(`banner.${b.kind}.title`),
    text,
    when: bannerWhen(view, b.components, fmt, t),
    you: t(`banner.${b.kind}.you`),
    lastCheck: last === null ? t('banner.neverChecked') : t('banner.lastCheck', { time: fmt.at(last), ago: fmt.ago(last) }),
  };
}

/** "Trwa od 21:05." or, when a window announces the end, "Czas trwania: 27 stycznia, 21:00–23:00." */
function bannerWhen(view: StatusView, ids: string[], fmt: ReturnType<typeof timeFormat>, t: Translate): string | null {
  const since = view.components.filter((c) => ids.includes(c.id) && c.since).map((c) => Date.parse(c.since!));
  if (since.length === 0) return null;
  const start = Math.min(...since);
  const ends = view.maintenance.active.filter((w) => w.end !== null && w.components.some((c) => ids.includes(c))).map((w) => Date.parse(w.end!));
  return ends.length > 0 ? t('banner.window', { range: fmt.range(start, Math.max(...ends)) }) : t('banner.since', { time: fmt.at(start) });
}
