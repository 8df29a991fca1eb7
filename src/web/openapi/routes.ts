import { Router } from 'express';
import { openApiDocument } from './document.ts';

/** GET /api/openapi.json: the OpenAPI 3.1 document of the public APIs. */
export function openApiRoutes(): Router {
  const router = Router();
  const body = JSON.stringify(openApiDocument());
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').set('cache-control', 'public, max-age=300').send(body);
  });
  return router;
}
