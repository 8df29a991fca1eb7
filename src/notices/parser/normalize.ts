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
