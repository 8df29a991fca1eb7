/**
 * Text normalisation for finding digit runs whatever way they are spelled: a PESEL written with
 * full-width or other Unicode digits, zero-width characters, non-breaking spaces or odd separators
 * must look the same as "44051401359" to the log redaction and to the triage's PESEL guard.
 */

// Format characters (zero-width space/joiners, BOM, soft hyphen, word joiner, bidi marks) are invisible: drop them.
const FORMAT_CHARS = /\p{Cf}/gu;
// Every kind of space (NBSP, thin, narrow NBSP, ideographic, …) becomes a plain one.
const SPACES = /[\s\p{Zs}]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const ND = /^\p{Nd}$/u;

/** The ASCII digit a Unicode decimal digit stands for (Unicode lays out each script's digits 0-9 contiguously). */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let zero = cp;
  while (cp - zero < 9 && ND.test(String.fromCodePoint(zero - 1))) zero--;
  return String(cp - zero);
}

/** NFKC-normalised text with invisible characters removed, every space plain and every decimal digit ASCII. */
export function normalizeDigitText(text: string): string {
  // Plain ASCII (the common case) needs none of this.
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return text.normalize('NFKC').replace(FORMAT_CHARS, '').replace(SPACES, ' ').replace(NON_ASCII_DIGIT, asciiDigit);
}

/**
 * What may sit between the digits of one number as people write it, as a regex character class
 * (use with the `u` flag). This is the one place the shape lives: the log redaction, the triage's
 * PESEL guard and the request-id check all take it from here, so a spelling caught by one is
 * caught by all. It holds every space (NBSP, thin, ideographic, …), every Unicode dash (\p{Pd}:
 * hyphen, en and em dash, figure dash, horizontal bar, …), the minus signs that Unicode files
 * elsewhere (U+2212, modifier, superscript, subscript and heavy minus), and the punctuation people
 * group digits with: dot, comma, colon, semicolon, slash, backslash, underscore, plus, apostrophes,
 * middle dots, the ideographic and Arabic comma and stop, and U+FFFD (what a broken percent-escape
 * of a separator decodes to). Percent-encoded separators are decoded before this is applied.
 */
export const DIGIT_SEPARATOR = String.raw`[\s\p{Zs}\p{Pd}\u2212\u02D7\u207B\u208B\u2796.,:;/\\_+'\u2019\u02BC\u00B7\u2027\u2022\u2024\u2044\u2215\u30FB\u3001\u3002\u060C\u066B\u066C\uFF0C\uFF0E\uFF1A\uFF1B\uFF0F\uFFFD]`;

/** At most this many separator characters between two digits of one number ("440514 – 01458"). */
const MAX_GAP = 3;

/**
 * Digit runs of `minDigits` or more digits, allowing up to three separators between any two
 * digits ("440514 01458", "44.05.14.01458", "440–514–014–58"). Use on normalised text.
 */
export function separatedDigitRun(minDigits: number): RegExp {
  return new RegExp(`\\d(?:${DIGIT_SEPARATOR}{0,${MAX_GAP}}\\d){${minDigits - 1},}`, 'gu');
}

/** Groups of digits joined by separators, each match one number as written ("850-101-123-45"). Use on normalised text. */
export function digitGroups(): RegExp {
  return new RegExp(`\\d+(?:${DIGIT_SEPARATOR}{1,${MAX_GAP}}\\d+)*`, 'gu');
}

/** The plain runs of digits a group is made of ("850-101" → ["850", "101"]). */
export function digitRunsOf(group: string): string[] {
  return group.split(new RegExp(`${DIGIT_SEPARATOR}+`, 'u'));
}

/** The text with every separator removed, so the digits of a grouped number stand together. */
export function withoutDigitSeparators(text: string): string {
  return text.replace(new RegExp(DIGIT_SEPARATOR, 'gu'), '');
}
