import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { AppError, ERRORS } from '../../domain/errors.ts';
import { auditRoutes } from './audit-routes.ts';
import { noticeOf, type ConsoleContext, type ConsoleDeps } from './context.ts';
import { dashboardModel } from './dashboard.ts';
import { consoleCookie, cookiesOf, loadSession, requireCsrf, requireSession, sessionOf, signInNotice } from './guard.ts';
import { formOf, textField } from './forms.ts';
import { incidentRoutes } from './incident-routes.ts';
import { incidentDetailRoutes } from './incident-detail-routes.ts';
import { maintenanceRoutes } from './maintenance-routes.ts';
import { overrideRoutes } from './override-routes.ts';
import { ConsoleRenderer } from './render.ts';
import { reclassifyRoutes } from './reclassify-routes.ts';
import { noticeRoutes } from './notice-routes.ts';
import { probeRoutes } from './probe-routes.ts';
import { PRE_SESSION_COOKIE, SESSION_COOKIE, SessionSigner } from './session.ts';
import { markSignInFailed, signInFailureLimiter } from './sign-in-failures.ts';

/**
 * The operator console under /admin: server-rendered forms over the same domain functions as the
 * admin API, signed session cookies, CSRF tokens on every form, viewers read-only. Works without JavaScript.
 */
export function consoleRoutes(deps: ConsoleDeps): Router {
  const { config } = deps.admin.ops;
  const settings = config.admin.console;
  const signer = new SessionSigner(config.admin, deps.now);
  const render = new ConsoleRenderer(config, signer, deps.now);
  const ctx: ConsoleContext = { ...deps, render, signer, csrf: requireCsrf(signer) };
  const router = Router();
  const parse = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });
  router.use(parse, loadSession(signer, settings.idleTimeout));

  router.get('/', async (req, res) => {
    if (sessionOf(res)) return render.send(req, res, 'dashboard', await dashboardModel(deps, render.langOf(req)), { notice: noticeOf(req, ctx) });
    signInPage(ctx, req, res, 200, signInNotice(req, res));
  });

  const signInLimiter = signInFailureLimiter({ limit: settings.signInRateLimit, store: deps.admin.consoleRateLimitStore });
  router.post('/sign-in', signInLimiter, async (req, res) => {
    const form = formOf(req);
    const nonce = cookiesOf(req)[PRE_SESSION_COOKIE];
    if (!nonce || !signer.same(form._csrf, signer.preSessionToken(nonce))) return signInPage(ctx, req, res, 403, 'signin.expired');
    const token = textField(form, 'token');
    const result = token ? await deps.admin.verifier.check(token, req.ip) : null;
    // Over the scrypt budget the token was not looked at: not a failure, just "try again shortly".
    if (result && !result.actor && result.reason === 'throttled') {
      res.set('retry-after', '1');
      throw new AppError('RATE_LIMITED', 'token checks over the scrypt budget');
    }
    const actor = result?.actor;
    if (!actor) {
      markSignInFailed(res);
      return signInPage(ctx, req, res, 401, 'signin.failed');
    }
    const session = signer.open(actor);
    res.append('set-cookie', consoleCookie(req, SESSION_COOKIE, signer.seal(session), settings.idleTimeout));
    res.append('set-cookie', consoleCookie(req, PRE_SESSION_COOKIE, '', 0));
    res.redirect(303, render.langOf(req) === 'en' ? '/admin?lang=en' : '/admin');
  });

  router.post('/sign-out', requireSession, ctx.csrf, (req, res) => {
    // The cookie is the whole session: clearing it signs out; a copy kept elsewhere dies at the idle expiry.
    res.setHeader('set-cookie', consoleCookie(req, SESSION_COOKIE, '', 0));
    res.redirect(303, `/admin?signedOut=1${render.langOf(req) === 'en' ? '&lang=en' : ''}`);
  });

  router.use(requireSession);
  router.use(incidentRoutes(ctx), incidentDetailRoutes(ctx), maintenanceRoutes(ctx), overrideRoutes(ctx), reclassifyRoutes(ctx), noticeRoutes(ctx), probeRoutes(ctx), auditRoutes(ctx));
  router.use(consoleErrors(ctx));
  const outer = Router();
  outer.use('/admin', router);
  return outer;
}

/** The sign-in page, with a fresh double-submit nonce for its form. */
function signInPage(ctx: ConsoleContext, req: Request, res: Response, status: number, message: 'signin.failed' | 'signin.expired' | 'signin.tokenChanged' | 'signout.done' | null): void {
  const nonce = ctx.signer.preSessionNonce();
  res.append('set-cookie', consoleCookie(req, PRE_SESSION_COOKIE, nonce, 3_600_000));
  const t = ctx.render;
  t.send(req, res, 'signin', { preToken: ctx.signer.preSessionToken(nonce), message }, { status });
}

/** Errors inside the console become a console page in the user's language, never JSON or a stack. */
function consoleErrors(ctx: ConsoleContext): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    const appErr = err instanceof AppError ? err : bodyError(err);
    if (!appErr) return next(err);
    const lang = ctx.render.langOf(req);
    ctx.render.send(req, res, 'message', { code: appErr.code, text: ERRORS[appErr.code][lang] }, { status: appErr.status });
  };
}

function bodyError(err: unknown): AppError | null {
  const e = err as { type?: unknown; status?: unknown } | null;
  if (typeof e?.type !== 'string' || typeof e.status !== 'number') return null;
  return new AppError(e.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
}
