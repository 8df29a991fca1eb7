import { HOUR_WORDS } from './lexicon.ts';

/** Splits normalized notice text into the tokens the recognizer walks over. */

/** One lexical unit of normalized text; `pos` is its offset in that text. */
export type Token = TokenBody & { pos: number };

/** What a token is. */
export type TokenBody =
  | { kind: 'word'; text: string }
  | { kind: 'num'; text: string; value: number }
  /** `a:b` or `a.b`: a time, or with '.' possibly a day.month date ("09.06"). */
  | { kind: 'hm'; text: string; a: number; b: number; sep: ':' | '.' }
  | { kind: 'dmy'; text: string; day: number; month: number; year: number }
  | { kind: 'punct'; text: string };

// Order matters: full dates before day.month/time pairs before bare numbers. Words may hold
// inner dots or dashes ("login.gov.pl", "e-recepta") but each part starts with a letter.
const TOKEN_RE =
  /(\d{4})-(\d{2})-(\d{2})(?![\d:])|(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)|(\d{1,2})([:.])(\d{2})(?![\d]|\.\d)|(\d+)|([a-z][a-z0-9]*(?:[.-][a-z][a-z0-9]*)*)|([-/(),.;:])/g;

/** Tokenizes text that already went through normalizeText(). */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(TOKEN_RE)) {
    const text = m[0];
    const pos = m.index ?? 0;
    if (m[1] !== undefined) {
      tokens.push({ kind: 'dmy', text, pos, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
    } else if (m[4] !== undefined) {
      tokens.push({ kind: 'dmy', text, pos, day: Number(m[4]), month: Number(m[5]), year: Number(m[6]) });
    } else if (m[7] !== undefined) {
      tokens.push({ kind: 'hm', text, pos, a: Number(m[7]), b: Number(m[9]), sep: m[8] === ':' ? ':' : '.' });
    } else if (m[10] !== undefined) {
      tokens.push({ kind: 'num', text, pos, value: Number(m[10]) });
    } else if (m[11] !== undefined) {
      pushWord(tokens, text, pos);
    } else {
      tokens.push({ kind: 'punct', text, pos });
    }
  }
  return tokens;
}

// "dwudziestej drugiej" is 22; a lone ordinal becomes a number that still needs a time context.
function pushWord(tokens: Token[], text: string, pos: number): void {
  const hour = HOUR_WORDS[text];
  if (hour === undefined) {
    tokens.push({ kind: 'word', text, pos });
    return;
  }
  const prev = tokens[tokens.length - 1];
  if (hour < 10 && prev?.kind === 'num' && prev.value === 20 && prev.text === 'dwudziestej') {
    tokens[tokens.length - 1] = { kind: 'num', text: `${prev.text} ${text}`, pos: prev.pos, value: 20 + hour };
    return;
  }
  tokens.push({ kind: 'num', text, pos, value: hour });
}
