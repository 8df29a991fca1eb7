import { Router } from 'express';
import { confirmNotice, listPending, rejectNotice } from '../../notices/review.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { routeParam } from './forms.ts';
import { noticeOf, type ConsoleContext } from './routes.ts';

/** /admin/notices: the review queue of low-confidence parsed notices, confirmed or rejected with the evidence in view. */
export function noticeRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const router = Router();
  const done = (lang: string) => (lang === 'en' ? '/admin/notices?ok=1&lang=en' : '/admin/notices?ok=1');
  router.get('/notices', async (req, res) => {
    ctx.render.send(req, res, 'notices', { pending: await listPending(ops) }, { notice: noticeOf(req, ctx) });
  });
  router.post('/notices/:id/confirm', ctx.csrf, requireOperator, async (req, res) => {
    await confirmNotice(ops, consoleActor(sessionOf(res)!), routeParam(req, 'id'));
    res.redirect(303, done(ctx.render.langOf(req)));
  });
  router.post('/notices/:id/reject', ctx.csrf, requireOperator, async (req, res) => {
    await rejectNotice(ops, consoleActor(sessionOf(res)!), routeParam(req, 'id'));
    res.redirect(303, done(ctx.render.langOf(req)));
  });
  return router;
}
