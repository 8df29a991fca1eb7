/**
 * PESEL detection (RODO art. 5(1)(c), art. 9): the triage never needs a PESEL, so any value that
 * looks like one is rejected before anything else happens. The value is never returned or logged;
 * callers only learn which field held it.
 */

import { digitGroups, digitRunsOf, normalizeDigitText, withoutDigitSeparators } from '../domain/digits.ts';

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;
const MAX_DEPTH = 64;
// Field names are echoed in errors: keep unknown keys short.
const MAX_KEY = 64;

/** True when `digits` is exactly 11 digits with a valid PESEL check digit. */
export function isPesel(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10 === Number(digits[10]);
}

/**
 * True when the text holds an 11-digit run (alone, or written in groups) that passes the PESEL
 * checksum. The text is normalised first, so full-width or other Unicode digits, zero-width
 * characters and non-breaking spaces do not hide one.
 */
export function containsPesel(text: string): boolean {
  // Groups as the log redaction sees them ("850101 12345", "850–101–123–45", "44.05.14/01458").
  for (const m of normalizeDigitText(text).matchAll(digitGroups())) {
    const group = m[0];
    if (isPesel(withoutDigitSeparators(group))) return true;
    // A run inside a group ("tel. 22 850101123459"): check each plain run on its own too.
    for (const run of digitRunsOf(group)) if (isPesel(run)) return true;
  }
  return false;
}

/**
 * The path of the first field (in any key or value, numbers included, at any depth) holding a
 * PESEL, or null. A key that itself holds one is reported as `[key]` so the key is not echoed.
 */
export function findPeselField(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return containsPesel(value) ? path || 'body' : null;
  if (typeof value === 'number' || typeof value === 'bigint') return containsPesel(numberText(value)) ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  // Deeper than any valid input: nothing to learn, and validation rejects it anyway.
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findPeselField(value[i], `${path}[${i}]`, depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  const prefix = path ? `${path}.` : '';
  for (const [key, v] of Object.entries(value)) {
    if (containsPesel(key)) return `${prefix}[key]`;
    const hit = findPeselField(v, prefix + key.slice(0, MAX_KEY), depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

// Large integers print in exponent form ("8.5010112345e+21"); fixed notation keeps every digit visible.
function numberText(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}
