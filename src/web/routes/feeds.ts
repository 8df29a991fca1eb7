import { Router } from 'express';
import type { Config } from '../../config/schema.ts';
import { atomWithLang, buildFeed } from '../feeds/build.ts';
import { negotiateLang } from '../../i18n/index.ts';
import { BaseUrls } from '../page/base-url.ts';
import type { PreparedCache, SnapshotState } from '../page/prepared-cache.ts';
import { PreparedBody, sendPrepared } from '../page/prepared.ts';

type Lang = ReturnType<typeof negotiateLang>;
type Render = (input: Parameters<typeof buildFeed>[0], lang: Lang) => string;

const FORMATS: Record<string, { path: string; type: string; render: Render }> = {
  rss: { path: '/feed.rss', type: 'application/rss+xml; charset=utf-8', render: (input) => buildFeed(input).rss2() },
  atom: { path: '/feed.atom', type: 'application/atom+xml; charset=utf-8', render: (input, lang) => atomWithLang(buildFeed(input), lang) },
  json: { path: '/feed.json', type: 'application/feed+json; charset=utf-8', render: (input) => buildFeed(input, 'plain').json1() },
};

/** GET /feed.rss, /feed.atom and /feed.json: incidents and maintenance windows, Polish by default. */
export function feedRoutes(config: Config, cache: PreparedCache): Router {
  const router = Router();
  const bases = new BaseUrls(config.server.publicUrl);
  for (const [name, f] of Object.entries(FORMATS)) {
    router.get(f.path, (req, res) => {
      const lang = negotiateLang(req);
      const { base, cacheKey } = bases.of(req);
      const build = (s: SnapshotState, now: number): PreparedBody => new PreparedBody(f.type, f.render({ config, view: s.view, builtAt: s.builtAt, now, lang, baseUrl: base }, lang));
      const body = cacheKey === null ? cache.uncached(build) : cache.get(`feed:${name}:${lang}:${cacheKey}`, build);
      sendPrepared(req, res, body, { vary: 'Accept-Language' });
    });
  }
  return router;
}
