/**
 * Decides whether a notice announces maintenance, an outage, a resolution, or nothing, from
 * tense, negation and framing, and says which phrases decided it (the evidence).
 */
import {
  DEADLINE_PATTERNS,
  DENIAL_PATTERNS,
  FUTURE_WORK,
  MAINTENANCE_PATTERNS,
  NOT_YET_WORDS,
  OPERATIONAL_PATTERNS,
  PLANNED_PATTERNS,
  PRESENT_TROUBLE,
  PROBLEM_WORDS,
  RESOLVED_PATTERNS,
  STRONG_OUTAGE_PATTERNS,
  WEAK_OUTAGE_PATTERNS,
} from './kinds.ts';

/** The four kinds of notice. */
export type NoticeKind = 'maintenance' | 'outage' | 'resolved' | 'none';

/** A classification, how sure it is (0..1) and the phrases behind it. */
export interface Classification {
  kind: NoticeKind;
  confidence: number;
  /** Normalized phrases that decided the kind, strongest first. */
  phrases: string[];
}

/**
 * Classifies normalized text. Order matters: a resolution beats everything ("awaria została
 * usunięta" mentions an outage), a denial beats trouble words ("informacja o awarii jest
 * nieprawdziwa"); planned work in the future tense beats trouble words unless something is
 * wrong right now ("obecnie", "pracujemy nad przywróceniem").
 */
export function classify(normalized: string): Classification {
  const resolved = settledMatch(normalized, RESOLVED_PATTERNS);
  const planned = allMatches(normalized, PLANNED_PATTERNS);
  const maintenance = allMatches(normalized, MAINTENANCE_PATTERNS);
  const strong = allMatches(normalized, STRONG_OUTAGE_PATTERNS);
  const present = allMatches(normalized, PRESENT_TROUBLE);
  if (resolved && planned.length === 0) return { kind: 'resolved', confidence: present.length > 0 ? 0.7 : 0.9, phrases: [resolved] };
  const denial = firstMatch(normalized, DENIAL_PATTERNS);
  if (denial) return { kind: 'none', confidence: 0.85, phrases: [denial] };
  const deadline = firstMatch(normalized, DEADLINE_PATTERNS);
  if (deadline && planned.length === 0 && maintenance.length === 0) return { kind: 'none', confidence: 0.8, phrases: [deadline] };
  const operational = firstMatch(normalized, OPERATIONAL_PATTERNS);
  if (operational && !FUTURE_WORK.test(normalized) && planned.length === 0) {
    const rest = normalized.replace(operational, ' ');
    const problem = PROBLEM_WORDS.exec(rest)?.[0];
    return problem ? { kind: 'resolved', confidence: 0.7, phrases: [operational, problem] } : { kind: 'none', confidence: 0.8, phrases: [operational] };
  }
  if (resolved) return { kind: 'resolved', confidence: 0.6, phrases: [resolved, ...planned] };
  // Trouble happening now wins over future words: "z powodu awarii trwają prace", "obecnie nie działa".
  if (present.length > 0) return { kind: 'outage', confidence: planned.length > 0 ? 0.65 : 0.9, phrases: [...present, ...strong] };
  if (planned.length > 0) return { kind: 'maintenance', confidence: strong.length > 0 ? 0.7 : 0.9, phrases: [...planned, ...maintenance] };
  if (strong.length > 0) return { kind: 'outage', confidence: maintenance.length > 0 ? 0.6 : 0.8, phrases: strong };
  if (maintenance.length > 0) return { kind: 'maintenance', confidence: 0.75, phrases: maintenance };
  const weak = allMatches(normalized, WEAK_OUTAGE_PATTERNS);
  if (weak.length > 0) return { kind: 'outage', confidence: 0.5, phrases: weak };
  return { kind: 'none', confidence: 0.6, phrases: [] };
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

function allMatches(text: string, patterns: readonly RegExp[]): string[] {
  const found: string[] = [];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

// A resolution phrase counts only when none of the three words before it is "nie", "zostanie", …
function settledMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const re of patterns) {
    const global = new RegExp(re.source, 'g');
    for (const m of text.matchAll(global)) {
      const before = text.slice(Math.max(0, (m.index ?? 0) - 60), m.index).split(/[^a-z0-9]+/).filter(Boolean).slice(-3);
      if (!before.some((w) => NOT_YET_WORDS.has(w))) return m[0];
    }
  }
  return null;
}
