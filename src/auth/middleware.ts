import type { RequestHandler, Response } from 'express';
import type { Actor } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';
import type { TokenVerifier } from './verifier.ts';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Requires a valid bearer token; 401 UNAUTHORIZED (with a WWW-Authenticate challenge) when missing or unknown. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    const result = match?.[1] ? await verifier.check(match[1], req.ip) : null;
    // Over the hashing budget the token was not looked at: the client should simply retry shortly.
    if (result && !result.actor && result.reason === 'throttled') {
      res.set('retry-after', '1');
      throw new AppError('RATE_LIMITED', 'token checks over the scrypt budget');
    }
    const actor = result?.actor;
    if (!actor) {
      res.set('www-authenticate', `Bearer realm="ikp-status admin"${match ? ', error="invalid_token"' : ''}`);
      throw new AppError('UNAUTHORIZED', match ? 'invalid token' : 'missing bearer token');
    }
    res.locals.actor = actor;
    next();
  };
}

/** Viewers may only read: any other method needs the operator role (403 FORBIDDEN). */
export const writesNeedOperator: RequestHandler = (req, res, next) => {
  if (!READ_METHODS.has(req.method) && actorOf(res).role !== 'operator') throw new AppError('FORBIDDEN', `role ${actorOf(res).role} cannot ${req.method}`);
  next();
};

/** The authenticated actor of a request (set by `authenticate`). */
export function actorOf(res: Response): Actor {
  const actor = (res.locals as { actor?: Actor }).actor;
  if (!actor) throw new AppError('UNAUTHORIZED', 'not authenticated');
  return actor;
}
