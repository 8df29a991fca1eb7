import { parse as parseCookies, serialize } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { SESSION_COOKIE, type Session, type SessionEnd, type SessionSigner } from './session.ts';

/** The console session of a request, if signed in (set by `loadSession`). */
export function sessionOf(res: Response): Session | null {
  return (res.locals as { session?: Session }).session ?? null;
}

/** Why the request's session cookie gave no session (set by `loadSession`), or null. */
export function sessionEndOf(res: Response): SessionEnd | null {
  return (res.locals as { sessionEnded?: SessionEnd }).sessionEnded ?? null;
}

/** The actor behind a console session, in the shape the domain functions take. */
export function consoleActor(session: Session): Actor {
  return { name: session.name, role: session.role };
}

/** Reads cookies once per request (express 5 has no cookie parser of its own). */
export function cookiesOf(req: Request): Record<string, string | undefined> {
  const header = req.get('cookie');
  return header ? parseCookies(header) : {};
}

/** Serialises a console cookie: HttpOnly, SameSite=Strict, path /admin, Secure behind TLS. */
export function consoleCookie(req: Request, name: string, value: string, maxAgeMs: number): string {
  return serialize(name, value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/admin', maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)) });
}

/**
 * Loads the session cookie and slides its idle expiry: a valid session is re-sealed on every
 * request, an invalid or expired one is cleared. Never rejects by itself.
 */
export function loadSession(signer: SessionSigner, idleMs: number): RequestHandler {
  return (req, res, next) => {
    const raw = cookiesOf(req)[SESSION_COOKIE];
    const read = signer.read(raw);
    if (read.session) {
      res.locals.session = read.session;
      res.append('set-cookie', consoleCookie(req, SESSION_COOKIE, signer.seal(read.session), idleMs));
    } else if (raw) {
      res.locals.sessionEnded = read.ended;
      res.append('set-cookie', consoleCookie(req, SESSION_COOKIE, '', 0));
    }
    // Console pages show operator data: never cache them anywhere.
    res.set('cache-control', 'no-store');
    next();
  };
}

/** The query value that carries why a session ended across the redirect to the sign-in page. */
const ENDED_PARAM: Record<SessionEnd, string> = { expired: 'expired', 'token-changed': 'token' };

/**
 * Requires a session. A signed-out GET goes to the sign-in page; so does any request whose session
 * has just ended (expired, or its token rotated or removed), with the reason, so a form posted
 * after a rotation lands on a page that says why instead of a bare 401. Nothing is done for it.
 * A write with no session cookie at all is 401.
 */
export const requireSession: RequestHandler = (req, res, next) => {
  if (sessionOf(res)) return next();
  const ended = sessionEndOf(res);
  if (ended || req.method === 'GET' || req.method === 'HEAD') {
    const lang = req.query.lang === 'en' || (req.body as Record<string, unknown> | undefined)?.lang === 'en';
    const query = [ended ? `ended=${ENDED_PARAM[ended]}` : '', lang ? 'lang=en' : ''].filter(Boolean).join('&');
    return res.redirect(303, `/admin${query ? `?${query}` : ''}`);
  }
  throw new AppError('UNAUTHORIZED', 'console session missing or expired');
};

/** What the sign-in page tells someone arriving there: why their session ended, or that they signed out. */
export function signInNotice(req: Request, res: Response): 'signin.expired' | 'signin.tokenChanged' | 'signout.done' | null {
  const ended = sessionEndOf(res) ?? (req.query.ended === ENDED_PARAM['token-changed'] ? 'token-changed' : req.query.ended === ENDED_PARAM.expired ? 'expired' : null);
  if (ended === 'token-changed') return 'signin.tokenChanged';
  if (ended === 'expired') return 'signin.expired';
  return req.query.signedOut ? 'signout.done' : null;
}

/** Every form post carries the session's CSRF token (`_csrf`); without it, 403. */
export function requireCsrf(signer: SessionSigner): RequestHandler {
  return (req, res, next) => {
    const session = sessionOf(res);
    const given = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (!session || !signer.same(given, signer.csrfFor(session))) throw new AppError('CSRF_FAILED');
    next();
  };
}

/** Viewers see everything and change nothing: every console write needs the operator role. */
export const requireOperator: RequestHandler = (_req, res, next) => {
  if (sessionOf(res)?.role !== 'operator') throw new AppError('FORBIDDEN', 'viewers cannot change anything');
  next();
};
