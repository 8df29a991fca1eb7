import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import express, { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { AppError } from '../../domain/errors.ts';
import { formBody, formModel, formValues, type FormModel, type FormValues } from '../../triage/form-model.ts';
import { BODY_LIMIT, rejectPesel } from '../../triage/input-schema.ts';
import { containsPesel } from '../../triage/pesel.ts';
import { runTriage, type TriageDeps } from '../../triage/run.ts';
import { translator } from '../../i18n/index.ts';
import { loadAssets } from '../page/assets.ts';
import { pageLinks } from '../page/page-model.ts';
import { VIEWS_DIR } from '../page/render.ts';

const FACES = [
  { path: '/pomoc', lang: 'pl', other: '/help' },
  { path: '/help', lang: 'en', other: '/pomoc' },
] as const;
type Face = (typeof FACES)[number];

/** What the patient form needs: the triage use case, the limiter and the metrics hook. */
export interface HelpFormDeps extends TriageDeps {
  limiter: RequestHandler;
  onTriage?: (firstCause: string) => void;
}

// The page's own layout (head, header, footer partials and hashed CSS), so the form looks like the status page.
function pageRenderer(): (face: Face, f: FormModel) => string {
  const filename = join(VIEWS_DIR, 'triage', 'form.ejs');
  const template = ejs.compile(readFileSync(filename, 'utf8'), { filename, cache: true });
  const { urls, prefix } = loadAssets();
  // The form's own stylesheet (44 px targets, readable controls, visible focus), served beside app.css.
  const triageCss = `${prefix}/triage.css`;
  return (face, f) => {
    const m = { lang: face.lang, otherLang: face.lang === 'pl' ? 'en' : 'pl', t: translator(face.lang), links: { ...pageLinks(face.lang, urls), otherLang: face.other, triageCss } };
    return template({ m, f }) as string;
  };
}

/** GET and POST /pomoc (Polish) and /help (English): the self-service form; works without JavaScript. */
export function helpFormRoutes(deps: HelpFormDeps): Router {
  const render = pageRenderer();
  const router = Router();
  const send = (res: Response, face: Face, status: number, values: FormValues, outcome: Parameters<typeof formModel>[4]): void => {
    // The answer can describe the patient's situation: never cache it anywhere.
    res.status(status).set('cache-control', 'no-store').type('html').send(render(face, formModel(deps.config, face.lang, face.path, values, outcome)));
  };
  for (const face of FACES) {
    router.get(face.path, (_req, res) => send(res, face, 200, {}, {}));
    router.post(face.path, deps.limiter, express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 50 }), async (req, res) => {
      const raw = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
      // A PESEL is never shown back, and neither is the typed error text (it may hold personal data): drop them before rendering.
      const values = Object.fromEntries(Object.entries(formValues(raw)).filter(([k, v]) => k !== 'errorText' && !containsPesel(v))) as FormValues;
      try {
        rejectPesel(raw);
        const result = await runTriage(deps, formBody(raw));
        deps.onTriage?.(result.causes[0]!.code);
        send(res, face, 200, values, { result });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        send(res, face, err.status, values, { fields: err.fields, code: err.code });
      }
    });
    // Rate limit, oversized or malformed bodies: the same page with a general message, not JSON.
    const onError: ErrorRequestHandler = (err, _req, res, next) => {
      const appErr = err instanceof AppError ? err : bodyParserError(err);
      if (appErr === null) return next(err);
      send(res, face, appErr.status, {}, { code: appErr.code });
    };
    router.use(face.path, onError);
  }
  return router;
}

function bodyParserError(err: unknown): AppError | null {
  const e = err as { type?: unknown; status?: unknown } | null;
  if (typeof e?.type !== 'string' || typeof e.status !== 'number') return null;
  return new AppError(e.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
}
