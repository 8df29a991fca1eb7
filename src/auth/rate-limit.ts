import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../domain/errors.ts';

/**
 * Per-client-IP limit for the admin API (per replica: each keeps its own counters). It runs
 * before authentication, so guessing tokens is throttled too; 429 RATE_LIMITED as JSON.
 */
export function adminRateLimit(opts: { windowMs: number; max: number }): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('RATE_LIMITED')),
  });
}
