import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { AppError } from '../../domain/errors.ts';
import { fieldError } from '../../triage/field-errors.ts';
import { rejectPesel } from '../../triage/input-schema.ts';
import { containsPesel } from '../../triage/pesel.ts';
import { runTriage, type TriageDeps } from '../../triage/run.ts';

/** Largest triage body accepted. */
export const TRIAGE_BODY_LIMIT = '16kb';

/** What POST /api/v1/triage needs besides the triage use case. */
export interface TriageRouteDeps extends TriageDeps {
  limiter: RequestHandler;
  /** Called once per successful triage with the first cause code (the metrics counter). */
  onTriage?: (firstCause: string) => void;
}

const peselError = (): AppError => new AppError('PESEL_REJECTED', undefined, [fieldError('body', 'pesel')]);

/**
 * JSON parsing that also scans the raw text for a PESEL, so a PESEL in malformed JSON, beyond the
 * walk's depth or in a number too long for a double is still rejected as such (never echoed).
 */
function jsonWithPeselScan(): RequestHandler[] {
  const flagged = new WeakSet<Request>();
  const parse = express.json({
    limit: TRIAGE_BODY_LIMIT,
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
  return [parse, onParseError as unknown as RequestHandler, afterParse];
}

/** Only JSON bodies are triaged; anything else is 415 before it is read. */
const requireJson: RequestHandler = (req, _res, next) => next(req.is('application/json') ? undefined : new AppError('UNSUPPORTED_MEDIA_TYPE'));

/** POST /api/v1/triage: ranked causes, alternatives, where to check and a ready escalation. */
export function triageRoutes(deps: TriageRouteDeps): Router {
  const router = Router();
  router.post('/api/v1/triage', deps.limiter, requireJson, ...jsonWithPeselScan(), async (req, res) => {
    const result = await runTriage(deps, req.body);
    deps.onTriage?.(result.causes[0]!.code);
    res.json(result);
  });
  return router;
}
