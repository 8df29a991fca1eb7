import type { RequestHandler, Response } from 'express';
import { perIpRateLimiter, type RateLimitStore } from '../rate-limit.ts';

/** Sign-in attempts are counted over this window. */
const WINDOW_MS = 60_000;

/** Records that this sign-in presented a token that matches no configured one. */
export function markSignInFailed(res: Response): void {
  res.locals.signInFailed = true;
}

function signInFailed(res: Response): boolean {
  return (res.locals as { signInFailed?: boolean }).signInFailed === true;
}

/**
 * The console's sign-in limit: `limit` failed sign-ins per client address a minute. Only failures
 * count, so colleagues signing in from one office address never use up each other's budget, and a
 * successful sign-in is never the attempt that locks an address; failures from other addresses do
 * not count against this one. A stale form (403) or a check refused by the scrypt budget (429)
 * tested no token and is not a failure. With a shared store (Redis) replicas count together.
 *
 * Counted per address only: tokens are `ikp_` plus random bytes with no name part, so a wrong token
 * names no operator whose failures could be counted apart. Were a named format added, its failures
 * would also be counted per name, in a limiter with its own store.
 */
export function signInFailureLimiter(opts: { limit: number; store?: RateLimitStore }): RequestHandler {
  return perIpRateLimiter({ windowMs: WINDOW_MS, limit: opts.limit, store: opts.store, failed: signInFailed });
}
