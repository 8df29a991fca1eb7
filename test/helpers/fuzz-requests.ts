/** How many requests CI always sends. */
export const CI_FUZZ_REQUESTS = 10_000;
/** Fewer requests no longer reach every route and every client error with the fuzz test's seed. */
export const MIN_FUZZ_REQUESTS = 1_000;

/**
 * The number of requests test/faults/http-fuzz.test.ts sends: 10,000 in CI (`CI=true`) whatever
 * else is set; locally IKP_FUZZ_REQUESTS may lower it to between 1,000 and 10,000 (docs/testing.md).
 * A value outside that range is an error naming the variable, not a silently different run.
 */
export function fuzzRequests(env: NodeJS.ProcessEnv): number {
  const raw = env.IKP_FUZZ_REQUESTS?.trim();
  if (env.CI === 'true' || raw === undefined || raw === '') return CI_FUZZ_REQUESTS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < MIN_FUZZ_REQUESTS || n > CI_FUZZ_REQUESTS) {
    throw new Error(`IKP_FUZZ_REQUESTS: must be a whole number from ${MIN_FUZZ_REQUESTS} to ${CI_FUZZ_REQUESTS}, got "${raw}"`);
  }
  return n;
}
