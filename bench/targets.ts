/** Paths the benchmark measures against their precomputed-buffer baseline twins. */
export const BENCH_PATHS = ['/', '/api/v1/status'] as const;
