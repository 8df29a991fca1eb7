import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import type { MaintenanceWindow } from '../../domain/types.ts';
import { isActive } from '../../domain/windows.ts';
import { maintenanceInputs } from '../../maintenance/input.ts';
import { cancelWindow, createWindow, editWindow, listWindows, MANUAL_SOURCE } from '../../maintenance/service.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { formOf, listField, localInput, type FormDraft, pickFields, routeParam, textField } from './forms.ts';
import { redirectBack } from './redirects.ts';
import { noticeOf, type ConsoleContext } from './context.ts';

type Draft = FormDraft;

/** The admin input of a posted window form; blank optional fields are left out (edit) or defaulted (create). */
function windowInput(form: Record<string, unknown>, creating: boolean): Record<string, unknown> {
  const link = textField(form, 'link');
  const text = textField(form, 'text');
  const raw: Record<string, unknown> = {
    components: listField(form, 'components'),
    start: textField(form, 'start'),
    end: textField(form, 'end'),
    title: textField(form, 'title'),
    text: text ?? '',
    link: link ?? null,
  };
  if (creating) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}

/** /admin/maintenance: schedule, edit and cancel manual windows; notice-derived windows with their evidence. */
export function maintenanceRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const router = Router();
  const now = () => ops.clock.now();
  const input = maintenanceInputs(knownComponents(ops.config));

  const listPage = async (req: Request, res: Response, draft: Draft, extra: { status?: number; errors?: AppError['fields'] } = {}) => {
    const windows = (await listWindows(ops)).sort((a, b) => b.start - a.start);
    ctx.render.send(req, res, 'maintenance', { windows, draft, now: now(), isActive, manual: MANUAL_SOURCE }, { ...extra, notice: noticeOf(req, ctx) });
  };

  router.get('/maintenance', (req, res) => listPage(req, res, { components: [] }));

  router.post('/maintenance', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const draft: Draft = { ...pickFields(form, ['title', 'text', 'link', 'start', 'end']), components: listField(form, 'components') };
    try {
      await createWindow(ops, consoleActor(sessionOf(res)!), parseInput(input.create, windowInput(form, true)));
      res.redirect(303, ctx.render.langOf(req) === 'en' ? '/admin/maintenance?ok=1&lang=en' : '/admin/maintenance?ok=1');
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return listPage(req, res, draft, { status: 400, errors: err.fields });
      throw err;
    }
  });

  const windowPage = async (req: Request, res: Response, w: MaintenanceWindow, extra: { status?: number; errors?: AppError['fields']; draft?: Draft } = {}) => {
    const draft = extra.draft ?? { title: w.title, text: w.text, link: w.link ?? '', start: localInput(w.start), end: w.end === null ? '' : localInput(w.end), components: w.components };
    ctx.render.send(req, res, 'window', { w, draft, active: isActive(w, now()), manual: MANUAL_SOURCE }, { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) });
  };
  const findWindow = async (id: string): Promise<MaintenanceWindow> => {
    const w = (await listWindows(ops)).find((x) => x.id === id);
    if (!w) throw new AppError('NOT_FOUND');
    return w;
  };

  router.get('/maintenance/:id', async (req, res) => windowPage(req, res, await findWindow(routeParam(req, 'id'))));

  router.post('/maintenance/:id', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const w = await findWindow(routeParam(req, 'id'));
    try {
      await editWindow(ops, consoleActor(sessionOf(res)!), w.id, parseInput(input.edit, windowInput(form, false)));
      res.redirect(303, redirectBack(req, ctx));
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return windowPage(req, res, w, { status: 400, errors: err.fields, draft: { ...pickFields(form, ['title', 'text', 'link', 'start', 'end']), components: listField(form, 'components') } });
      }
      throw err;
    }
  });

  router.post('/maintenance/:id/cancel', ctx.csrf, requireOperator, async (req, res) => {
    await cancelWindow(ops, consoleActor(sessionOf(res)!), routeParam(req, 'id'));
    res.redirect(303, ctx.render.langOf(req) === 'en' ? '/admin/maintenance?ok=1&lang=en' : '/admin/maintenance?ok=1');
  });
  return router;
}
