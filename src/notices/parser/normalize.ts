/** Folds Polish notice text into one canonical form so every later stage matches plain ASCII words. */

// ł does not decompose under NFD, so it needs its own mapping.
const LETTER_FOLDS: Record<string, string> = { ł: 'l', Ł: 'l' };

/** Lower-cases, strips diacritics, folds every dash to '-' and collapses whitespace. */
export function normalizeText(text: string): string {
  return text
    .replace(/[łŁ]/g, (c) => LETTER_FOLDS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\s]+/g, ' ')
    .trim();
}

/**
 * The words of `text` that a phrase of its normalised form was read from, with their diacritics
 * and case ("przerwa techniczna" → "Przerwa techniczna", "zmiana czasu" → "zmianą czasu"); the
 * phrase itself when it cannot be placed. Operators review evidence in the notice's own words.
 */
export function originalPhrase(text: string, phrase: string): string {
  // Normalise char by char, remembering where each normalised char came from.
  let folded = '';
  const from: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const one = normalizeText(text[i]!);
    if (one === '') {
      // Whitespace: one space for a run of it, none at the start.
      if (!space && /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]/.test(text[i]!)) {
        folded += ' ';
        from.push(i);
        space = true;
      }
      continue;
    }
    for (const ch of one) {
      folded += ch;
      from.push(i);
    }
    space = false;
  }
  const at = folded.indexOf(phrase);
  if (at < 0 || phrase.length === 0) return phrase;
  const start = from[at]!;
  const end = from[at + phrase.length - 1]!;
  return text.slice(start, end + 1);
}
