import { Router } from 'express';
import { knownComponents, type OperatorDeps } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { actorOf } from '../../auth/middleware.ts';
import type { MaintenanceWindow } from '../../domain/types.ts';
import { confirmNotice, listPending, rejectNotice } from '../../notices/review.ts';
import { noticeReviewInput } from '../../notices/review-input.ts';
import { toWindowView } from '../../status/window-view.ts';

/**
 * /api/v1/admin/notices: low-confidence notice suggestions, confirmed (as read, or with a body
 * correcting kind, start, end and components) or rejected by operators.
 */
export function adminNoticeRoutes(ops: OperatorDeps): Router {
  const router = Router();
  const input = noticeReviewInput(knownComponents(ops.config));
  // The window as the API shows it, plus what the operator needs to judge it.
  const view = (w: MaintenanceWindow) => ({ ...toWindowView(w, ops.clock.now()), confidence: w.confidence ?? null, evidence: w.evidence ?? [], review: w.review ?? null });
  router.get('/notices/pending', async (_req, res) => {
    res.json({ pending: (await listPending(ops)).map(view) });
  });
  router.post('/notices/:id/confirm', async (req, res) => {
    res.json(view(await confirmNotice(ops, actorOf(res), req.params.id, parseInput(input, req.body))));
  });
  router.post('/notices/:id/reject', async (req, res) => {
    res.json(view(await rejectNotice(ops, actorOf(res), req.params.id)));
  });
  return router;
}
