import { normalizeDigitText, separatedDigitRun } from '../domain/digits.ts';
import { safePercentDecode } from './percent-decode.ts';

/** What replaces a redacted value, by kind (the kind helps operators read a log without the data). */
export const CENSOR = { pesel: '[redacted:pesel]', email: '[redacted:email]', secret: '[redacted]' } as const;

// Eleven or more digits, with or without separators between them ("440514 01458", "44.05.14.01458",
// "440514–01458", "4405:1401:458"): a PESEL (RODO art. 9: health context), or a longer id such as an
// account number. Matched by the shape in domain/digits.ts (every dash and punctuation separator),
// after decoding and normalisation, so no spelling (full-width digits, NBSP, %E2%80%93) slips through.
const PESEL_LIKE = separatedDigitRun(11);
// Shapes a log needs and no one writes a PESEL in: a timestamp (ISO or "2026-11-22 10:00:00") and
// an IPv4 address with its port (the server's own URL). Only a match that is wholly one of them,
// with valid field ranges, is kept; an address without a port or scheme could be a grouped PESEL.
const TIMESTAMP = /^(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?$/;
const ADDRESS_WITH_PORT = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}:\d{1,5}$/;

function peselOrKept(match: string): string {
  return TIMESTAMP.test(match) || ADDRESS_WITH_PORT.test(match) ? match : CENSOR.pesel;
}
// Admin API tokens (`ikp_` + base64url, see domain/token-hash.ts), wherever they appear.
const ADMIN_TOKEN = /ikp_[A-Za-z0-9_-]{8,}/g;
// Credentials passed as parameters (`?token=…`, `access_token=…`, `password: …`).
const SECRET_PARAM = /\b((?:access_|api_|refresh_|id_)?token|api_?key|password|passwd|secret|client_secret|sig|signature)(\s*[=:]\s*)("?)[^&\s",;]+/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Credentials written inline, e.g. an error message quoting "Authorization: Bearer abc".
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token|ApiKey)\s+[^\s",;]+/gi;
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|password|token)$/i;
const MAX_DEPTH = 20;

/**
 * A string with every PESEL-like digit run, email address, admin token and inline credential
 * replaced. Text holding percent escapes is judged (and, if anything is found, logged) in its
 * decoded form, so `%34%34%30…` hides nothing.
 */
export function redactString(s: string): string {
  const plain = s.includes('%') ? safePercentDecode(s) : s;
  const normalised = normalizeDigitText(plain);
  const redacted = redactPlain(normalised);
  // Nothing found: keep the text exactly as it was.
  return redacted === normalised ? s : redacted;
}

function redactPlain(s: string): string {
  return s
    .replace(ADMIN_TOKEN, CENSOR.secret)
    .replace(AUTH_SCHEME, `$1 ${CENSOR.secret}`)
    .replace(SECRET_PARAM, `$1$2$3${CENSOR.secret}`)
    .replace(PESEL_LIKE, peselOrKept)
    .replace(EMAIL, CENSOR.email);
}

/**
 * A deep copy of a JSON-like value with every string (and object key) redacted; values under
 * credential-bearing keys (authorization, cookie, …) are replaced whole. Numbers stay numbers.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return CENSOR.secret;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[redactString(key)] = SECRET_KEY.test(key) && v !== null && v !== undefined ? CENSOR.secret : redactDeep(v, depth + 1);
  }
  return out;
}

/**
 * Redacts one serialized NDJSON log line. Working on the final line (not the logged object)
 * means nothing escapes: the message, child bindings, nested objects and serialized errors
 * with their messages and stacks all pass through here.
 */
export function redactLogLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    // Not JSON (should not happen with pino): redact the text as it is.
    return redactString(line);
  }
  const newline = line.endsWith('\n') ? '\n' : '';
  return JSON.stringify(redactDeep(parsed)) + newline;
}
