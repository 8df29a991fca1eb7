/**
 * Recognises form fields that hold a secret a journey must never fill or submit: passwords,
 * PINs, CAN numbers of e-ID cards, one-time and SMS codes, and PESEL (personal data).
 * Used twice on purpose: by the config schema (a submit step may not name such a field) and by
 * the journey runner (a form on the page that has one is refused before anything is sent).
 */

/** Name tokens (after splitting on punctuation and camelCase) that mark a secret. */
const SECRET_TOKENS: ReadonlySet<string> = new Set([
  'hasło', 'haslo', 'password', 'passwd', 'pass', 'pwd', 'passcode',
  'pin', 'can', 'otp', 'totp', 'sms', 'kod', 'code', 'tan', 'cvv', 'cvc', 'pesel', 'secret',
]);

/** Substrings that mark a secret wherever they appear in a name (e.g. `nowehaslo`, `userPassword1`). */
const SECRET_SUBSTRINGS = /has[łl]o|passw|pesel/i;

/** Splits `loginForm:hasło`, `user_pin`, `smsCode` into lower-case word tokens. */
function tokens(name: string): string[] {
  return name
    .replace(/([a-ząćęłńóśźż])([A-ZĄĆĘŁŃÓŚŹŻ])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/** Whether a field with this name (and input type) may carry a credential. */
export function isCredentialField(name: string, type?: string): boolean {
  if (type !== undefined && type.toLowerCase() === 'password') return true;
  if (SECRET_SUBSTRINGS.test(name)) return true;
  return tokens(name).some((t) => SECRET_TOKENS.has(t) || /^(pin|otp|sms|can)\d*$/.test(t));
}
