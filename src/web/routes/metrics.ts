import { Router } from 'express';
import type { Registry } from 'prom-client';

/** GET /metrics: the Prometheus text exposition of this replica's registry. */
export function metricsRoutes(registry: Registry): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const body = await registry.metrics();
    res.set('content-type', registry.contentType).send(body);
  });
  return router;
}
