import type { Request } from 'express';
import type { ConsoleContext } from './context.ts';

/** A console path in the request's language with the "saved" notice (post/redirect/get). */
export function savedAt(req: Request, ctx: Pick<ConsoleContext, 'render'>, path: string): string {
  return ctx.render.langOf(req) === 'en' ? `${path}?ok=1&lang=en` : `${path}?ok=1`;
}

/** The page a form was posted from (its action without the verb), with the "saved" notice. */
export function redirectBack(req: Request, ctx: Pick<ConsoleContext, 'render'>): string {
  return savedAt(req, ctx, `/admin${req.path.replace(/\/(updates|resolve|cancel|clear|edit|approve)$/, '')}`);
}
