import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminHarness, type AdminHarness } from '../admin/harness.ts';
import { ConsoleClient } from './client.ts';
import { startUpstream } from '../helpers/upstream.ts';

describe('operator console: sign-in, CSRF, roles and sessions', () => {
  let h: AdminHarness;
  let browser: ConsoleClient;

  beforeEach(async () => {
    h = await adminHarness();
    browser = new ConsoleClient(h.app);
  });
  afterEach(async () => h.close());

  it('when a signed-out user opens /admin, then a Polish sign-in form with a CSRF field is shown and not cached', async () => {
    const res = await browser.get('/admin');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<html lang="pl">');
    expect(res.text).toContain('Logowanie do konsoli');
    expect(res.text).toMatch(/name="_csrf" value="[\w-]{20,}"/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('when an operator signs in, then the session cookie is HttpOnly, SameSite=Strict, scoped to /admin, and the dashboard shows the public state', async () => {
    const res = await browser.signIn(h.operator);
    expect(res.status).toBe(303);
    const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('ikp_console='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toContain(h.operator);
    const dash = await browser.get('/admin');
    expect(dash.text).toContain('Co widzą teraz pacjenci');
    expect(dash.text).toContain('Zalogowano jako alice (operator)');
  });

  it('when the token is wrong, then the sign-in page says so with 401 and no session is set', async () => {
    const res = await browser.signIn('definitely-not-a-token');
    expect(res.status).toBe(401);
    expect(res.text).toContain('Nieprawidłowy token');
    expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('ikp_console=') && !String(c).startsWith('ikp_console=;'))).toBe(false);
  });

  it('when the sign-in form is posted without its nonce cookie, then it is refused with 403', async () => {
    const res = await new ConsoleClient(h.app).post('/admin/sign-in', { _csrf: 'x', token: h.operator });
    expect(res.status).toBe(403);
  });

  it('when a form is posted without a valid CSRF token, then 403 and nothing is saved', async () => {
    await browser.signIn(h.operator);
    const fields = { title_pl: 'Awaria', body_pl: 'Opis', impact: 'major', state: 'investigating', components: 'ikp', action: 'create' };
    expect((await browser.post('/admin/incidents', fields)).status).toBe(403);
    expect((await browser.post('/admin/incidents', { ...fields, _csrf: 'forged' })).status).toBe(403);
    expect(await h.stores.operator.getIncidents()).toEqual([]);
  });

  it('when a viewer signs in, then forms are disabled and any write is 403 with nothing saved', async () => {
    await browser.signIn(h.viewer);
    const page = await browser.get('/admin/overrides');
    expect(page.text).toContain('nie możesz niczego zmieniać');
    expect(page.text).toMatch(/<button type="submit" disabled>/);
    const res = await browser.submit('/admin/overrides', '/admin/overrides', { component: 'ikp', status: 'outage', reason: 'test viewer', for: '1h' });
    expect(res.status).toBe(403);
    expect(await h.stores.operator.getOverrides()).toEqual([]);
  });

  it('when the session is idle longer than the idle timeout, then it expires and the sign-in page says so', async () => {
    await browser.signIn(h.operator);
    expect((await browser.get('/admin')).text).toContain('Pulpit');
    h.clock.advance(31 * 60_000);
    const res = await browser.get('/admin');
    expect(res.text).toContain('Sesja wygasła');
    expect((await browser.get('/admin/incidents')).status).toBe(303);
  });

  it('when a session is kept busy past its maximum age, then it still ends', async () => {
    await browser.signIn(h.operator);
    for (let i = 0; i < 25; i++) {
      h.clock.advance(29 * 60_000);
      await browser.get('/admin');
    }
    expect((await browser.get('/admin')).text).toContain('Logowanie do konsoli');
  });

  it('when a cookie is forged or tampered with, then it is not accepted', async () => {
    await browser.signIn(h.operator);
    const stolen = new ConsoleClient(h.app);
    const payload = Buffer.from(JSON.stringify({ id: 'x', name: 'alice', role: 'operator', issuedAt: h.clock.now(), seenAt: h.clock.now() })).toString('base64url');
    const res = await stolen.get('/admin').set('cookie', `ikp_console=${payload}.AAAA`);
    expect(res.text).toContain('Logowanie do konsoli');
  });

  it('when the operator signs out, then the cookie is cleared and pages need a new sign-in', async () => {
    await browser.signIn(h.operator);
    const res = await browser.submit('/admin', '/admin/sign-out', {});
    expect(res.status).toBe(303);
    const after = await browser.get(res.headers.location!);
    expect(after.text).toContain('Wylogowano');
    expect((await browser.get('/admin/audit')).status).toBe(303);
  });

  it('when the console is asked in English, then it answers in English and forms keep the language', async () => {
    const res = await browser.get('/admin?lang=en');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Sign in to the console');
    expect(res.text).toContain('name="lang" value="en"');
  });
});

describe('operator console: the notice board through forms', () => {
  let h: AdminHarness;
  let browser: ConsoleClient;

  beforeEach(async () => {
    h = await adminHarness();
    browser = new ConsoleClient(h.app);
    await browser.signIn(h.operator);
  });
  afterEach(async () => h.close());

  it('when an incident is created from the PZ template, previewed, updated and resolved, then each step is stored and audited', async () => {
    const form = await browser.get('/admin/incidents?template=pz-outage');
    expect(form.text).toContain('value="Awaria Profilu Zaufanego"');
    expect(form.text).toMatch(/value="profil-zaufany" checked/);
    const fields = { title_pl: 'Awaria Profilu Zaufanego', body_pl: 'Logowanie PZ nie działa.', impact: 'major', state: 'investigating', components: ['profil-zaufany'] };
    const preview = await browser.submit('/admin/incidents', '/admin/incidents', { ...fields, action: 'preview' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Tak przeczytają to pacjenci');
    expect(await h.stores.operator.getIncidents()).toHaveLength(0);

    const created = await browser.submit('/admin/incidents', '/admin/incidents', { ...fields, action: 'create' });
    expect(created.status).toBe(303);
    const [incident] = await h.stores.operator.getIncidents();
    expect(incident).toMatchObject({ title: { pl: 'Awaria Profilu Zaufanego' }, impact: 'major', createdBy: 'alice', components: ['profil-zaufany'] });
    const detail = `/admin/incidents/${incident!.id}`;
    expect(created.headers.location).toBe(`${detail}?ok=1`);
    expect((await browser.get(`${detail}?ok=1`)).text).toContain('Zapisano.');

    const updated = await browser.submit(detail, `${detail}/updates`, { state: 'identified', body_pl: 'Znamy przyczynę.' });
    expect(updated.status).toBe(303);
    const resolved = await browser.submit(detail, `${detail}/resolve`, { resolve_pl: 'Działa.' });
    expect(resolved.status).toBe(303);
    const final = (await h.stores.operator.getIncident(incident!.id))!;
    expect(final.state).toBe('resolved');
    expect(final.updates.map((u) => u.state)).toEqual(['investigating', 'identified', 'resolved']);
    expect((await h.stores.operator.getAudit(10)).map((e) => [e.action, e.actor])).toEqual([
      ['incident.resolve', 'alice'],
      ['incident.update', 'alice'],
      ['incident.create', 'alice'],
    ]);
    const audit = await browser.get('/admin/audit?action=incident.update');
    expect(audit.text).toContain('aktualizacja incydentu');
    expect(audit.text).not.toContain('utworzenie incydentu</td>');
  });

  it('when a required incident field is blank, then the form comes back with 400, names the field in Polish and keeps what was typed', async () => {
    const res = await browser.submit('/admin/incidents', '/admin/incidents', { title_pl: '', body_pl: 'Treść zostaje', impact: 'major', state: 'investigating', components: ['ikp'], action: 'create' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Popraw zaznaczone pola');
    expect(res.text).toContain('href="#f-title_pl"');
    expect(res.text).toContain('Treść zostaje');
    expect(res.text).toMatch(/id="f-title_pl"[^>]*aria-invalid="true"/);
  });

  it('when a maintenance window is scheduled in Warsaw time, then it is stored at the right instant and can be cancelled', async () => {
    const created = await browser.submit('/admin/maintenance', '/admin/maintenance', { title: 'Prace serwisowe IKP', text: 'Przerwa', start: '2026-03-29T01:00', end: '2026-03-29T04:00', components: ['ikp'] });
    expect(created.status).toBe(303);
    const [w] = await h.stores.windows.getWindows();
    // Across the spring change: 01:00 CET is 00:00Z, 04:00 CEST is 02:00Z.
    expect(new Date(w!.start).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(w!.end!).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    const page = `/admin/maintenance/${encodeURIComponent(w!.id)}`;
    expect((await browser.get(page)).text).toContain('value="2026-03-29T04:00"');
    const cancelled = await browser.submit(page, `${page}/cancel`, {});
    expect(cancelled.status).toBe(303);
    expect((await h.stores.windows.getWindows())[0]!.state).toBe('cancelled');
  });

  it('when a maintenance start falls in the spring DST gap, then the form names the start field and nothing is stored', async () => {
    const res = await browser.submit('/admin/maintenance', '/admin/maintenance', { title: 'X', start: '2026-03-29T02:30', end: '2026-03-29T04:00', components: ['ikp'] });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Ten czas nie istnieje w Polsce');
    expect(res.text).toContain('href="#f-start"');
    expect(await h.stores.windows.getWindows()).toEqual([]);
  });

  it('when an override is set with a reason and cleared, then the store and the audit trail follow', async () => {
    const set = await browser.submit('/admin/overrides', '/admin/overrides', { component: 'ikp', status: 'outage', reason: 'Sondy mylą się', for: '2h' });
    expect(set.status).toBe(303);
    const [o] = await h.stores.operator.getOverrides();
    expect(o).toMatchObject({ component: 'ikp', status: 'outage', reason: 'Sondy mylą się', createdBy: 'alice' });
    expect(o!.expiresAt - h.clock.now()).toBe(2 * 3_600_000);
    const cleared = await browser.submit('/admin/overrides', '/admin/overrides/ikp/clear', {});
    expect(cleared.status).toBe(303);
    expect(await h.stores.operator.getOverrides()).toEqual([]);
    expect((await h.stores.operator.getAudit(5)).map((e) => e.action)).toEqual(['override.delete', 'override.create']);
  });

  it('when an override has no reason, then it is refused naming the reason field', async () => {
    const res = await browser.submit('/admin/overrides', '/admin/overrides', { component: 'ikp', status: 'outage', reason: '', for: '2h' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#f-reason"');
  });

  it('when scraped or typed text holds markup, then every console page escapes it', async () => {
    await browser.submit('/admin/incidents', '/admin/incidents', { title_pl: '<script>alert(1)</script>', body_pl: '<img src=x onerror=alert(1)>', impact: 'minor', state: 'investigating', components: ['ikp'], action: 'create' });
    const [incident] = await h.stores.operator.getIncidents();
    for (const path of ['/admin', '/admin/incidents', `/admin/incidents/${incident!.id}`]) {
      const html = (await browser.get(path)).text;
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).not.toContain('<img src=x');
    }
  });

  it('when a past outage is previewed for reclassification, then before/after uptime is shown and nothing changes until it is applied', async () => {
    const hour = 3_600_000;
    const t0 = h.clock.now();
    await h.stores.history.addTransitions([
      { component: 'ikp', at: t0 - 3 * hour, status: 'outage', reason: 'probe_failed', rootCause: null },
      { component: 'ikp', at: t0 - 2 * hour, status: 'operational', reason: 'probe_ok', rootCause: null },
    ] as never, 100);
    await h.stores.history.addUptime('ikp', '2026-03-28', 'operational', 2 * 3600, 100);
    await h.stores.history.addUptime('ikp', '2026-03-28', 'outage', 3600, 100);
    const fields = { component: 'ikp', from: '2026-03-28T08:00', to: '2026-03-28T11:00', reason: 'Była zapowiedziana' };
    const preview = await browser.submit('/admin/reclassify', '/admin/reclassify', { ...fields, action: 'preview' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Dostępność przed i po korekcie');
    expect(preview.text).toMatch(/66,66%<\/td><td>100%/);
    expect(await h.stores.operator.getReclassifications()).toEqual([]);
    const applied = await browser.submit('/admin/reclassify', '/admin/reclassify', { ...fields, action: 'apply' });
    expect(applied.status).toBe(303);
    const [r] = await h.stores.operator.getReclassifications();
    expect(r).toMatchObject({ component: 'ikp', movedSeconds: 3600, createdBy: 'alice' });
  });

  it('when a low-confidence notice waits for review, then the queue shows its text, evidence and source, and confirming announces it', async () => {
    const t0 = h.clock.now();
    const pending = { id: 'n1-0', source: 'pz-notices', noticeKey: 'n1', kind: 'maintenance' as const, components: ['profil-zaufany'], start: t0 + 3_600_000, end: t0 + 7_200_000, title: 'Możliwe prace <b>PZ</b>', text: 'W nocy mogą wystąpić utrudnienia.', link: 'https://www.gov.pl/web/cyfryzacja/x', publishedAt: t0, firstSeenAt: t0, lastSeenAt: t0, updatedAt: t0, state: 'pending' as const, confidence: 0.42, evidence: ['mogą wystąpić utrudnienia'] };
    await h.stores.windows.putWindows([pending, { ...pending, id: 'n2-0', noticeKey: 'n2', title: 'Plotka' }]);
    expect((await browser.get('/admin')).text).toContain('Komunikaty czekające na weryfikację: 2');
    const queue = await browser.get('/admin/notices');
    expect(queue.text).toContain('Możliwe prace &lt;b&gt;PZ&lt;/b&gt;');
    expect(queue.text).toContain('mogą wystąpić utrudnienia');
    expect(queue.text).toContain('42%');
    expect(queue.text).toContain('href="https://www.gov.pl/web/cyfryzacja/x"');
    expect((await browser.submit('/admin/notices', '/admin/notices/n1-0/confirm', {})).status).toBe(303);
    expect((await browser.submit('/admin/notices', '/admin/notices/n2-0/reject', {})).status).toBe(303);
    const states = Object.fromEntries((await h.stores.windows.getWindows()).map((w) => [w.id, w.state]));
    expect(states).toEqual({ 'n1-0': 'announced', 'n2-0': 'cancelled' });
    expect((await h.stores.operator.getAudit(5)).map((e) => [e.action, e.actor])).toEqual([['notice.reject', 'alice'], ['notice.confirm', 'alice']]);
    expect((await browser.get('/admin/notices')).text).toContain('Nie ma komunikatów do weryfikacji.');
  });
});

describe('operator console: run a probe now', () => {
  it('when an operator runs a probe from the dashboard, then its live result is shown in the console\'s language, nothing is stored, and a viewer may not run it', async () => {
    const upstream = await startUpstream();
    upstream.route('/login', (_req, res) => res.writeHead(503).end('down'));
    const h = await adminHarness({ probes: [{ id: 'ikp-entry', kind: 'http', component: 'ikp', interval: '1m', timeout: '2s', http: { url: upstream.url('/login') } }] as never });
    try {
      const browser = new ConsoleClient(h.app);
      await browser.signIn(h.operator);
      const res = await browser.submit('/admin', '/admin/probes/ikp-entry/run', {});
      expect(res.status).toBe(200);
      expect(res.text).toContain('Sonda ikp-entry: wynik uruchomienia');
      expect(res.text).toContain('HTTP 503');
      // The result reads in the console's language: verdict, reason, status and duration.
      expect(res.text).toMatch(/Błąd: nieoczekiwany kod odpowiedzi HTTP · kod odpowiedzi HTTP 503 · czas: \d+ ms/);
      expect(res.text).not.toMatch(/http_status|\d ms · HTTP/);
      const csrfEn = await browser.csrfOn('/admin?lang=en', '/admin/probes/ikp-entry/run');
      const en = await browser.post('/admin/probes/ikp-entry/run', { _csrf: csrfEn, lang: 'en' });
      expect(en.text).toMatch(/Failure: unexpected HTTP status code · HTTP status 503 · took \d+ ms/);
      expect(await h.stores.results.recentResults('ikp-entry', 5)).toEqual([]);
      const csrfOp = await browser.csrfOn('/admin', '/admin/sign-out');
      expect((await browser.post('/admin/probes/nope/run', { _csrf: csrfOp })).status).toBe(404);
      const viewer = new ConsoleClient(h.app);
      await viewer.signIn(h.viewer);
      const csrf = await viewer.csrfOn('/admin', '/admin/sign-out');
      expect((await viewer.post('/admin/probes/ikp-entry/run', { _csrf: csrf })).status).toBe(403);
    } finally {
      await h.close();
      await upstream.close();
    }
  });
});

