import type { Response } from 'express';
import { rateLimit, type RateLimitRequestHandler, type Store as RateLimitStore } from 'express-rate-limit';
import { AppError } from '../domain/errors.ts';

/** The express-rate-limit store interface (built by the store's CoordinationPort.rateLimitStore), re-exported for WebDeps wiring. */
export type { RateLimitStore };

/** Default budget per client IP for the triage faces (API, form, profile expiry). */
export const TRIAGE_RATE_LIMIT = { windowMs: 60_000, limit: 60 } as const;

/** Options of a per-IP limiter. */
export interface RateLimitOptions {
  windowMs?: number;
  limit?: number;
  store?: RateLimitStore;
  /**
   * When set, only requests this calls failed count toward the limit (plus those refused for being
   * over it): a request is counted when it arrives, so concurrent ones cannot slip past together,
   * and handed back when it finishes without failing. The store's decrement makes it work across replicas.
   */
  failed?: (res: Response) => boolean;
}

/** The triage faces' limiter (defaults: TRIAGE_RATE_LIMIT). */
export function triageRateLimiter(opts: RateLimitOptions = {}): RateLimitRequestHandler {
  return perIpRateLimiter({ windowMs: TRIAGE_RATE_LIMIT.windowMs, limit: TRIAGE_RATE_LIMIT.limit, ...definedOnly(opts) });
}

/** A per-IP limiter: over budget, a 429 RATE_LIMITED error (pl + en) goes to the error handler. */
export function perIpRateLimiter(opts: Required<Pick<RateLimitOptions, 'windowMs' | 'limit'>> & RateLimitOptions): RateLimitRequestHandler {
  const { failed } = opts;
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(opts.store ? { store: opts.store } : {}),
    // A Redis hiccup must not take the help page down: fail open.
    passOnStoreError: true,
    ...(failed ? { skipSuccessfulRequests: true, requestWasSuccessful: (_req: unknown, res: Response) => res.locals.rateLimited !== true && !failed(res) } : {}),
    handler: (_req, res, next) => {
      res.locals.rateLimited = true;
      next(new AppError('RATE_LIMITED'));
    },
  });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
