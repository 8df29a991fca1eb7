import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Actor } from '../domain/actor.ts';
import type { AdminTokenConfig } from '../config/operator-schema.ts';
import { ScryptThread, type Derive } from './scrypt-thread.ts';
import { parseTokenHash, type ParsedTokenHash } from '../domain/token-hash.ts';
import { WorkBudget } from './work-budget.ts';

/** Longer bearer values are rejected before any hashing. */
const MAX_TOKEN_LENGTH = 256;

/** How one token check ended: a known actor, an unknown token, or refused unhashed because the scrypt budget is spent. */
export type AuthResult = { actor: Actor } | { actor: null; reason: 'invalid' | 'throttled' };

/** Tuning and seams of the verifier. */
export interface VerifierOptions {
  /** scrypt derivations per second for the whole process; a check costs one per configured token. */
  scryptPerSecond?: number;
  /** How long a verified token is remembered after its last use. */
  validTtlMs?: number;
  /** How long an unknown token is remembered, so repeating it costs nothing. */
  invalidTtlMs?: number;
  now?: () => number;
  /** Key derivation; defaults to a dedicated worker thread. */
  derive?: Derive;
  onResult?: (result: 'ok' | 'invalid' | 'throttled') => void;
}

/** How long an address that presented a valid token may use the reserve. */
const KNOWN_CLIENT_TTL_MS = 24 * 3_600_000;

export const VERIFIER_DEFAULTS = { scryptPerSecond: 10, validTtlMs: 15 * 60_000, invalidTtlMs: 10 * 60_000 } as const;

/**
 * Checks bearer tokens against the configured scrypt hashes so that a flood of guesses cannot
 * take CPU or the libuv pool away from probing:
 * - results (valid and invalid) are cached under a keyed hash of the token (HMAC with a
 *   per-process key; the raw token is never kept), and concurrent checks of one token share one run;
 * - scrypt work is capped per second for the whole process; over the cap a check is refused
 *   at once without hashing (the caller answers 429), except from a reserve (half the rate) for
 *   addresses that presented a valid token in the last 24 hours;
 * - scrypt runs in its own worker thread, never on the pool DNS lookups use.
 * Every configured hash is tried (constant-time compare each), so timing does not tell which entry matched.
 */
export class TokenVerifier {
  private readonly entries: { name: string; role: AdminTokenConfig['role']; hash: ParsedTokenHash }[];
  private readonly valid: LRUCache<string, Actor>;
  private readonly invalid: LRUCache<string, true>;
  private readonly inflight = new Map<string, Promise<AuthResult>>();
  private readonly budget: WorkBudget;
  /** Extra work for addresses that recently presented a valid token, so a flood cannot lock operators out. */
  private readonly reserve: WorkBudget;
  private readonly knownClients: LRUCache<string, true>;
  private readonly thread: ScryptThread | null;
  private readonly derive: Derive;
  private readonly cacheKey = randomBytes(32);
  /** Derivations queued or running; a slow machine must not pile up more than it can work off. */
  private deriving = 0;
  private readonly maxDeriving: number;

  constructor(
    tokens: AdminTokenConfig[],
    private readonly opts: VerifierOptions = {},
  ) {
    this.entries = tokens.flatMap((t) => {
      const hash = parseTokenHash(t.hash);
      // The config schema already rejected malformed hashes.
      return 'problem' in hash ? [] : [{ name: t.name, role: t.role, hash }];
    });
    const perSecond = opts.scryptPerSecond ?? VERIFIER_DEFAULTS.scryptPerSecond;
    // A check needs one derivation per entry, so the bucket always holds at least one whole check.
    this.budget = new WorkBudget(perSecond, Math.max(perSecond, this.entries.length), opts.now ?? Date.now);
    this.maxDeriving = 2 * Math.max(perSecond, this.entries.length);
    this.reserve = new WorkBudget(Math.max(1, Math.ceil(perSecond / 2)), Math.max(perSecond, this.entries.length), opts.now ?? Date.now);
    this.knownClients = new LRUCache({ max: 1_000, ttl: KNOWN_CLIENT_TTL_MS });
    this.valid = new LRUCache({ max: 256, ttl: opts.validTtlMs ?? VERIFIER_DEFAULTS.validTtlMs, updateAgeOnGet: true });
    this.invalid = new LRUCache({ max: 10_000, ttl: opts.invalidTtlMs ?? VERIFIER_DEFAULTS.invalidTtlMs, updateAgeOnGet: true });
    this.thread = opts.derive ? null : new ScryptThread();
    this.derive = opts.derive ?? this.thread!.derive;
  }

  /** Whether any token is configured (without one the admin API refuses everyone). */
  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /** The actor a bearer token belongs to, or null when it matches none or could not be checked now. */
  async verify(token: string): Promise<Actor | null> {
    return (await this.check(token)).actor;
  }

  /**
   * Checks a token: from the caches, by joining a running check, or (within the budget) by scrypt.
   * `client` (the caller's address) lets an address that recently authenticated draw on a reserve
   * when a flood has spent the budget, e.g. for a colleague's token first used during the flood.
   */
  async check(token: string, client?: string): Promise<AuthResult> {
    const result = await this.lookup(token, client);
    if (result.actor && client !== undefined) this.knownClients.set(client, true);
    this.opts.onResult?.(result.actor ? 'ok' : result.reason);
    return result;
  }

  /** Stops the scrypt thread. */
  async close(): Promise<void> {
    await this.thread?.close();
  }

  private lookup(token: string, client: string | undefined): Promise<AuthResult> | AuthResult {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || this.entries.length === 0) return { actor: null, reason: 'invalid' };
    const key = createHmac('sha256', this.cacheKey).update(token).digest('base64url');
    const actor = this.valid.get(key);
    if (actor) return { actor };
    if (this.invalid.has(key)) return { actor: null, reason: 'invalid' };
    const running = this.inflight.get(key);
    if (running) return running;
    if (!this.afford(client)) return { actor: null, reason: 'throttled' };
    const run = this.hashAndCompare(token, key).finally(() => this.inflight.delete(key));
    this.inflight.set(key, run);
    return run;
  }

  private afford(client: string | undefined): boolean {
    const n = this.entries.length;
    if (this.deriving + n <= this.maxDeriving && this.budget.take(n)) return true;
    // The reserve is bounded by its own rate, so it may queue behind a backlog.
    return client !== undefined && this.knownClients.has(client) && this.reserve.take(n);
  }

  private async hashAndCompare(token: string, key: string): Promise<AuthResult> {
    this.deriving += this.entries.length;
    const keys = await Promise.all(this.entries.map((e) => this.derive(token, e.hash.salt, e.hash.params, e.hash.hash.length))).finally(() => (this.deriving -= this.entries.length));
    const matches = keys.map((k, i) => timingSafeEqual(k, this.entries[i]!.hash.hash));
    const entry = this.entries[matches.indexOf(true)];
    if (!entry) {
      this.invalid.set(key, true);
      return { actor: null, reason: 'invalid' };
    }
    const actor: Actor = { name: entry.name, role: entry.role };
    this.valid.set(key, actor);
    return { actor };
  }
}
