/** Parses durations written as `500ms`, `30s`, `5m`, `1h` or `2d` into milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return null;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

/**
 * Turns a probe interval into a six-field node-cron expression, or null when the interval
 * does not divide its unit evenly (cron cannot express "every 7 minutes" without drift).
 * `offsetSeconds` spreads minute-level probes over the minute.
 */
export function intervalToCron(ms: number, offsetSeconds = 0): string | null {
  const s = ms / 1000;
  if (!Number.isInteger(s) || s < 1) return null;
  if (s < 60) return 60 % s === 0 ? (s === 1 ? '* * * * * *' : `*/${s} * * * * *`) : null;
  const min = s / 60;
  const off = offsetSeconds % 60;
  if (min < 60) return Number.isInteger(min) && 60 % min === 0 ? `${off} */${min} * * * *` : null;
  const h = min / 60;
  if (h <= 24) return Number.isInteger(h) && 24 % h === 0 ? `${off} 0 */${h} * * *` : null;
  return null;
}
