import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import { incidentInputs } from '../../incidents/input.ts';
import { createIncident, findIncident, listIncidents, postIncidentUpdate, resolveIncident } from '../../incidents/service.ts';
import { INCIDENT_TEMPLATES, incidentTemplate } from '../../incidents/templates.ts';
import { INCIDENT_IMPACTS, INCIDENT_STATES } from '../../incidents/types.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { routeParam, formOf, listField, localizedField, textField } from './forms.ts';
import { noticeOf, type ConsoleContext } from './routes.ts';

/** What the create form shows: the values typed (or a template's), for re-rendering after an error or a preview. */
type Draft = Record<string, string | string[] | undefined>;

const EMPTY_DRAFT: Draft = { impact: 'major', state: 'investigating', components: [] };

/** /admin/incidents: list, create from a template with a preview, post updates, resolve. */
export function incidentRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const known = knownComponents(ops.config);
  const input = incidentInputs(known);
  const router = Router();

  const listPage = async (req: Request, res: Response, draft: Draft, extra: { status?: number; errors?: AppError['fields']; preview?: boolean } = {}) => {
    const incidents = (await listIncidents(ops)).sort((a, b) => b.createdAt - a.createdAt);
    ctx.render.send(req, res, 'incidents', { incidents, draft, templates: INCIDENT_TEMPLATES, preview: extra.preview ? draft : null, impacts: INCIDENT_IMPACTS, states: INCIDENT_STATES.filter((s) => s !== 'resolved') }, { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) });
  };

  router.get('/incidents', async (req, res) => {
    const template = typeof req.query.template === 'string' ? incidentTemplate(req.query.template, known) : null;
    const draft: Draft = template
      ? { template: template.id, title_pl: template.title.pl, title_en: template.title.en, body_pl: template.body.pl, body_en: template.body.en, impact: template.impact, state: 'investigating', components: template.components }
      : EMPTY_DRAFT;
    await listPage(req, res, draft);
  });

  router.post('/incidents', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const draft: Draft = { ...pick(form, ['template', 'title_pl', 'title_en', 'body_pl', 'body_en', 'impact', 'state']), components: listField(form, 'components') };
    const raw = { title: localizedField(form, 'title'), body: localizedField(form, 'body'), impact: textField(form, 'impact'), components: listField(form, 'components'), state: textField(form, 'state') };
    try {
      const parsed = parseInput(input.create, raw);
      // "Preview" renders how the public will read it and saves nothing.
      if (textField(form, 'action') === 'preview') return await listPage(req, res, draft, { preview: true });
      const created = await createIncident(ops, consoleActor(sessionOf(res)!), parsed);
      if (!created) throw new AppError('CONFLICT');
      res.redirect(303, ctx.render.langOf(req) === 'en' ? `/admin/incidents/${encodeURIComponent(created.id)}?ok=1&lang=en` : `/admin/incidents/${encodeURIComponent(created.id)}?ok=1`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return listPage(req, res, draft, { status: 400, errors: err.fields });
      throw err;
    }
  });

  const detailPage = async (req: Request, res: Response, id: string, extra: { status?: number; errors?: AppError['fields']; draft?: Draft } = {}) => {
    const incident = await findIncident(ops, id);
    ctx.render.send(req, res, 'incident', { incident, draft: extra.draft ?? { state: incident.state === 'resolved' ? 'monitoring' : incident.state }, states: INCIDENT_STATES.filter((s) => s !== 'resolved') }, { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) });
  };

  router.get('/incidents/:id', async (req, res) => detailPage(req, res, routeParam(req, 'id')));

  router.post('/incidents/:id/updates', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    try {
      await postIncidentUpdate(ops, consoleActor(sessionOf(res)!), routeParam(req, 'id'), parseInput(input.update, { state: textField(form, 'state'), body: localizedField(form, 'body') }));
      res.redirect(303, back(req, ctx));
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return detailPage(req, res, routeParam(req, 'id'), { status: 400, errors: err.fields, draft: pick(form, ['state', 'body_pl', 'body_en']) });
      throw err;
    }
  });

  router.post('/incidents/:id/resolve', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    try {
      const { body } = parseInput(input.resolve, { body: localizedField(form, 'resolve', true) });
      await resolveIncident(ops, consoleActor(sessionOf(res)!), routeParam(req, 'id'), body);
      res.redirect(303, back(req, ctx));
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return detailPage(req, res, routeParam(req, 'id'), { status: 400, errors: err.fields });
      throw err;
    }
  });
  return router;
}

/** The page a form was posted from, with the "saved" notice (post/redirect/get). */
function back(req: Request, ctx: ConsoleContext): string {
  const path = `/admin${req.path.replace(/\/(updates|resolve|cancel|clear)$/, '')}`;
  return ctx.render.langOf(req) === 'en' ? `${path}?ok=1&lang=en` : `${path}?ok=1`;
}

function pick(form: Record<string, unknown>, names: string[]): Draft {
  return Object.fromEntries(names.map((n) => [n, textField(form, n)]));
}

export { back as redirectBack, pick as pickFields };
