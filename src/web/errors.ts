import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, ERRORS } from '../domain/errors.ts';
import type { Logger } from '../logging/logger.ts';

/** JSON body for an error: a stable code plus Polish and English messages. */
export function errorBody(err: AppError): object {
  const text = ERRORS[err.code];
  return { error: { code: err.code, message: { pl: text.pl, en: text.en }, ...(err.fields ? { fields: err.fields } : {}) } };
}

/** Unmatched routes become a NOT_FOUND JSON error. */
export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('NOT_FOUND'));

/** Maps any thrown error to a JSON error; unknown errors are logged and hidden behind INTERNAL. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (isBodyParserError(err)) appErr = new AppError(err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', err.type);
    else {
      logger.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    // A store outage is short-lived: tell clients when to try again.
    if (appErr.code === 'STORE_UNAVAILABLE') res.setHeader('Retry-After', '5');
    res.status(appErr.status).json(errorBody(appErr));
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string' && typeof (err as { status?: unknown }).status === 'number';
}
