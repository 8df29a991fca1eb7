import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config/schema.ts';
import { negotiateLang, translator, type Lang } from '../../i18n/index.ts';
import { timeFormat } from '../../i18n/format.ts';
import type { Assets } from '../page/assets.ts';
import { compressResponses } from '../page/http-setup.ts';
import { pageLinks, pageModel, type PageModel } from '../page/page-model.ts';
import { pastPageModel } from '../page/past-model.ts';
import type { PreparedCache, SnapshotState } from '../page/prepared-cache.ts';
import { PreparedBody, sendPrepared } from '../page/prepared.ts';
import type { Views } from '../page/render.ts';

/** What the page routes render from. */
export interface PageDeps {
  config: Config;
  cache: PreparedCache;
  views: Views;
  assets: Assets;
}

const HTML = 'text/html; charset=utf-8';
// Dates of the accessibility statement (ISO, Europe/Warsaw days).
const A11Y = { published: '2026-11-22', updated: '2026-11-22', prepared: '2026-11-22' };

/** GET / (the status page), /fragment (its live region, for the live-update script), the 90-day history, the accessibility statement and static assets. */
export function pageRoutes(d: PageDeps): Router {
  const router = Router();
  // Mounted ahead of the app-wide compression, so the static files get their own.
  router.use(d.assets.prefix, compressResponses(), d.assets.handler);
  const model = (s: SnapshotState, lang: Lang, now: number): PageModel =>
    pageModel({ config: d.config, view: s.view, history: s.history, version: s.version, lang, now, assets: d.assets.urls });

  router.get('/', (req, res) => {
    const lang = negotiateLang(req);
    const body = d.cache.get(`page:${lang}`, (s, now) => new PreparedBody(HTML, d.views.page(model(s, lang, now))));
    sendPrepared(req, res, body, { vary: 'Accept-Language' });
  });

  router.get('/fragment', (req, res) => {
    const lang = negotiateLang(req);
    const body = d.cache.get(`fragment:${lang}`, (s, now) => new PreparedBody(HTML, d.views.fragment(model(s, lang, now))));
    res.setHeader('X-Robots-Tag', 'noindex');
    sendPrepared(req, res, body, { vary: 'Accept-Language', cacheControl: 'no-cache' });
  });

  const statement = (fallback: Lang) => (req: Request, res: Response): void => {
    const lang = negotiateLang(req, fallback);
    const body = d.cache.get(`a11y:${lang}`, (_s, now) => {
      const t = translator(lang);
      const fmt = timeFormat(t, now);
      const day = (iso: string): string => fmt.fullDay(Date.parse(`${iso}T12:00:00+01:00`));
      const m = { lang, otherLang: lang === 'pl' ? ('en' as const) : ('pl' as const), t, links: pageLinks(lang, d.assets.urls) };
      const dates = { published: day(A11Y.published), publishedIso: A11Y.published, updated: day(A11Y.updated), updatedIso: A11Y.updated, prepared: day(A11Y.prepared) };
      return new PreparedBody(HTML, d.views.accessibility(m, dates));
    });
    sendPrepared(req, res, body, { vary: 'Accept-Language' });
  };
  // The history is built from the snapshot like the page (no store read), cached and sent the same way.
  const past = (fallback: Lang) => (req: Request, res: Response): void => {
    const lang = negotiateLang(req, fallback);
    const body = d.cache.get(`past:${lang}`, (s, now) =>
      new PreparedBody(HTML, d.views.past(pastPageModel({ config: d.config, windows: s.view.windows, incidents: s.incidentArchive, lang, now, assets: d.assets.urls }))),
    );
    sendPrepared(req, res, body, { vary: 'Accept-Language' });
  };
  router.get('/historia', past('pl'));
  router.get('/history', past('en'));

  router.get('/deklaracja-dostepnosci', statement('pl'));
  router.get('/accessibility', statement('en'));
  return router;
}
