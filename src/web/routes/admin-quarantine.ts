import { Router } from 'express';
import type { OperatorDeps } from '../../admin/context.ts';
import { actorOf } from '../../auth/middleware.ts';
import { recordAudit } from '../../audit/record.ts';
import { AppError } from '../../domain/errors.ts';

/**
 * /api/v1/admin/quarantine: stored records that failed validation when read (see
 * store/records.ts). Operators read them (to re-enter what they meant) and delete them.
 */
export function adminQuarantineRoutes(ops: OperatorDeps): Router {
  const router = Router();
  router.get('/quarantine', async (_req, res) => {
    const records = (await ops.stores.operator.getQuarantine()).sort((a, b) => b.at - a.at);
    res.json({ records });
  });
  router.delete('/quarantine/:id', async (req, res) => {
    const id = req.params.id;
    const before = (await ops.stores.operator.getQuarantine()).find((q) => q.id === id);
    if (!before || !(await ops.stores.operator.deleteQuarantined(id))) throw new AppError('NOT_FOUND', 'quarantined record');
    // The audit keeps what was deleted except the raw text, which may hold anything.
    const { raw: _raw, ...kept } = before;
    await recordAudit(ops, actorOf(res), 'quarantine.delete', { kind: 'quarantine', id }, kept, null);
    res.json(kept);
  });
  return router;
}
