import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../admin/actor.ts';
import type { AdminConfig } from '../../config/operator-schema.ts';

/** The session cookie's name; `__Host-` needs Secure, so it is used only behind TLS. */
export const SESSION_COOKIE = 'ikp_console';
/** The cookie that carries the sign-in form's CSRF nonce before a session exists. */
export const PRE_SESSION_COOKIE = 'ikp_console_pre';

/** What a signed session cookie holds: no token, only who signed in and when. */
export interface Session {
  /** Random id; the CSRF token of the session is derived from it. */
  id: string;
  name: string;
  role: Actor['role'];
  /** Epoch ms of sign-in (the absolute lifetime counts from here). */
  issuedAt: number;
  /** Epoch ms of the last request (the idle expiry counts from here). */
  seenAt: number;
}

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

  /** A new session for a verified actor. */
  open(actor: Actor): Session {
    const at = this.now();
    return { id: randomBytes(16).toString('base64url'), name: actor.name, role: actor.role, issuedAt: at, seenAt: at };
  }

  /** The cookie value of a session, refreshed to now. */
  seal(session: Session): string {
    const payload = Buffer.from(JSON.stringify({ ...session, seenAt: this.now() })).toString('base64url');
    return `${payload}.${this.mac(`session.${payload}`)}`;
  }

  /**
   * The session in a cookie value, or null when it is forged, expired, idle too long or names a token
   * that is no longer configured (its role is taken from the config, never from the cookie).
   */
  unseal(value: string | undefined): Session | null {
    if (!value || value.length > 1_024) return null;
    const dot = value.indexOf('.');
    if (dot <= 0) return null;
    const payload = value.slice(0, dot);
    if (!this.same(value.slice(dot + 1), this.mac(`session.${payload}`))) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const s = parsed as Partial<Session>;
    if (typeof s.id !== 'string' || typeof s.name !== 'string' || typeof s.issuedAt !== 'number' || typeof s.seenAt !== 'number') return null;
    const now = this.now();
    const { idleTimeout, maxAge } = this.admin.console;
    if (now - s.seenAt > idleTimeout || now - s.issuedAt > maxAge || s.seenAt > now + 60_000) return null;
    const token = this.admin.tokens.find((t) => t.name === s.name);
    if (!token) return null;
    return { id: s.id, name: s.name, role: token.role, issuedAt: s.issuedAt, seenAt: s.seenAt };
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

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}
