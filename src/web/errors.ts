import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, ERRORS, type FieldProblem } from '../domain/errors.ts';
import type { Logger } from '../logging/logger.ts';

/** JSON body for an error: a stable code plus Polish and English messages; never a stack trace. */
export function errorBody(err: AppError): object {
  const text = ERRORS[err.code];
  return { error: { code: err.code, message: { pl: text.pl, en: text.en }, ...(err.fields ? { fields: err.fields } : {}) } };
}

/** Unmatched routes become a NOT_FOUND JSON error. */
export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('NOT_FOUND'));

const IDENTITY = /^\s*(?:identity)?\s*$/i;

/**
 * Request bodies are accepted only uncompressed: nothing here needs compressed uploads, and
 * inflating them is both a decompression-bomb risk and a source of zlib errors (RFC 7694: 415).
 */
export const rejectContentEncoding: RequestHandler = (req, res, next) => {
  const coding = req.headers['content-encoding'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || coding === undefined || IDENTITY.test(coding)) return next();
  res.setHeader('Accept-Encoding', 'identity');
  next(new AppError('UNSUPPORTED_CONTENT_ENCODING', undefined, [problem('Content-Encoding', 'dozwolone jest tylko „identity” (bez kompresji)', 'only "identity" (no compression) is accepted')]));
};

/** Maps any thrown error to a JSON error; input errors become 4xx, unknown errors are logged and hidden behind INTERNAL. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    let appErr = err instanceof AppError ? err : inputError(err);
    if (appErr === null) {
      logger.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    // Too late for a JSON body: let express end the connection.
    if (res.headersSent) return next(err);
    // A store outage is short-lived: tell clients when to try again.
    if (appErr.code === 'STORE_UNAVAILABLE') res.setHeader('Retry-After', '5');
    res.status(appErr.status).json(errorBody(appErr));
  };
}

function problem(field: string, pl: string, en: string): FieldProblem {
  return { field, pl: `${field}: ${pl}.`, en: `${field}: ${en}.` };
}

/**
 * A client's mistake reported by express or body-parser (which mark them with a 4xx `status` and,
 * for bodies, a stable `type`), as an AppError naming what was wrong; null for anything else.
 */
function inputError(err: unknown): AppError | null {
  // The router decodes path parameters with decodeURIComponent: a stray `%` throws URIError.
  if (err instanceof URIError) return new AppError('BAD_ENCODING', undefined, [problem('path', 'nieprawidłowa sekwencja %', 'malformed % escape')]);
  if (typeof err !== 'object' || err === null) return null;
  const { status, statusCode, type } = err as { status?: unknown; statusCode?: unknown; type?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499) return null;
  switch (type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', undefined, [problem('body', 'treść jest za duża', 'the body is too large')]);
    case 'entity.parse.failed':
      return new AppError('BAD_REQUEST', undefined, [problem('body', 'to nie jest poprawny JSON', 'not valid JSON')]);
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, [problem('Content-Type', 'nieobsługiwany zestaw znaków, wyślij UTF-8', 'unsupported charset, send UTF-8')]);
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_CONTENT_ENCODING', undefined, [problem('Content-Encoding', 'nieobsługiwane kodowanie', 'unsupported coding')]);
    case 'parameters.too.many':
      return new AppError('PAYLOAD_TOO_LARGE', undefined, [problem('body', 'za dużo pól formularza', 'too many form fields')]);
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('BAD_REQUEST', undefined, [problem('body', 'treść nie dotarła w całości', 'the body arrived incomplete')]);
  }
  if (code === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (code === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  return new AppError('BAD_REQUEST', typeof type === 'string' ? type : undefined);
}
