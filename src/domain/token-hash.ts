import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters (N must be a power of two). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** What `ikp-status token create` uses: 2^14 is ample for random 256-bit tokens, which cannot be guessed anyway. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 16_384, r: 8, p: 1 };

/** A configured hash, split into its parts. */
export interface ParsedTokenHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

const MIN_N = 2 ** 14;
/** Caps memory per verification at 128 MiB (scrypt needs 128·N·r bytes). */
const MAX_N_TIMES_R = 2 ** 20;
const KEY_BYTES = 32;
const FORMAT = 'scrypt$N$r$p$salt$hash (salt and hash in base64url)';

/** A fresh random bearer token (`ikp_` + 256 random bits, base64url). */
export function generateToken(): string {
  return `ikp_${randomBytes(32).toString('base64url')}`;
}

/** Parses `scrypt$N$r$p$salt$hash`; returns a problem (naming what is wrong) instead of throwing. */
export function parseTokenHash(text: string): ParsedTokenHash | { problem: string } {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return { problem: `must look like ${FORMAT}` };
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,8}$/.test(s ?? '') ? Number(s) : NaN)) as [number, number, number];
  if (!Number.isInteger(N) || N < MIN_N || (N & (N - 1)) !== 0) return { problem: `N must be a power of two >= ${MIN_N}` };
  if (!Number.isInteger(r) || r < 1 || N * r > MAX_N_TIMES_R) return { problem: `r must be >= 1 with N·r <= ${MAX_N_TIMES_R}` };
  if (!Number.isInteger(p) || p < 1 || p > 16) return { problem: 'p must be 1-16' };
  const salt = decode(parts[4] ?? '');
  const hash = decode(parts[5] ?? '');
  if (salt === null || salt.length < 16) return { problem: 'salt must be at least 16 bytes of base64url' };
  if (hash === null || hash.length < 16 || hash.length > 64) return { problem: 'hash must be 16-64 bytes of base64url' };
  return { params: { N, r, p }, salt, hash };
}

/** Hashes a token for the config file: `scrypt$N$r$p$salt$hash`. */
export async function hashToken(token: string, params: ScryptParams = DEFAULT_SCRYPT, salt: Buffer = randomBytes(16)): Promise<string> {
  const hash = await derive(token, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `token` matches a parsed hash; the comparison is constant-time. */
export async function tokenMatches(token: string, expected: ParsedTokenHash): Promise<boolean> {
  const actual = await derive(token, expected.salt, expected.params, expected.hash.length);
  return timingSafeEqual(actual, expected.hash);
}

function derive(token: string, salt: Buffer, { N, r, p }: ScryptParams, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(token, salt, keylen, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function decode(text: string): Buffer | null {
  return /^[A-Za-z0-9_-]+$/.test(text) ? Buffer.from(text, 'base64url') : null;
}
