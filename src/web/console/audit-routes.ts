import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../../admin/validation.ts';
import { AUDIT_ACTIONS } from '../../audit/types.ts';
import { changeRows } from './audit-view.ts';
import type { ConsoleContext } from './context.ts';

const PAGE = 100;
/** How far back the filters look: the newest rows of the trail. */
const SCAN = 2_000;

const auditFilter = z.object({
  actor: z.string().trim().max(100).optional().transform((s) => (s ? s : undefined)),
  action: z.union([z.enum(AUDIT_ACTIONS), z.literal('')]).optional().transform((s) => (s ? s : undefined)),
  page: z.coerce.number().int().min(0).max(1_000).default(0),
});

/** /admin/audit: who changed what (each change with its value before and after), filtered by actor and action, newest first. */
export function auditRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    const { actor, action, page } = parseInput(auditFilter, { actor: req.query.actor, action: req.query.action, page: req.query.page });
    const rows = (await ctx.admin.ops.stores.operator.getAudit(SCAN, 0)).filter((e) => (actor === undefined || e.actor === actor) && (action === undefined || e.action === action));
    const entries = rows.slice(page * PAGE, (page + 1) * PAGE);
    ctx.render.send(req, res, 'audit', { entries, filter: { actor: actor ?? '', action: action ?? '' }, actions: AUDIT_ACTIONS, changeRows, page, more: rows.length > (page + 1) * PAGE });
  });
  return router;
}
