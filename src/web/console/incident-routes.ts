import { Router, type Request, type Response } from 'express';
import { knownComponents } from '../../admin/context.ts';
import { parseInput } from '../../admin/validation.ts';
import { AppError } from '../../domain/errors.ts';
import { incidentInputs } from '../../incidents/input.ts';
import { createIncident, listIncidents } from '../../incidents/service.ts';
import { INCIDENT_TEMPLATES, incidentTemplate } from '../../incidents/templates.ts';
import { INCIDENT_IMPACTS, INCIDENT_STATES } from '../../incidents/types.ts';
import { consoleActor, requireOperator, sessionOf } from './guard.ts';
import { formOf, listField, localizedField, pickFields, textField, type FormDraft } from './forms.ts';
import { savedAt } from './redirects.ts';
import { noticeOf, type ConsoleContext } from './context.ts';

const EMPTY_DRAFT: FormDraft = { impact: 'major', state: 'investigating', components: [] };

/** /admin/incidents: list, and create from a template with a preview (one incident's page is in incident-detail-routes.ts). */
export function incidentRoutes(ctx: ConsoleContext): Router {
  const { ops } = ctx.admin;
  const known = knownComponents(ops.config);
  const input = incidentInputs(known);
  const router = Router();

  const listPage = async (req: Request, res: Response, draft: FormDraft, extra: { status?: number; errors?: AppError['fields']; preview?: boolean } = {}) => {
    const incidents = (await listIncidents(ops)).sort((a, b) => b.createdAt - a.createdAt);
    ctx.render.send(req, res, 'incidents', { incidents, draft, templates: INCIDENT_TEMPLATES, preview: extra.preview ? draft : null, impacts: INCIDENT_IMPACTS, states: INCIDENT_STATES.filter((s) => s !== 'resolved') }, { status: extra.status, errors: extra.errors, notice: noticeOf(req, ctx) });
  };

  router.get('/incidents', async (req, res) => {
    const template = typeof req.query.template === 'string' ? incidentTemplate(req.query.template, known) : null;
    const draft: FormDraft = template
      ? { template: template.id, title_pl: template.title.pl, title_en: template.title.en, body_pl: template.body.pl, body_en: template.body.en, impact: template.impact, state: 'investigating', components: template.components }
      : EMPTY_DRAFT;
    await listPage(req, res, draft);
  });

  router.post('/incidents', ctx.csrf, requireOperator, async (req, res) => {
    const form = formOf(req);
    const draft: FormDraft = { ...pickFields(form, ['template', 'title_pl', 'title_en', 'body_pl', 'body_en', 'impact', 'state']), components: listField(form, 'components') };
    const raw = { title: localizedField(form, 'title'), body: localizedField(form, 'body'), impact: textField(form, 'impact'), components: listField(form, 'components'), state: textField(form, 'state') };
    try {
      const parsed = parseInput(input.create, raw);
      // "Preview" renders how the public will read it and saves nothing.
      if (textField(form, 'action') === 'preview') return await listPage(req, res, draft, { preview: true });
      const created = await createIncident(ops, consoleActor(sessionOf(res)!), parsed);
      if (!created) throw new AppError('CONFLICT');
      res.redirect(303, savedAt(req, ctx, `/admin/incidents/${encodeURIComponent(created.id)}`));
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return listPage(req, res, draft, { status: 400, errors: err.fields });
      throw err;
    }
  });
  return router;
}
