import { Router } from 'express';
import type { SseHub } from '../sse/hub.ts';

/** GET /api/v1/events: Server-Sent Events with the status after every snapshot rebuild. */
export function eventRoutes(hub: SseHub): Router {
  const router = Router();
  router.get('/api/v1/events', (req, res) => hub.handle(req, res));
  return router;
}
