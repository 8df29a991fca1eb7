import { Router } from 'express';
import type { StatusSnapshot } from '../snapshot.ts';

/** GET /api/v1/status: overall status, components and the login-method matrix. */
export function statusRoutes(snapshot: StatusSnapshot, now: () => number): Router {
  const router = Router();
  router.get('/api/v1/status', (_req, res) => {
    const { windows: _history, ...view } = snapshot.current().view;
    const t = now();
    res.json({
      generatedAt: new Date(t).toISOString(),
      ...view,
      components: view.components.map((c) => ({
        ...c,
        lastCheckAgeSeconds: c.lastCheckedAt === null ? null : Math.max(0, Math.round((t - Date.parse(c.lastCheckedAt)) / 1000)),
      })),
    });
  });
  return router;
}
