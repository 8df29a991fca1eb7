import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { AppError } from '../../domain/errors.ts';
import { fieldError } from '../../triage/field-errors.ts';
import { BODY_LIMIT, rejectPesel } from '../../triage/input-schema.ts';
import { containsPesel } from '../../triage/pesel.ts';
import { runTriage, type TriageDeps } from '../../triage/run.ts';
import type { TriageWebOptions, WebDeps } from '../deps.ts';
import { openApiRoutes } from '../openapi/routes.ts';
import { triageRateLimiter } from '../rate-limit.ts';
import { helpFormRoutes } from './help-form.ts';
import { profileExpiryRoutes } from './profile-expiry.ts';

/** What POST /api/v1/triage needs besides the triage use case. */
export interface TriageRouteDeps extends TriageDeps {
  limiter: RequestHandler;
  /** Called once per successful triage with the first cause code (the metrics counter). */
  onTriage?: (firstCause: string) => void;
}

const peselError = (): AppError => new AppError('PESEL_REJECTED', undefined, [fieldError('body', 'pesel')]);

/**
 * JSON parsing that also scans the raw text for a PESEL, so a PESEL in malformed JSON or nested
 * beyond the field walk's depth is still rejected as such (and never echoed).
 */
function jsonWithPeselScan(): Router {
  const flagged = new WeakSet<Request>();
  const parse = express.json({
    limit: BODY_LIMIT,
    verify: (req, _res, buf) => {
      if (containsPesel(buf.toString('utf8'))) flagged.add(req as Request);
    },
  });
  const onParseError: ErrorRequestHandler = (err, req, _res, next) => next(flagged.has(req) ? peselError() : err);
  const afterParse: RequestHandler = (req, _res, next) => {
    // Name the exact field when the parsed body shows it; the raw scan alone can only say "body".
    if (flagged.has(req)) rejectPesel(req.body);
    next(flagged.has(req) ? peselError() : undefined);
  };
  return Router().use(parse, onParseError, afterParse);
}

/** Only JSON bodies are triaged; anything else is 415 before it is read. */
const requireJson: RequestHandler = (req, _res, next) => next(req.is('application/json') ? undefined : new AppError('UNSUPPORTED_MEDIA_TYPE'));

/** POST /api/v1/triage: ranked causes, alternatives, where to check and a ready escalation. */
export function triageRoutes(deps: TriageRouteDeps): Router {
  const router = Router();
  router.post('/api/v1/triage', deps.limiter, requireJson, jsonWithPeselScan(), async (req, res) => {
    const result = await runTriage(deps, req.body);
    deps.onTriage?.(result.causes[0]!.code);
    res.json(result);
  });
  return router;
}

/** Every triage face behind one per-IP limiter: POST /api/v1/triage, profile expiry (+ .ics), /pomoc and /help, and /api/openapi.json. */
export function triageFaces(deps: Pick<WebDeps, 'config' | 'stores' | 'snapshot' | 'now'> & { triage?: TriageWebOptions }): Router {
  const opts = deps.triage ?? {};
  const limiter = triageRateLimiter({ ...opts.rateLimit, store: opts.rateLimitStore });
  const core: TriageDeps = { config: deps.config, stores: deps.stores, now: deps.now, view: () => deps.snapshot.current().view };
  const router = Router();
  router.use(triageRoutes({ ...core, limiter, onTriage: opts.onTriage }));
  router.use(profileExpiryRoutes({ now: deps.now, limiter }));
  router.use(helpFormRoutes({ ...core, limiter, onTriage: opts.onTriage }));
  router.use(openApiRoutes());
  return router;
}
