import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import { COMPONENT_STATUSES } from '../../domain/types.ts';
import { overrideInput } from '../../overrides/input.ts';
import { clearOverride, listOverrides, setOverride } from '../../overrides/service.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { formOf, pickFields, routeParam } from './forms.ts';
import { noticeOf, type ConsoleContext } from './context.ts';

/** /admin/overrides: force a component's status with a mandatory reason and expiry, or lift it early. */
export function overrideRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const input = overrideInput(knownComponents(ops.config));
  const router = Router();
  const page = async (req: Request, res: Response, draft: Record<string, string | undefined>, extra: { status?: number; errors?: AppError['fields'] } = {}) => {
    ctx.render.send(req, res, 'overrides', { overrides: await listOverrides(ops), draft, statuses: COMPONENT_STATUSES }, { ...extra, notice: noticeOf(req, ctx) });
  };
  const done = (req: Request) => (ctx.render.langOf(req) === 'en' ? '/admin/overrides?ok=1&lang=en' : '/admin/overrides?ok=1');

  router.get('/overrides', (req, res) => page(req, res, { for: '1h' }));

  router.post('/overrides', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const draft = pickFields(form, ['component', 'status', 'reason', 'for']) as Record<string, string | undefined>;
    try {
      await setOverride(ops, consoleActor(sessionOf(res)!), parseInput(input, { component: draft.component, status: draft.status, reason: draft.reason, for: draft.for }));
      res.redirect(303, done(req));
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return page(req, res, draft, { status: 400, errors: err.fields });
      throw err;
    }
  });

  router.post('/overrides/:component/clear', ctx.csrf, requireOperator, async (req, res) => {
    await clearOverride(ops, consoleActor(sessionOf(res)!), routeParam(req, 'component'));
    res.redirect(303, done(req));
  });
  return router;
}
