import type { Config } from '../../config/schema.ts';
import { timeFormat } from '../../i18n/format.ts';
import { translator, type Lang, type Translate } from '../../i18n/index.ts';
import type { StatusView } from '../../status/status-view.ts';
import { bannerModel, type BannerModel } from './banner.ts';
import { componentCards, type ComponentCard, type ShownTime } from './components-section.ts';
import type { HistoryData } from '../../status/history-data.ts';
import { DAY_CLASSES, historyRows, type DayClass, type HistoryRow } from './history-section.ts';
import { loginSection, type LoginGroup } from './login-section.ts';
import { incidentCards, windowCards, type IncidentCard, type WindowCard } from './windows-section.ts';

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
  help: string;
  /** The 90-day history of incidents and windows. */
  history: string;
}

export type { BannerModel };

/** Everything the EJS views render; strings are final text, escaped by the views. */
export interface PageModel {
  lang: Lang;
  otherLang: Lang;
  t: Translate;
  version: number;
  /** The view's fingerprint: the live script compares it before re-fetching. */
  fingerprint: string;
  generated: ShownTime;
  banner: BannerModel;
  logins: LoginGroup[];
  services: ComponentCard[];
  banks: ComponentCard[];
  maintenance: { active: WindowCard[]; upcoming: WindowCard[]; pending: WindowCard[] };
  incidents: IncidentCard[];
  history: HistoryRow[];
  /** Legend order of the history bar's day classes. */
  dayClasses: readonly DayClass[];
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
    help: lang === 'pl' ? '/pomoc' : '/help',
    history: lang === 'pl' ? '/historia' : '/history',
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
    fingerprint: view.fingerprint,
    generated: { iso: new Date(now).toISOString(), text: t('live.note', { time: fmt.at(now) }) },
    banner: bannerModel(view, names, lang, t, fmt),
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
    dayClasses: DAY_CLASSES,
    links: pageLinks(lang, input.assets),
  };
}
