import { Router } from 'express';
import { z } from 'zod';
import { knownComponents, type OperatorDeps } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { actorOf } from '../../auth/middleware.ts';
import { reclassifyInput } from '../../reclassify/input.ts';
import { listReclassifications, reclassify } from '../../reclassify/service.ts';
import { auditJson, reclassificationJson } from '../admin-views.ts';

const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(100), offset: z.coerce.number().int().min(0).default(0) });

/** /api/v1/admin/reclassify(ications) and /api/v1/admin/audit: changing the past, and who changed what. */
export function adminHistoryRoutes(ops: OperatorDeps): Router {
  const router = Router();
  const input = reclassifyInput(knownComponents(ops.config));
  router.get('/reclassifications', async (_req, res) => {
    res.json({ reclassifications: (await listReclassifications(ops)).map(reclassificationJson) });
  });
  router.post('/reclassify', async (req, res) => {
    res.status(201).json(reclassificationJson(await reclassify(ops, actorOf(res), parseInput(input, req.body))));
  });
  router.get('/audit', async (req, res) => {
    const { limit, offset } = parseInput(auditQuery, req.query);
    res.json({ entries: (await ops.stores.operator.getAudit(limit, offset)).map(auditJson), limit, offset });
  });
  return router;
}
