import { createHash } from 'node:crypto';
import type { Actor } from '../admin/actor.ts';
import type { AdminTokenConfig } from '../config/operator-schema.ts';
import { parseTokenHash, tokenMatches, type ParsedTokenHash } from './token-hash.ts';

/** Longer bearer values are rejected before any hashing. */
const MAX_TOKEN_LENGTH = 256;
/** Verified tokens remembered per process, so scrypt runs once per token rather than per request. */
const CACHE_LIMIT = 256;

/**
 * Checks bearer tokens against the configured scrypt hashes. Every configured hash is tried
 * (constant-time compare each), so timing does not tell which entry matched. Successful
 * verifications are cached under the SHA-256 of the token: the raw token is never kept.
 */
export class TokenVerifier {
  private readonly entries: { name: string; role: AdminTokenConfig['role']; hash: ParsedTokenHash }[];
  private readonly verified = new Map<string, Actor>();

  constructor(tokens: AdminTokenConfig[]) {
    this.entries = tokens.flatMap((t) => {
      const hash = parseTokenHash(t.hash);
      // The config schema already rejected malformed hashes.
      return 'problem' in hash ? [] : [{ name: t.name, role: t.role, hash }];
    });
  }

  /** Whether any token is configured (without one the admin API refuses everyone). */
  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /** The actor a bearer token belongs to, or null when it matches none. */
  async verify(token: string): Promise<Actor | null> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    const key = createHash('sha256').update(token).digest('hex');
    const cached = this.verified.get(key);
    if (cached) return cached;
    const matches = await Promise.all(this.entries.map((e) => tokenMatches(token, e.hash)));
    const index = matches.indexOf(true);
    const entry = index === -1 ? undefined : this.entries[index];
    if (!entry) return null;
    const actor: Actor = { name: entry.name, role: entry.role };
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(key, actor);
    return actor;
  }
}
