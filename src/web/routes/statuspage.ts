import { Router } from 'express';
import type { Config } from '../../config/schema.ts';
import { negotiateLang } from '../../i18n/index.ts';
import { BaseUrls } from '../page/base-url.ts';
import type { PreparedCache, SnapshotState } from '../page/prepared-cache.ts';
import { PreparedBody, sendPrepared } from '../page/prepared.ts';
import { spBodies } from '../statuspage/build.ts';

/** Every path of the Statuspage v2-compatible API, under /api/v2/. */
export const STATUSPAGE_PATHS = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
] as const;

/** GET /api/v2/*.json: Statuspage v2 field names and enums, so existing Statuspage clients work unchanged. */
export function statuspageRoutes(config: Config, cache: PreparedCache): Router {
  const router = Router();
  const bases = new BaseUrls(config.server.publicUrl);
  for (const path of STATUSPAGE_PATHS) {
    router.get(`/api/v2/${path}`, (req, res) => {
      const lang = negotiateLang(req);
      const { base, cacheKey } = bases.of(req);
      const render = (s: SnapshotState, now: number): PreparedBody => {
        const build = spBodies({ config, view: s.view, builtAt: s.builtAt, now, lang, baseUrl: base, transitions: s.history.transitions })[path];
        return new PreparedBody('application/json; charset=utf-8', JSON.stringify(build?.() ?? {}));
      };
      const body = cacheKey === null ? cache.uncached(render) : cache.get(`sp:${path}:${lang}:${cacheKey}`, render);
      res.setHeader('Access-Control-Allow-Origin', '*');
      sendPrepared(req, res, body, { vary: 'Accept-Language' });
    });
  }
  return router;
}
