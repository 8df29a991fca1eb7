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
}

/** The triage faces' limiter (defaults: TRIAGE_RATE_LIMIT). */
export function triageRateLimiter(opts: RateLimitOptions = {}): RateLimitRequestHandler {
  return perIpRateLimiter({ windowMs: TRIAGE_RATE_LIMIT.windowMs, limit: TRIAGE_RATE_LIMIT.limit, ...definedOnly(opts) });
}

/** A per-IP limiter: over budget, a 429 RATE_LIMITED error (pl + en) goes to the error handler. */
export function perIpRateLimiter(opts: Required<Pick<RateLimitOptions, 'windowMs' | 'limit'>> & RateLimitOptions): RateLimitRequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(opts.store ? { store: opts.store } : {}),
    // A Redis hiccup must not take the help page down: fail open.
    passOnStoreError: true,
    handler: (_req, _res, next) => next(new AppError('RATE_LIMITED')),
  });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
