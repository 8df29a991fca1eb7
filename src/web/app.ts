import express, { type Express } from 'express';
import { observeHttpRequest } from './http-metrics.ts';
import type { WebDeps } from './deps.ts';
import { errorHandler, notFound, rejectContentEncoding } from './errors.ts';
import { adminRoutes } from './routes/admin.ts';
import { consoleRoutes } from './console/routes.ts';
import { compressResponses, securityHeaders } from './page/http-setup.ts';
import { healthRoutes } from './routes/health.ts';
import { maintenanceRoutes } from './routes/maintenance.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { publicSite } from './routes/public-site.ts';
import { statusRoutes } from './routes/status.ts';
import { triageFaces } from './routes/triage.ts';
import { requestContext } from './request-context.ts';

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
