import type { OneOffResult } from '../../probes/once.ts';
import express, { Router, type RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import type { OperatorDeps } from '../../admin/context.ts';
import { authenticate, writesNeedOperator } from '../../auth/middleware.ts';
import { perIpRateLimiter, type RateLimitStore } from '../rate-limit.ts';
import type { TokenVerifier } from '../../auth/verifier.ts';
import { AppError } from '../../domain/errors.ts';
import { adminHistoryRoutes } from './admin-history.ts';
import { adminIncidentRoutes } from './admin-incidents.ts';
import { adminMaintenanceRoutes } from './admin-maintenance.ts';
import { adminNoticeRoutes } from './admin-notices.ts';
import { adminOverrideRoutes } from './admin-overrides.ts';
import { adminQuarantineRoutes } from './admin-quarantine.ts';

/** What the admin API needs (wired in main.ts). */
export interface AdminWebDeps {
  ops: OperatorDeps;
  verifier: TokenVerifier;
  /** Shared counters across replicas (Redis); per-replica memory when absent. */
  rateLimitStore?: RateLimitStore;
  /** The console's sign-in limiter's shared counters (a separate store: one store serves one limiter). */
  consoleRateLimitStore?: RateLimitStore;
  /** Runs one probe once, nothing stored (the console's "run now"; main.ts passes the app's parser and browser). */
  runProbe?: (probeId: string) => Promise<OneOffResult | null>;
}

/** A body that is present must be JSON. */
const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  next();
};

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Resolves which admin route a request is for before rate limiting and authentication run, so
 * a 401, 403 or 429 is recorded with its real route template instead of `unmatched`.
 */
function labelRoutes(routers: Router[]): RequestHandler {
  const routes = routers.flatMap((r) => (r.stack as RouteLayer[]).flatMap((l) => (l.route ? [{ ...l.route, test: match(l.route.path) }] : [])));
  return (req, res, next) => {
    const method = req.method === 'HEAD' ? 'get' : req.method.toLowerCase();
    const found = routes.find((r) => r.methods[method] && r.test(req.path));
    if (found) res.locals.routeTemplate = `${req.baseUrl}${found.path}`;
    next();
  };
}

/**
 * Writes ask the store first and fail now with 503 STORE_UNAVAILABLE when it cannot answer:
 * a write sent to a frozen Redis would hang, then run later when nobody expects it.
 */
function storeWritable(deps: AdminWebDeps): RequestHandler {
  return async (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    await deps.ops.stores.lifecycle.ping().catch(() => {
      throw new AppError('STORE_UNAVAILABLE');
    });
    next();
  };
}

/** /api/v1/admin/…: rate limit, then bearer token, then role (viewers only read), then JSON bodies. */
export function adminRoutes(deps: AdminWebDeps): Router {
  const { rateLimit } = deps.ops.config.admin;
  const admin = Router();
  const routers = [adminIncidentRoutes(deps.ops), adminMaintenanceRoutes(deps.ops), adminNoticeRoutes(deps.ops), adminOverrideRoutes(deps.ops), adminHistoryRoutes(deps.ops), adminQuarantineRoutes(deps.ops)];
  admin.use(labelRoutes(routers));
  // Before authentication, so guessing tokens is throttled too.
  admin.use(perIpRateLimiter({ windowMs: rateLimit.window, limit: rateLimit.max, store: deps.rateLimitStore }));
  admin.use(authenticate(deps.verifier), writesNeedOperator, requireJson, express.json({ limit: '64kb' }), storeWritable(deps));
  admin.use(...routers);
  const router = Router();
  router.use('/api/v1/admin', admin);
  return router;
}
