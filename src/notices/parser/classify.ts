/** Decides whether a notice announces maintenance, an outage, a resolution, or nothing. */
import {
  DENIAL_PATTERNS,
  FUTURE_WORK,
  MAINTENANCE_PATTERNS,
  NOT_YET_WORDS,
  OPERATIONAL_PATTERNS,
  PROBLEM_WORDS,
  RESOLVED_PATTERNS,
  STRONG_OUTAGE_PATTERNS,
  WEAK_OUTAGE_PATTERNS,
} from './kinds.ts';

/** The four kinds of notice. */
export type NoticeKind = 'maintenance' | 'outage' | 'resolved' | 'none';

/**
 * Classifies normalized text. Order matters: a resolution beats everything ("awaria została
 * usunięta" mentions an outage), a denial beats trouble words ("informacja o awarii jest
 * nieprawdziwa"), and an ongoing fault beats maintenance words.
 */
export function classify(normalized: string): NoticeKind {
  if (RESOLVED_PATTERNS.some((re) => matchesSettled(normalized, re))) return 'resolved';
  if (DENIAL_PATTERNS.some((re) => re.test(normalized))) return 'none';
  const operational = OPERATIONAL_PATTERNS.find((re) => re.test(normalized));
  if (operational && !FUTURE_WORK.test(normalized)) {
    const rest = normalized.replace(operational, ' ');
    return PROBLEM_WORDS.test(rest) ? 'resolved' : 'none';
  }
  if (STRONG_OUTAGE_PATTERNS.some((re) => re.test(normalized))) return 'outage';
  if (MAINTENANCE_PATTERNS.some((re) => re.test(normalized))) return 'maintenance';
  if (WEAK_OUTAGE_PATTERNS.some((re) => re.test(normalized))) return 'outage';
  return 'none';
}

// A resolution phrase counts only when none of the three words before it is "nie", "zostanie", …
function matchesSettled(text: string, re: RegExp): boolean {
  const global = new RegExp(re.source, 'g');
  for (const m of text.matchAll(global)) {
    const before = text.slice(0, m.index).split(/[^a-z0-9]+/).filter(Boolean).slice(-3);
    if (!before.some((w) => NOT_YET_WORDS.has(w))) return true;
  }
  return false;
}
