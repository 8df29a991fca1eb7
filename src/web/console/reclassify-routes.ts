import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import { reclassifyInput } from '../../reclassify/input.ts';
import { listReclassifications, previewReclassification, reclassify } from '../../reclassify/service.ts';
import { uptimeRatio } from '../page/history-section.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { formOf, pickFields } from './forms.ts';
import { noticeOf, type ConsoleContext } from './context.ts';

/** /admin/reclassify: re-book a past outage as maintenance, after a before/after preview of the uptime it changes. */
export function reclassifyRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const input = reclassifyInput(knownComponents(ops.config));
  const router = Router();
  type Preview = Awaited<ReturnType<typeof previewReclassification>>;
  const page = async (req: Request, res: Response, draft: Record<string, string | undefined>, extra: { status?: number; errors?: AppError['fields']; preview?: Preview } = {}) => {
    const preview = extra.preview && {
      transitions: extra.preview.transitions,
      days: extra.preview.days.map((d) => ({ day: d.day, before: uptimeRatio([d.before]), after: uptimeRatio([d.after]), moved: d.after.seconds.maintenance - d.before.seconds.maintenance })),
    };
    ctx.render.send(req, res, 'reclassify', { draft, preview, done: await listReclassifications(ops) }, { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) });
  };

  router.get('/reclassify', (req, res) => page(req, res, {}));

  router.post('/reclassify', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const draft = pickFields(form, ['component', 'from', 'to', 'reason', 'action']) as Record<string, string | undefined>;
    try {
      const parsed = parseInput(input, { component: draft.component, from: draft.from, to: draft.to, reason: draft.reason });
      if (draft.action !== 'apply') return await page(req, res, draft, { preview: await previewReclassification(ops, parsed) });
      await reclassify(ops, consoleActor(sessionOf(res)!), parsed);
      res.redirect(303, ctx.render.langOf(req) === 'en' ? '/admin/reclassify?ok=1&lang=en' : '/admin/reclassify?ok=1');
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return page(req, res, draft, { status: 400, errors: err.fields });
      throw err;
    }
  });
  return router;
}
