import { Router } from 'express';
import { knownComponents, type OperatorDeps } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { actorOf } from '../../auth/middleware.ts';
import { maintenanceInputs } from '../../maintenance/input.ts';
import { cancelWindow, createWindow, editWindow, listWindows } from '../../maintenance/service.ts';
import { toWindowView } from '../../status/window-view.ts';

/** /api/v1/admin/maintenance: every window, and create/edit/cancel manual ones (the same store as parsed notices). */
export function adminMaintenanceRoutes(ops: OperatorDeps): Router {
  const router = Router();
  const input = maintenanceInputs(knownComponents(ops.config));
  const view = (w: Parameters<typeof toWindowView>[0]) => toWindowView(w, ops.clock.now());
  router.get('/maintenance', async (_req, res) => {
    res.json({ windows: (await listWindows(ops)).map(view) });
  });
  router.post('/maintenance', async (req, res) => {
    const created = await createWindow(ops, actorOf(res), parseInput(input.create, req.body));
    res.status(201).location(`${req.baseUrl}/maintenance/${encodeURIComponent(created.id)}`).json(view(created));
  });
  router.patch('/maintenance/:id', async (req, res) => {
    res.json(view(await editWindow(ops, actorOf(res), req.params.id, parseInput(input.edit, req.body))));
  });
  router.post('/maintenance/:id/cancel', async (req, res) => {
    res.json(view(await cancelWindow(ops, actorOf(res), req.params.id)));
  });
  return router;
}
