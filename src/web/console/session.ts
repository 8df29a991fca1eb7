import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import type { AdminConfig } from '../../config/operator-schema.ts';

/** The session cookie's name; `__Host-` needs Secure, so it is used only behind TLS. */
export const SESSION_COOKIE = 'ikp_console';
/** The cookie that carries the sign-in form's CSRF nonce before a session exists. */
export const PRE_SESSION_COOKIE = 'ikp_console_pre';

/** What a signed session cookie holds: no token, only who signed in, with which token entry, and when. */
export interface Session {
  /** Random id; the CSRF token of the session is derived from it. */
  id: string;
  name: string;
  role: Actor['role'];
  /**
   * Keyed fingerprint of the configured hash of the token the session was opened with: rotating
   * the token (same name, new hash) or removing it ends the session at its next request, even when
   * a fixed `sessionSecret` keeps the signing key unchanged.
   */
  tokenTag: string;
  /** Epoch ms of sign-in (the absolute lifetime counts from here). */
  issuedAt: number;
  /** Epoch ms of the last request (the idle expiry counts from here). */
  seenAt: number;
}

/** Why a cookie gave no session: a console shows the operator a different sentence for each. */
export type SessionEnd = 'expired' | 'token-changed';

/** What a session cookie turned out to hold. */
export type SessionRead = { session: Session } | { session: null; ended: SessionEnd };

/**
 * Signs and checks console sessions. A session is a signed cookie rather than a server-side record,
 * so every replica accepts it without a store round trip; the key is shared through the config.
 */
export class SessionSigner {
  private readonly key: Buffer;

  constructor(
    private readonly admin: AdminConfig,
    private readonly now: () => number,
  ) {
    // Without an explicit secret, the key is derived from the configured token hashes: every replica
    // reads the same config, so they agree, and rotating any token also ends every session.
    const material = admin.console.sessionSecret ?? admin.tokens.map((t) => `${t.name}:${t.role}:${t.hash}`).sort().join('\n');
    this.key = createHash('sha256').update('ikp-status console session v1\n').update(material).digest();
  }

  /** A new session for a verified actor, bound to the token entry it signed in with. */
  open(actor: Actor): Session {
    const at = this.now();
    return { id: randomBytes(16).toString('base64url'), name: actor.name, role: actor.role, tokenTag: this.tokenTag(actor.name) ?? '', issuedAt: at, seenAt: at };
  }

  /** The cookie value of a session, refreshed to now. */
  seal(session: Session): string {
    const payload = Buffer.from(JSON.stringify({ ...session, seenAt: this.now() })).toString('base64url');
    return `${payload}.${this.mac(`session.${payload}`)}`;
  }

  /**
   * The session in a cookie value, or null when it is forged, expired, idle too long, or its token
   * was rotated or removed (its role is taken from the config, never from the cookie).
   */
  unseal(value: string | undefined): Session | null {
    return this.read(value).session;
  }

  /** Like `unseal`, and says why a cookie that is present gave no session. */
  read(value: string | undefined): SessionRead {
    const expired = { session: null, ended: 'expired' } as const;
    if (!value || value.length > 1_024) return expired;
    const dot = value.indexOf('.');
    if (dot <= 0) return expired;
    const payload = value.slice(0, dot);
    if (!this.same(value.slice(dot + 1), this.mac(`session.${payload}`))) return expired;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return expired;
    }
    const s = parsed as Partial<Session>;
    if (typeof s.id !== 'string' || typeof s.name !== 'string' || typeof s.issuedAt !== 'number' || typeof s.seenAt !== 'number') return expired;
    const now = this.now();
    const { idleTimeout, maxAge } = this.admin.console;
    if (now - s.seenAt > idleTimeout || now - s.issuedAt > maxAge || s.seenAt > now + 60_000) return expired;
    const token = this.admin.tokens.find((t) => t.name === s.name);
    // A session from before tokens were bound to it carries no tag: it ends like a rotated one.
    if (!token || !this.same(s.tokenTag, this.tokenTag(token.name) ?? '')) return { session: null, ended: 'token-changed' };
    return { session: { id: s.id, name: s.name, role: token.role, tokenTag: s.tokenTag as string, issuedAt: s.issuedAt, seenAt: s.seenAt } };
  }

  /** The CSRF token of a session: forms carry it, and only this key can compute it. */
  csrfFor(session: Session): string {
    return this.mac(`csrf.${session.id}`);
  }

  /** A fresh nonce for the sign-in form (double-submit: cookie plus the matching form field). */
  preSessionNonce(): string {
    return randomBytes(16).toString('base64url');
  }

  /** The form field that matches a sign-in nonce. */
  preSessionToken(nonce: string): string {
    return this.mac(`pre.${nonce}`);
  }

  /** Constant-time comparison of a submitted token with the expected one. */
  same(given: unknown, expected: string): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * The fingerprint of a configured token's hash. Keyed, so the readable cookie payload tells nothing
   * about the hash; the hash (not the token) is what the config holds, so every replica agrees.
   */
  private tokenTag(name: string): string | null {
    const token = this.admin.tokens.find((t) => t.name === name);
    return token ? this.mac(`token.${token.name}.${token.hash}`).slice(0, 22) : null;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}
