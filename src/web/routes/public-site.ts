import { Router } from 'express';
import type { WebDeps } from '../deps.ts';
import { loadAssets } from '../page/assets.ts';
import { PreparedCache } from '../page/prepared-cache.ts';
import { loadViews } from '../page/render.ts';
import { SSE_DEFAULTS, SseHub } from '../sse/hub.ts';
import { sseLimits } from '../sse/limits.ts';
import { badgeRoutes } from './badge.ts';
import { eventRoutes } from './events.ts';
import { feedRoutes } from './feeds.ts';
import { pageRoutes } from './page.ts';
import { statuspageRoutes } from './statuspage.ts';

/** The public site and its machine-readable twins, plus the live-event hub (closed on shutdown). */
export interface PublicSite {
  router: Router;
  events: SseHub;
  cache: PreparedCache;
}

/** Wires the page, feeds, badges, Statuspage v2 JSON and SSE; registers the SSE closer with `onShutdown`. */
export function publicSite(deps: WebDeps): PublicSite {
  const cache = new PreparedCache(deps.snapshot, deps.now);
  const events = new SseHub(deps.snapshot, SSE_DEFAULTS, sseLimits(deps));
  deps.onShutdown?.(() => events.closeAll());
  const router = Router();
  router.use(pageRoutes({ config: deps.config, cache, views: loadViews(), assets: loadAssets() }));
  router.use(feedRoutes(deps.config, cache));
  router.use(badgeRoutes(deps.config, cache));
  router.use(statuspageRoutes(deps.config, cache));
  router.use(eventRoutes(events));
  return { router, events, cache };
}
