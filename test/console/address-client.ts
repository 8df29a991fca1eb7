import { Agent, fetch } from 'undici';
import { csrfIn } from './client.ts';

/** One console response as a browser sees it, redirects not followed. */
export interface ConsoleAnswer {
  status: number;
  location: string | null;
  text: string;
  /** `name=value` of every cookie the response set (empty value: cleared). */
  cookies: Map<string, string>;
}

/**
 * A console client whose connections leave from a chosen loopback address (127.0.0.2, …), so a
 * test can be several clients of the per-address sign-in limit on one machine. Keeps cookies.
 */
export class AddressClient {
  private readonly agent: Agent;
  private readonly jar = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    localAddress = '127.0.0.1',
  ) {
    this.agent = new Agent({ localAddress });
  }

  /** The session cookie's value, if any. */
  get session(): string | undefined {
    return this.jar.get('ikp_console') || undefined;
  }

  /** Replaces the cookies sent (e.g. a session copied from another client). */
  useCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  async get(path: string): Promise<ConsoleAnswer> {
    return this.send(path, { method: 'GET' });
  }

  async post(path: string, fields: Record<string, string>): Promise<ConsoleAnswer> {
    return this.send(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Opens the sign-in page and posts its form with `token`. */
  async signIn(token: string, lang: 'pl' | 'en' = 'pl'): Promise<ConsoleAnswer> {
    const page = await this.get(lang === 'en' ? '/admin?lang=en' : '/admin');
    return this.post('/admin/sign-in', { _csrf: csrfIn(page.text, '/admin/sign-in'), token, lang });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async send(path: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<ConsoleAnswer> {
    const cookie = [...this.jar].filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers: { ...init.headers, ...(cookie ? { cookie } : {}) }, redirect: 'manual', dispatcher: this.agent });
    const cookies = new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    for (const [k, v] of cookies) this.jar.set(k, v);
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), cookies };
  }
}
