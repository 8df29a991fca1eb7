import { Router, type Request } from 'express';
import type { Config } from '../../config/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { negotiateLang, translator } from '../../i18n/index.ts';
import { badgeSvg } from '../page/badge-svg.ts';
import type { PreparedCache } from '../page/prepared-cache.ts';
import { PreparedBody, sendPrepared } from '../page/prepared.ts';

/** GET /badge/<component>.svg: a status badge per configured component; unknown ids are a 404 UNKNOWN_COMPONENT. */
export function badgeRoutes(config: Config, cache: PreparedCache): Router {
  const router = Router();
  // Checked before the cache, so arbitrary ids cannot fill it.
  const known = new Set(config.components.map((c) => c.id));
  router.get('/badge/:component.svg', (req: Request<{ component: string }>, res) => {
    const id = req.params.component;
    if (!known.has(id)) throw new AppError('UNKNOWN_COMPONENT');
    const lang = negotiateLang(req);
    const body = cache.get(`badge:${id}:${lang}`, (s) => {
      const c = s.view.components.find((x) => x.id === id);
      const status = c?.status ?? 'unknown';
      return new PreparedBody('image/svg+xml; charset=utf-8', badgeSvg(c?.name[lang] ?? id, translator(lang)(`meaning.${c?.meaning ?? 'unknown'}`), status));
    });
    // Badges are meant to be embedded on other sites (READMEs, intranet pages).
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Access-Control-Allow-Origin', '*');
    sendPrepared(req, res, body, { vary: 'Accept-Language' });
  });
  return router;
}
