import { Router } from 'express';
import { AppError } from '../../domain/errors.ts';
import type { LifecyclePort } from '../../store/ports.ts';

/** GET /healthz (liveness: the process answers) and GET /readyz (the store answers). */
export function healthRoutes(lifecycle: LifecyclePort): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    await lifecycle.ping().catch((err: unknown) => {
      throw new AppError('STORE_UNAVAILABLE', String((err as { code?: string }).code ?? 'store ping failed'));
    });
    res.json({ status: 'ready' });
  });
  return router;
}
