import { Router } from 'express';
import { knownComponents, type OperatorDeps } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { actorOf } from '../../auth/middleware.ts';
import { overrideInput } from '../../overrides/input.ts';
import { clearOverride, listOverrides, setOverride } from '../../overrides/service.ts';
import { overrideJson } from '../admin-views.ts';

/** /api/v1/admin/overrides: list those in force, set one per component, lift one early. */
export function adminOverrideRoutes(ops: OperatorDeps): Router {
  const router = Router();
  const input = overrideInput(knownComponents(ops.config));
  router.get('/overrides', async (_req, res) => {
    res.json({ overrides: (await listOverrides(ops)).map(overrideJson) });
  });
  router.post('/overrides', async (req, res) => {
    res.status(201).json(overrideJson(await setOverride(ops, actorOf(res), parseInput(input, req.body))));
  });
  router.delete('/overrides/:component', async (req, res) => {
    res.json(overrideJson(await clearOverride(ops, actorOf(res), req.params.component)));
  });
  return router;
}
