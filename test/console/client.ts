import request from 'supertest';
import type { Express } from 'express';
import type { Server } from 'node:http';

/** A browser-like console client: keeps cookies, reads each form's CSRF token, posts urlencoded forms. */
export class ConsoleClient {
  readonly agent: ReturnType<typeof request.agent>;

  constructor(app: Express | Server | string) {
    this.agent = request.agent(app as Express);
  }

  /** GETs a console page. */
  get(path: string) {
    return this.agent.get(path);
  }

  /** The `_csrf` value of the first form on a page whose action is `action` (or any form). */
  async csrfOn(path: string, action?: string): Promise<string> {
    const html = (await this.agent.get(path)).text;
    return csrfIn(html, action);
  }

  /** Posts a form as a browser would (repeated keys for lists). */
  post(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.agent.post(path).type('form').send(body.toString());
  }

  /** Signs in with a token through the sign-in form. */
  async signIn(token: string) {
    const csrf = await this.csrfOn('/admin', '/admin/sign-in');
    return this.post('/admin/sign-in', { _csrf: csrf, token });
  }

  /** Posts a form found on `page`, with that page's CSRF token added. */
  async submit(page: string, action: string, fields: Record<string, string | string[]>) {
    const csrf = await this.csrfOn(page, action);
    return this.post(action, { _csrf: csrf, ...fields });
  }
}

/** Reads the `_csrf` hidden input inside the form posting to `action`. */
export function csrfIn(html: string, action?: string): string {
  const forms = html.split('<form').slice(1);
  const posts = forms.filter((f) => f.includes(`method="post"`));
  const form = action ? posts.find((f) => f.includes(`action="${action}"`)) : posts[0];
  const m = form && /name="_csrf" value="([^"]*)"/.exec(form);
  if (!m) throw new Error(`no CSRF field in a form posting to ${action ?? '(any)'}`);
  return m[1]!;
}
