/**
 * Attributes a notice to the components it is about. Keywords are matched with their spans; an
 * overlapping longer match wins ("Santander Consumer Bank" is not "Santander"), and mentions that
 * are only context are dropped: comparisons ("jak w mBanku"), clauses saying a service is not
 * affected ("nie dotyczy klientów …", "… działa normalnie"), and mojeID named as the way a
 * bank's customers log in ("mBank (mojeID)"), which is about that bank, not all of mojeID.
 */
import { BANK_KEYWORDS, COMPONENT_KEYWORDS } from './lexicon.ts';
import { normalizeText } from './normalize.ts';
import { cooperativeBanks } from './cooperative.ts';
import type { KeywordTable, Mention } from './mention.ts';

export type { KeywordTable, Mention } from './mention.ts';

/** The built-in table: services plus every bank as `bank:<id>`. */
export function defaultKeywordTable(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const [id, words] of Object.entries(COMPONENT_KEYWORDS)) table[id] = [...words];
  for (const [id, words] of Object.entries(BANK_KEYWORDS)) table[`bank:${id}`] = [...words];
  return table;
}

/** Merges extra keywords (from config) into the built-in table; extras add, never replace. */
export function mergeKeywords(extra: KeywordTable | undefined): Record<string, string[]> {
  const table = defaultKeywordTable();
  for (const [id, words] of Object.entries(extra ?? {})) table[id] = [...(table[id] ?? []), ...words];
  return table;
}

/** How the text was classified; clauses saying "works normally" are context only in trouble notices. */
export interface AttributionOptions {
  trouble: boolean;
}

// Comparisons and past references that name a bank in passing.
const COMPARISON_BEFORE = /(?:jak|niz|niczym)(?: to bylo)? (?:w|u|we|z) $|(?:jak|niz) $/;
// A clause that says a component is not affected.
const UNAFFECTED = /\bnie dotycz\w*|\b(?:dziala|dzialaja|dzialac|funkcjonuje|funkcjonuja) (?:normalnie|bez zmian|bez zaklocen|prawidlowo|poprawnie)\b|\bbez zmian\b/;
// mojeID is the subject when the notice is headed by it or calls it a system or service.
const MOJEID_SUBJECT_BEFORE = /(?:^|system\w* |serwis\w* |uslug\w* |operator\w* |awari\w* |dostawc\w* |platform\w* |krajow\w* izb\w* rozliczeniow\w* |kir )$/;

/** The mentions that decide attribution (for --explain). */
export function attribute(normalized: string, table: KeywordTable, opts: AttributionOptions): Mention[] {
  const mentions = longestFirst([...keywordMentions(normalized, table), ...cooperativeBanks(normalized, table)], normalized.length);
  const clauses = new Clauses(normalized);
  const kept = mentions.filter((m) => !COMPARISON_BEFORE.test(normalized.slice(Math.max(0, m.start - 24), m.start)));
  const affected = opts.trouble ? kept.filter((m) => !clauses.isUnaffected(m.start)) : kept;
  // Every mention of a service may sit in an "unaffected" clause of a short notice; then keep them.
  const chosen = affected.length > 0 ? affected : kept;
  const hasBank = chosen.some((m) => m.id.startsWith('bank:'));
  return chosen.filter((m) => m.id !== 'mojeid' || !hasBank || MOJEID_SUBJECT_BEFORE.test(normalized.slice(Math.max(0, m.start - 40), m.start)));
}

function keywordMentions(normalized: string, table: KeywordTable): Mention[] {
  const found: Mention[] = [];
  for (const [id, words] of Object.entries(table)) {
    for (const keyword of words) {
      const re = keywordRegExp(keyword, 'g');
      if (!re) continue;
      for (const m of normalized.matchAll(re)) {
        const start = m.index ?? 0;
        found.push({ id, start, end: start + m[0].length, phrase: m[0], rank: 0 });
      }
    }
  }
  return found;
}

// Longest span first; a mention overlapping an accepted one is dropped. Covered characters are
// marked in a bitmap, so a long page with thousands of mentions stays linear.
function longestFirst(mentions: Mention[], length: number): Mention[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const covered = new Uint8Array(length + 1);
  const accepted: Mention[] = [];
  for (const m of sorted) {
    if (covered.subarray(m.start, m.end).includes(1)) continue;
    covered.fill(1, m.start, m.end);
    accepted.push(m);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

// Clause boundaries (sentence ends, ", a …"); each clause's "unaffected" test runs once.
class Clauses {
  private readonly bounds: number[] = [0];
  private readonly unaffected = new Map<number, boolean>();

  constructor(private readonly text: string) {
    for (const m of text.matchAll(/[.;!?\n]\s|,\s(?:a|ale|natomiast|jednak)\s/g)) this.bounds.push((m.index ?? 0) + 1);
    this.bounds.push(text.length);
  }

  /** True when the clause holding `at` says a component is not affected. */
  isUnaffected(at: number): boolean {
    let lo = 0;
    let hi = this.bounds.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((this.bounds[mid] ?? 0) <= at) lo = mid;
      else hi = mid;
    }
    const cached = this.unaffected.get(lo);
    if (cached !== undefined) return cached;
    const result = UNAFFECTED.test(this.text.slice(this.bounds[lo], this.bounds[hi]));
    this.unaffected.set(lo, result);
    return result;
  }
}

/**
 * Compiles a keyword: words are separated by spaces; a word ending in '*' matches any word
 * that starts with it; matches never start or end inside a word.
 */
export function keywordRegExp(keyword: string, flags = ''): RegExp | null {
  const words = normalizeText(keyword).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const body = words
    .map((w) => (w.endsWith('*') ? `${escapeRe(w.slice(0, -1))}[a-z0-9]*` : escapeRe(w)))
    .join('\\s+');
  return new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, flags);
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
