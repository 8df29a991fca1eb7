import type { Request } from 'express';
import type { AdminWebDeps } from '../routes/admin.ts';
import type { StatusSnapshot } from '../../status/snapshot.ts';
import type { requireCsrf } from './guard.ts';
import type { ConsoleRenderer } from './render.ts';
import type { SessionSigner } from './session.ts';

/** What the console needs: the admin API's use cases and token verifier, and the public snapshot. */
export interface ConsoleDeps {
  admin: AdminWebDeps;
  snapshot: StatusSnapshot;
  now: () => number;
}

/** Shared by the console's route files. */
export interface ConsoleContext extends ConsoleDeps {
  render: ConsoleRenderer;
  signer: SessionSigner;
  /** Checks the session's CSRF token on a form post. */
  csrf: ReturnType<typeof requireCsrf>;
}

/** `?ok=1` after a successful post (post/redirect/get) shows "Saved." */
export function noticeOf(req: Request, ctx: ConsoleContext): string | null {
  return req.query.ok === '1' ? (ctx.render.langOf(req) === 'en' ? 'Saved.' : 'Zapisano.') : null;
}
