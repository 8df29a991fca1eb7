/** Retries never wait longer than this. */
export const MAX_RETRY_DELAY_MS = 10 * 60_000;

/**
 * Delay before retry number `attempt` (1 = the first retry): `baseMs` doubled per attempt,
 * capped, with "equal jitter" (a random half on top of a fixed half) so replicas and
 * endpoints recovering together do not retry in lockstep.
 */
export function retryDelay(attempt: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** How a delivery attempt went, from the HTTP status (null: no response at all). */
export function attemptOutcome(status: number | null): 'delivered' | 'retry' | 'give-up' {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  // Timeouts, throttling and server errors pass; other client errors (bad URL, revoked hook) will not.
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'give-up';
}
