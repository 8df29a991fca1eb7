import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import { incidentInputs } from '../../incidents/input.ts';
import { approveDraft, editIncidentDetails, findIncident, postIncidentUpdate, resolveIncident } from '../../incidents/service.ts';
import { INCIDENT_IMPACTS, INCIDENT_STATES, type Incident } from '../../incidents/types.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { formOf, listField, localizedField, pickFields, routeParam, textField, type FormDraft } from './forms.ts';
import { redirectBack } from './redirects.ts';
import { noticeOf, type ConsoleContext } from './context.ts';

/** What the page's forms show after an error: the update form's values, or the edit form's. */
interface Drafts {
  update?: FormDraft;
  edit?: FormDraft;
}

/** The edit form filled with the incident as it is. */
function editDraft(i: Incident): FormDraft {
  return { title_pl: i.title.pl, title_en: i.title.en, impact: i.impact, components: i.components };
}

/** /admin/incidents/{id}: read one incident, post updates, resolve, edit title/impact/services, approve a draft. */
export function incidentDetailRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const input = incidentInputs(knownComponents(ops.config));
  const router = Router();
  const actor = (res: Response) => consoleActor(sessionOf(res)!);

  const detailPage = async (req: Request, res: Response, id: string, extra: { status?: number; errors?: AppError['fields'] } & Drafts = {}) => {
    const incident = await findIncident(ops, id);
    const update = extra.update ?? { state: incident.state === 'resolved' ? 'monitoring' : incident.state };
    ctx.render.send(
      req,
      res,
      'incident',
      { incident, draft: update, edit: extra.edit ?? editDraft(incident), impacts: INCIDENT_IMPACTS, states: INCIDENT_STATES.filter((s) => s !== 'resolved') },
      { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) },
    );
  };

  /** Runs a form's change; a validation failure shows the page again with 400 and what was typed. */
  const handle = (change: (req: Request, res: Response, form: Record<string, unknown>) => Promise<unknown>, drafts: (form: Record<string, unknown>) => Drafts = () => ({})) =>
    async (req: Request, res: Response) => {
      const form = formOf(req);
      try {
        await change(req, res, form);
        res.redirect(303, redirectBack(req, ctx));
      } catch (err) {
        if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return detailPage(req, res, routeParam(req, 'id'), { status: 400, errors: err.fields, ...drafts(form) });
        throw err;
      }
    };

  router.get('/incidents/:id', async (req, res) => detailPage(req, res, routeParam(req, 'id')));

  router.post(
    '/incidents/:id/updates',
    ctx.csrf,
    requireOperator,
    handle(
      (req, res, form) => postIncidentUpdate(ops, actor(res), routeParam(req, 'id'), parseInput(input.update, { state: textField(form, 'state'), body: localizedField(form, 'body') })),
      (form) => ({ update: pickFields(form, ['state', 'body_pl', 'body_en']) }),
    ),
  );

  router.post(
    '/incidents/:id/resolve',
    ctx.csrf,
    requireOperator,
    handle((req, res, form) => resolveIncident(ops, actor(res), routeParam(req, 'id'), parseInput(input.resolve, { body: localizedField(form, 'resolve', true) }).body)),
  );

  router.post(
    '/incidents/:id/edit',
    ctx.csrf,
    requireOperator,
    handle(
      (req, res, form) =>
        editIncidentDetails(ops, actor(res), routeParam(req, 'id'), parseInput(input.edit, { title: localizedField(form, 'title'), impact: textField(form, 'impact'), components: listField(form, 'components') })),
      (form) => ({ edit: { ...pickFields(form, ['title_pl', 'title_en', 'impact']), components: listField(form, 'components') } }),
    ),
  );

  router.post('/incidents/:id/approve', ctx.csrf, requireOperator, handle((req, res) => approveDraft(ops, actor(res), routeParam(req, 'id'))));
  return router;
}
