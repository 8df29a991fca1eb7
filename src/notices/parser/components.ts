/** Attributes a notice to components by keywords (profil zaufany, login.gov.pl, banks, …). */
import { BANK_KEYWORDS, COMPONENT_KEYWORDS } from './lexicon.ts';
import { normalizeText } from './normalize.ts';

/** componentId -> keywords; ids of banks are given in full ("bank:pko-bp"). */
export type KeywordTable = Readonly<Record<string, readonly string[]>>;

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

/** Component ids whose keywords occur in already-normalized text, sorted and unique. */
export function findComponents(normalized: string, table: KeywordTable): string[] {
  const found = new Set<string>();
  for (const [id, words] of Object.entries(table)) {
    if (words.some((keyword) => keywordRegExp(keyword)?.test(normalized))) found.add(id);
  }
  return [...found].sort();
}

/**
 * Compiles a keyword: words are separated by spaces; a word ending in '*' matches any word
 * that starts with it; matches never start or end inside a word.
 */
export function keywordRegExp(keyword: string): RegExp | null {
  const words = normalizeText(keyword).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const body = words
    .map((w) => (w.endsWith('*') ? `${escapeRe(w.slice(0, -1))}[a-z0-9]*` : escapeRe(w)))
    .join('\\s+');
  return new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`);
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
