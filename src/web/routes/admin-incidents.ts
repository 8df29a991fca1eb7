import { Router } from 'express';
import { knownComponents, type OperatorDeps } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { actorOf } from '../../auth/middleware.ts';
import { AppError } from '../../domain/errors.ts';
import { incidentInputs } from '../../incidents/input.ts';
import { approveDraft, createIncident, editIncidentDetails, findIncident, listIncidents, postIncidentUpdate, resolveIncident } from '../../incidents/service.ts';
import { incidentJson } from '../admin-views.ts';

/** /api/v1/admin/incidents: list, read, create, post updates, resolve, edit, approve (publish) an automatic draft. */
export function adminIncidentRoutes(ops: OperatorDeps): Router {
  const router = Router();
  const input = incidentInputs(knownComponents(ops.config));
  router.get('/incidents', async (_req, res) => {
    res.json({ incidents: (await listIncidents(ops)).map(incidentJson) });
  });
  router.get('/incidents/:id', async (req, res) => {
    res.json(incidentJson(await findIncident(ops, req.params.id)));
  });
  router.post('/incidents', async (req, res) => {
    const created = await createIncident(ops, actorOf(res), parseInput(input.create, req.body));
    if (!created) throw new AppError('CONFLICT');
    res.status(201).location(`${req.baseUrl}/incidents/${encodeURIComponent(created.id)}`).json(incidentJson(created));
  });
  router.post('/incidents/:id/updates', async (req, res) => {
    res.status(201).json(incidentJson(await postIncidentUpdate(ops, actorOf(res), req.params.id, parseInput(input.update, req.body))));
  });
  router.post('/incidents/:id/resolve', async (req, res) => {
    res.json(incidentJson(await resolveIncident(ops, actorOf(res), req.params.id, parseInput(input.resolve, req.body).body)));
  });
  router.post('/incidents/:id/approve', async (req, res) => {
    res.json(incidentJson(await approveDraft(ops, actorOf(res), req.params.id)));
  });
  router.patch('/incidents/:id', async (req, res) => {
    res.json(incidentJson(await editIncidentDetails(ops, actorOf(res), req.params.id, parseInput(input.edit, req.body))));
  });
  return router;
}
