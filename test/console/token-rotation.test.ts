import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import type { AdminTokenConfig } from '../../src/config/operator-schema.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { SessionSigner } from '../../src/web/console/session.ts';
import { testConfig } from '../helpers/config.ts';
import { AddressClient } from './address-client.ts';
import { csrfIn } from './client.ts';

const SECRET = 'a-fixed-session-secret-shared-by-replicas';

/** The monitor as it starts with these tokens and a fixed session secret (a restart after a config change). */
function startWith(tokens: AdminTokenConfig[]): Promise<RunningApp> {
  const config = testConfig({ server: { port: 0, host: '127.0.0.1' }, admin: { tokens, console: { sessionSecret: SECRET } }, incidents: { autoOpen: false } });
  return startApp(config, { logger: createLogger('silent'), probing: false });
}

describe('console sessions are bound to the token they were opened with', () => {
  const oldToken = generateToken();
  const newToken = generateToken();
  const viewerToken = generateToken();
  let alice: { old: AdminTokenConfig; rotated: AdminTokenConfig };
  let victor: AdminTokenConfig;
  let before: RunningApp;
  let restarted: RunningApp;
  let rotated: RunningApp;
  let removed: RunningApp;
  const clients: AddressClient[] = [];
  const client = (app: RunningApp): AddressClient => {
    const c = new AddressClient(app.url);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    alice = { old: { name: 'alice', role: 'operator', hash: await hashToken(oldToken) }, rotated: { name: 'alice', role: 'operator', hash: await hashToken(newToken) } };
    victor = { name: 'victor', role: 'viewer', hash: await hashToken(viewerToken) };
    [before, restarted, rotated, removed] = await Promise.all([
      startWith([alice.old, victor]),
      startWith([alice.old, victor]),
      startWith([alice.rotated, victor]),
      startWith([victor]),
    ]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([before, restarted, rotated, removed].map((a) => a?.stop()));
  });

  /** A session opened with alice's old token on the monitor before the change. */
  async function oldSession(): Promise<string> {
    const browser = client(before);
    expect((await browser.signIn(oldToken)).status).toBe(303);
    return browser.session!;
  }

  it('when an operator token is rotated (same name, new hash) with sessionSecret set, then the old session ends at its next request and the sign-in page says why', async () => {
    const session = await oldSession();
    // A restart with the same tokens keeps the session: the binding is to the token, not to the process.
    const same = client(restarted);
    same.useCookie('ikp_console', session);
    expect((await same.get('/admin/incidents')).status).toBe(200);

    const browser = client(rotated);
    browser.useCookie('ikp_console', session);
    const res = await browser.get('/admin/incidents');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/admin?ended=token');
    expect(res.cookies.get('ikp_console')).toBe('');
    const page = await browser.get(res.location!);
    expect(page.text).toContain('Logowanie do konsoli');
    expect(page.text).toContain('Token, którym się zalogowano, został zmieniony lub usunięty');

    // The new token signs in on the changed config as usual.
    const fresh = client(rotated);
    expect((await fresh.signIn(newToken)).status).toBe(303);
    expect((await fresh.get('/admin/incidents')).status).toBe(200);
  });

  it('when a form is posted with a session whose token was rotated, then nothing is saved and the operator is sent to sign in again', async () => {
    const session = await oldSession();
    const tab = client(before);
    tab.useCookie('ikp_console', session);
    // The form was opened before the change; the post reaches a monitor that already has the new token.
    const csrf = csrfIn((await tab.get('/admin/overrides')).text, '/admin/overrides');
    const browser = client(rotated);
    browser.useCookie('ikp_console', session);
    const res = await browser.post('/admin/overrides', { _csrf: csrf, component: 'ikp', status: 'outage', reason: 'po rotacji', for: '1h', lang: 'en' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/admin?ended=token&lang=en');
    expect(await rotated.stores.operator.getOverrides()).toEqual([]);
    expect((await browser.get(res.location!)).text).toContain('The token you signed in with was changed or removed');
  });

  it('when an operator token is removed from the config, then its session ends and the sign-in page says the token was changed or removed', async () => {
    const session = await oldSession();
    const browser = client(removed);
    browser.useCookie('ikp_console', session);
    const res = await browser.get('/admin');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Logowanie do konsoli');
    expect(res.text).toContain('Token, którym się zalogowano, został zmieniony lub usunięty');
    expect(res.cookies.get('ikp_console')).toBe('');
  });

  it('when a signer whose config holds a rotated hash reads a session sealed before, then it reports the token changed', () => {
    const now = () => Date.parse('2026-03-28T12:00:00+01:00');
    const admin = (token: AdminTokenConfig) => testConfig({ admin: { tokens: [token], console: { sessionSecret: SECRET } } }).admin;
    const old = new SessionSigner(admin(alice.old), now);
    const changed = new SessionSigner(admin(alice.rotated), now);
    const cookie = old.seal(old.open({ name: 'alice', role: 'operator' }));
    expect(old.read(cookie).session?.name).toBe('alice');
    expect(changed.read(cookie)).toEqual({ session: null, ended: 'token-changed' });
  });
});
