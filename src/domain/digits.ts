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

/** Characters that may sit between the digits of one number as people write it (spaces, dots, dashes, slashes, …). */
export const DIGIT_SEPARATORS = ' ._/+\\-';

/**
 * Digit runs of `minDigits` or more digits, allowing up to three separators between any two
 * digits ("440514 01458", "44.05.14.01458", "440-514-014-58"). Use on normalised text.
 */
export function separatedDigitRun(minDigits: number): RegExp {
  return new RegExp(`\\d(?:[${DIGIT_SEPARATORS}]{0,3}\\d){${minDigits - 1},}`, 'g');
}
