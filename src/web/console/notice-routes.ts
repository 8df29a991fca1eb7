import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import { NOTICE_KINDS, type MaintenanceWindow } from '../../domain/types.ts';
import { confirmNotice, findNotice, listPending, rejectNotice } from '../../notices/review.ts';
import { noticeReviewInput } from '../../notices/review-input.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { formOf, listField, localInput, pickFields, routeParam, textField, type FormDraft } from './forms.ts';
import { savedAt } from './redirects.ts';
import { noticeOf, type ConsoleContext } from './context.ts';

/** The review form filled with the parser's reading. */
function readingDraft(w: MaintenanceWindow): FormDraft {
  return { kind: w.kind, start: localInput(w.start), end: w.end === null ? '' : localInput(w.end), components: w.components };
}

/**
 * /admin/notices: the review queue of low-confidence parsed notices, and one notice's page where
 * an operator corrects kind, times and services before confirming, with the evidence in view.
 */
export function noticeRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const input = noticeReviewInput(knownComponents(ops.config));
  const router = Router();
  const queue = (req: Request) => savedAt(req, ctx, '/admin/notices');

  const noticePage = async (req: Request, res: Response, w: MaintenanceWindow, extra: { status?: number; errors?: AppError['fields']; draft?: FormDraft } = {}) => {
    ctx.render.send(req, res, 'notice', { w, draft: extra.draft ?? readingDraft(w), kinds: NOTICE_KINDS }, { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) });
  };

  router.get('/notices', async (req, res) => {
    ctx.render.send(req, res, 'notices', { pending: await listPending(ops) }, { notice: noticeOf(req, ctx) });
  });

  router.get('/notices/:id', async (req, res) => noticePage(req, res, await findNotice(ops, routeParam(req, 'id'))));

  // The queue's one-click confirm sends no reading; the notice page sends its corrected fields.
  router.post('/notices/:id/confirm', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const id = routeParam(req, 'id');
    const correcting = textField(form, 'kind') !== undefined;
    try {
      const reading = correcting ? parseInput(input, { kind: textField(form, 'kind'), start: textField(form, 'start'), end: textField(form, 'end') ?? null, components: listField(form, 'components') }) : {};
      await confirmNotice(ops, consoleActor(sessionOf(res)!), id, reading);
      res.redirect(303, queue(req));
    } catch (err) {
      if (correcting && err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return noticePage(req, res, await findNotice(ops, id), { status: 400, errors: err.fields, draft: { ...pickFields(form, ['kind', 'start', 'end']), components: listField(form, 'components') } });
      }
      throw err;
    }
  });

  router.post('/notices/:id/reject', ctx.csrf, requireOperator, async (req, res) => {
    await rejectNotice(ops, consoleActor(sessionOf(res)!), routeParam(req, 'id'));
    res.redirect(303, queue(req));
  });
  return router;
}
