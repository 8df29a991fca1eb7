import { Router } from 'express';
import type { Config } from '../../config/schema.ts';
import { buildFeed } from '../feeds/build.ts';
import { negotiateLang } from '../i18n/index.ts';
import { BaseUrls } from '../page/base-url.ts';
import type { PreparedCache, SnapshotState } from '../page/prepared-cache.ts';
import { PreparedBody, sendPrepared } from '../page/prepared.ts';

const FORMATS = {
  rss: { path: '/feed.rss', type: 'application/rss+xml; charset=utf-8', render: 'rss2' },
  atom: { path: '/feed.atom', type: 'application/atom+xml; charset=utf-8', render: 'atom1' },
} as const;

/** GET /feed.rss and /feed.atom: incidents and maintenance windows, Polish by default. */
export function feedRoutes(config: Config, cache: PreparedCache): Router {
  const router = Router();
  const bases = new BaseUrls(config.server.publicUrl);
  for (const [name, f] of Object.entries(FORMATS)) {
    router.get(f.path, (req, res) => {
      const lang = negotiateLang(req);
      const { base, cacheKey } = bases.of(req);
      const build = (s: SnapshotState, now: number): PreparedBody => {
        const feed = buildFeed({ config, view: s.view, builtAt: s.builtAt, now, lang, baseUrl: base });
        return new PreparedBody(f.type, feed[f.render]());
      };
      const body = cacheKey === null ? cache.uncached(build) : cache.get(`feed:${name}:${lang}:${cacheKey}`, build);
      sendPrepared(req, res, body, { vary: 'Accept-Language' });
    });
  }
  return router;
}
