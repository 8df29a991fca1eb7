import { readFileSync } from 'node:fs';

/** The soft limit assumed when it cannot be read (not Linux): the usual default. */
export const ASSUMED_FD_LIMIT = 1_024;
/** Never more streams than this by default, whatever the fd limit (memory per stream adds up). */
export const MAX_DERIVED_STREAMS = 10_000;

/**
 * The process's soft limit on open files (what `ulimit -n` shows). Node has no getrlimit, so it
 * is read from /proc/self/limits on Linux; null when unreadable, and Infinity for `unlimited`.
 */
export function fdSoftLimit(read: () => string = () => readFileSync('/proc/self/limits', 'utf8')): number | null {
  let text: string;
  try {
    text = read();
  } catch {
    return null;
  }
  const m = /^Max open files\s+(\d+|unlimited)\s+(?:\d+|unlimited)\s+files\s*$/m.exec(text);
  if (!m) return null;
  return m[1] === 'unlimited' ? Infinity : Number(m[1]);
}

/**
 * The total number of live streams allowed when none is configured: whatever the fd limit
 * leaves after a reserve for probes, the store, logs and ordinary requests (0: no streams at all).
 */
export function derivedStreamCap(softLimit: number | null, reserve: number): number {
  const limit = softLimit ?? ASSUMED_FD_LIMIT;
  return Math.max(0, Math.min(MAX_DERIVED_STREAMS, limit - reserve));
}
