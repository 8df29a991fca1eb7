import express, { type Express } from 'express';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/definitions.ts';
import { observeHttpRequest } from '../metrics/http-observer.ts';
import type { StorePorts } from '../store/ports.ts';
import { errorHandler, notFound, rejectContentEncoding } from './errors.ts';
import { adminRoutes, type AdminWebDeps } from './routes/admin.ts';
import { consoleRoutes } from './console/routes.ts';
import { compressResponses, securityHeaders } from './page/http-setup.ts';
import { healthRoutes } from './routes/health.ts';
import { maintenanceRoutes } from './routes/maintenance.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { publicSite } from './routes/public-site.ts';
import { statusRoutes } from './routes/status.ts';
import { triageFaces, type TriageWebOptions } from './routes/triage.ts';
import type { StatusSnapshot } from './snapshot.ts';
import { requestContext } from './request-context.ts';

/** Everything the web layer reads from; it never writes probe data. */
export interface WebDeps {
  config: Config;
  stores: StorePorts;
  snapshot: StatusSnapshot;
  logger: Logger;
  now: () => number;
  /** Serves GET /metrics and times every request when present. */
  metrics?: Metrics;
  /**
   * Registers work for a graceful stop, run after probing stops and before the server closes.
   * Long-lived responses (SSE streams) register their closer here to send a last event and end.
   */
  onShutdown?: (close: () => Promise<void> | void) => void;
  /** Triage wiring: metrics hook (onTriage), shared rate-limit store, budget. */
  triage?: TriageWebOptions;
  /** Serves the authenticated admin API under /api/v1/admin when present. */
  admin?: AdminWebDeps;
}

/** Builds the express app: routes only, no listening. */
export function createWebApp(deps: WebDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.set('trust proxy', deps.config.server.trustProxy);
  app.use(requestContext(deps.logger, deps.metrics && observeHttpRequest(deps.metrics)));
  app.use(securityHeaders(deps.config.server.hsts));
  app.use(rejectContentEncoding);
  // Prepared bodies (page, feeds, badges, Statuspage JSON, /api/v1/status) carry their own gzip; the rest is compressed on the fly.
  app.use(statusRoutes(deps.snapshot, deps.now));
  app.use(publicSite(deps).router);
  app.use(compressResponses());
  if (deps.metrics) app.use(metricsRoutes(deps.metrics.registry));
  app.use(healthRoutes(deps.stores.lifecycle));
  app.use(maintenanceRoutes(deps.snapshot, deps.config, deps.now));
  app.use(triageFaces(deps));
  if (deps.admin) app.use(adminRoutes(deps.admin), consoleRoutes({ admin: deps.admin, snapshot: deps.snapshot, now: deps.now }));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
