/**
 * Cooperative banks ("Bank Spółdzielczy w Wadowicach", "BS w Kole") are attributed to their own
 * id `bank:bs-<town>`, never to another bank: a cooperative bank that is not configured gives a
 * component the pipeline does not know, so the notice falls back to its source's components.
 */
import type { KeywordTable, Mention } from './mention.ts';

// "bank spółdzielczy w …", "banku spółdzielczego w …", "bs w …"; the town is one or two words.
const COOPERATIVE = /(?<![a-z0-9])(?:bank\w* spoldzielcz\w*|bs) (?:w|we) ([a-z]+)(?: ([a-z]+))?/g;

// Locative town names whose nominative no suffix rule gives.
const TOWN_EXCEPTIONS: Readonly<Record<string, string>> = {
  kole: 'kolo',
  lodzi: 'lodz',
  opolu: 'opole',
  brzesku: 'brzesko',
  kutnie: 'kutno',
  gnieznie: 'gniezno',
  pile: 'pila',
  warszawie: 'warszawa',
  krakowie: 'krakow',
  zamosciu: 'zamosc',
  bydgoszczy: 'bydgoszcz',
  gdyni: 'gdynia',
};

// Ordered suffix rules from the locative to the nominative ("Wadowicach" -> "wadowice").
const SUFFIX_RULES: readonly [RegExp, string][] = [
  [/ach$/, 'e'],
  [/(c|rz|z)y$/, '$1a'],
  [/([^o])wie$/, '$1w'],
  [/owie$/, 'ow'],
  [/ninie$/, 'nin'],
  [/inie$/, 'in'],
  [/cie$/, 't'],
  [/dzie$/, 'd'],
  [/niu$/, 'n'],
  [/iu$/, ''],
  [/u$/, ''],
];

/** One `bank:bs-<town>` mention per cooperative bank named with its town. */
export function cooperativeBanks(normalized: string, table: KeywordTable): Mention[] {
  const found: Mention[] = [];
  for (const m of normalized.matchAll(COOPERATIVE)) {
    const first = m[1] ?? '';
    const second = m[2];
    // "w Nowym Targu": an adjective takes the next word along; otherwise the town is one word.
    const adjective = /(?:ym|im|ej)$/.test(first) && second !== undefined;
    const town = adjective ? `${adjectiveToNominative(first)}-${nounToNominative(second)}` : nounToNominative(first);
    const end = (m.index ?? 0) + m[0].length - (adjective || second === undefined ? 0 : second.length + 1);
    const id = `bank:bs-${town}`;
    // A configured id wins on equal spans (rank 0); ours ranks after it.
    found.push({ id, start: m.index ?? 0, end, phrase: normalized.slice(m.index ?? 0, end), rank: id in table ? 0 : 1 });
  }
  return found;
}

function nounToNominative(word: string): string {
  const exception = TOWN_EXCEPTIONS[word];
  if (exception) return exception;
  for (const [re, replacement] of SUFFIX_RULES) if (re.test(word)) return word.replace(re, replacement);
  return word;
}

function adjectiveToNominative(word: string): string {
  if (word.endsWith('ej')) return `${word.slice(0, -2)}a`;
  return `${word.slice(0, -1)}`;
}
