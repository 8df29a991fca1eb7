/** Small read-only lookups over a token array, shared by the recognizers. */
import { MONTHS, RELATIVE_DAYS, RELATIVE_NIGHTS, TIME_INTRODUCERS, WEEKDAYS } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** The word at i, or null when the token is missing or not a word. */
export function wordAt(tokens: readonly Token[], i: number): string | null {
  const tok = tokens[i];
  return tok?.kind === 'word' ? tok.text : null;
}

/** True when the token at i is the punctuation mark `mark`. */
export function isPunct(tokens: readonly Token[], i: number, mark: string): boolean {
  const tok = tokens[i];
  return tok?.kind === 'punct' && tok.text === mark;
}

/** The bare number at i, or null. */
export function numAt(tokens: readonly Token[], i: number): number | null {
  const tok = tokens[i];
  return tok?.kind === 'num' ? tok.value : null;
}

/** The month named by the word at i, or null. */
export function monthAt(tokens: readonly Token[], i: number): number | null {
  const w = wordAt(tokens, i);
  return w === null ? null : (MONTHS[w] ?? null);
}

const TEMPORAL_WORDS = new Set([
  'polnocy',
  'polnoc',
  'poludnia',
  'rana',
  'nastepnego',
  'kolejnego',
  'dnia',
  'odwolania',
  'nocy',
  'noc',
  'godzin',
]);

/** Skips "ok." / "około" ("do ok. godz. 19:00"), which never changes what follows. */
export function skipApprox(tokens: readonly Token[], i: number): number {
  const w = wordAt(tokens, i);
  if (w === 'okolo') return i + 1;
  if (w !== 'ok') return i;
  return isPunct(tokens, i + 1, '.') ? i + 2 : i + 1;
}

/** True when the token at i (after "ok.") can begin a date or time, so a preceding "od"/"do"/"oraz" is temporal. */
export function isTemporalStart(tokens: readonly Token[], at: number): boolean {
  const i = skipApprox(tokens, at);
  const tok = tokens[i];
  if (tok === undefined) return false;
  if (tok.kind === 'num' || tok.kind === 'hm' || tok.kind === 'dmy') return true;
  if (tok.kind !== 'word') return false;
  const w = tok.text;
  return (
    TIME_INTRODUCERS.has(w) ||
    TEMPORAL_WORDS.has(w) ||
    w in WEEKDAYS ||
    w in RELATIVE_DAYS ||
    w in RELATIVE_NIGHTS ||
    w in MONTHS
  );
}
