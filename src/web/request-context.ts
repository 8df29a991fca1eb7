import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler } from 'express';
import { withoutDigitSeparators } from '../domain/digits.ts';
import type { Logger } from '../logging/logger.ts';
import { redactString } from '../logging/redact.ts';
import { redactUrl } from '../logging/redact-url.ts';

/** Header carrying the request id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const ELEVEN_DIGITS = /\d{11}/;

/** What one finished request looked like (for the access log and the duration histogram). */
export interface FinishedRequest {
  route: string;
  method: string;
  statusCode: number;
  seconds: number;
}

/**
 * An incoming id is honoured only if it is a short token that carries no personal data and no
 * credential: 11 digits once separators are removed (`req-440514-01458`) or anything the log
 * redaction would touch (an admin token) gets a fresh id instead.
 */
export function isSaneRequestId(value: string | undefined): value is string {
  return value !== undefined && SANE_ID.test(value) && !ELEVEN_DIGITS.test(withoutDigitSeparators(value)) && redactString(value) === value;
}

/** A fresh UUID that passes the same check (a few UUIDs hold 11 digits once the dashes go). */
export function newRequestId(): string {
  let id = randomUUID();
  while (!isSaneRequestId(id)) id = randomUUID();
  return id;
}

/** The route template that served a request (`/api/v1/components/:id`), or `unmatched`; never the raw path. */
export function routeTemplate(req: Request): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  // A request refused before routing (e.g. an admin 401) carries the template its router resolved up front.
  if (path === undefined) return (req.res?.locals as { routeTemplate?: string } | undefined)?.routeTemplate ?? 'unmatched';
  return `${req.baseUrl}${typeof path === 'string' ? path : String(path)}`;
}

/**
 * Assigns each request an id (the caller's `x-request-id` when sane, else a new UUID), echoes it
 * in the response, and logs one line per finished request; `onFinish` gets the same facts
 * (the metrics middleware hooks in there).
 */
export function requestContext(logger: Logger, onFinish?: (r: FinishedRequest) => void): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = isSaneRequestId(incoming) ? incoming : newRequestId();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.on('finish', () => {
      const finished: FinishedRequest = {
        route: routeTemplate(req),
        method: req.method,
        statusCode: res.statusCode,
        seconds: (performance.now() - started) / 1000,
      };
      onFinish?.(finished);
      const level = accessLogLevel(finished);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        { requestId, method: finished.method, route: finished.route, url: redactUrl(req.originalUrl), status: finished.statusCode, ms: Math.round(finished.seconds * 1000) },
        'request',
      );
    });
    next();
  };
}

/**
 * Successful reads (page views, API polls, probes of liveness, scrapes) are logged at debug:
 * during an outage thousands of patients reload the page, and an info line per view would
 * cost more than serving it. Writes and client errors stay at info, server errors at error;
 * the duration histogram still counts every request.
 */
export function accessLogLevel(r: Pick<FinishedRequest, 'method' | 'statusCode'>): 'debug' | 'info' | 'error' {
  if (r.statusCode >= 500) return 'error';
  if ((r.method === 'GET' || r.method === 'HEAD') && r.statusCode < 400) return 'debug';
  return 'info';
}
