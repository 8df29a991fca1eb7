import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoticesProbeConfig } from '../../src/config/notices-schema.ts';
import type { ComponentState, NoticeItem } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { runAutoIncidents } from '../../src/pipeline/auto-incidents.ts';
import { applyNotices } from '../../src/pipeline/notices.ts';
import { adminHarness, T0, type AdminHarness } from '../admin/harness.ts';
import { ConsoleClient } from './client.ts';

const MIN = 60_000;

/** Every public face that could carry an incident's title. */
const PUBLIC_FACES = ['/', '/?lang=en', '/api/v1/status', '/feed.atom', '/feed.rss', '/feed.json', '/api/v2/summary.json', '/api/v2/incidents.json'];

async function publicText(h: AdminHarness): Promise<string> {
  await h.snapshot.rebuild();
  const bodies = await Promise.all(PUBLIC_FACES.map(async (path) => (await request(h.app).get(path).set('accept-language', 'pl')).text));
  return bodies.join('\n');
}

/** Opens the monitor's own draft the way the pipeline does: PZ down for longer than autoOpenAfter. */
async function autoDraft(h: AdminHarness): Promise<{ id: string; title: string }> {
  const down: ComponentState = { id: 'profil-zaufany', status: 'outage', since: h.clock.now() - 30 * MIN, lastCheckedAt: h.clock.now(), reason: 'timeout', rootCause: null };
  await runAutoIncidents({ ...h.ops, logger: createLogger('silent') }, [down]);
  const [draft] = await h.stores.operator.getIncidents();
  expect(draft).toMatchObject({ automatic: true, draft: true });
  return { id: draft!.id, title: draft!.title.pl };
}

describe('operator console: automatic drafts stay private until approved', () => {
  let h: AdminHarness;
  let browser: ConsoleClient;
  beforeEach(async () => {
    h = await adminHarness();
    browser = new ConsoleClient(h.app);
    await browser.signIn(h.operator);
  });
  afterEach(async () => h.close());

  it('when the monitor opens a draft, then no public face or webhook shows it, and the console says so with an approve button', async () => {
    const { id, title } = await autoDraft(h);
    expect(await publicText(h)).not.toContain(title);
    expect((await request(h.app).get('/api/v1/status').expect(200)).body.incidents).toEqual([]);
    expect(h.events.filter((e) => e.type.startsWith('incident.'))).toEqual([]);
    const page = await browser.get(`/admin/incidents/${id}`);
    expect(page.text).toContain('pacjenci go nie widzą, dopóki go nie zatwierdzisz');
    expect(page.text).toContain(`action="/admin/incidents/${id}/approve"`);
    expect(page.text).toContain('Zatwierdź i opublikuj');
    expect((await browser.get('/admin')).text).toContain('szkic, niewidoczny publicznie');
  });

  it('when an operator approves the draft in the console, then every public face shows it, webhooks hear "created" once, and the audit shows draft yes → no', async () => {
    const { id, title } = await autoDraft(h);
    const res = await browser.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/approve`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/incidents/${id}?ok=1`);
    expect((await h.stores.operator.getIncident(id))).toMatchObject({ draft: false, version: 2 });
    const shown = await publicText(h);
    expect(shown).toContain(title);
    const status = await request(h.app).get('/api/v1/status').expect(200);
    expect(status.body.incidents.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(h.events.filter((e) => e.type.startsWith('incident.')).map((e) => [e.type, e.id])).toEqual([['incident.created', `incident:${id}:v2`]]);
    const [row] = await h.stores.operator.getAudit(1);
    expect(row).toMatchObject({ action: 'incident.approve', actor: 'alice', before: { draft: true }, after: { draft: false } });
    const audit = await browser.get('/admin/audit?action=incident.approve');
    expect(audit.text).toContain('zatwierdzenie szkicu incydentu');
    expect(audit.text).toMatch(/szkic: <del>tak<\/del> → <ins>nie<\/ins>/);
    // Approving twice is refused: it is public already.
    expect((await browser.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/edit`, { title_pl: 'x', impact: 'major', components: ['ikp'] })).status).toBe(303);
    const again = await browser.post(`/admin/incidents/${id}/approve`, { _csrf: await browser.csrfOn(`/admin/incidents/${id}`, `/admin/incidents/${id}/edit`) });
    expect(again.status).toBe(409);
  });

  it('when an operator corrects a draft and then resolves it as a false alarm, then it never reaches the public', async () => {
    const { id } = await autoDraft(h);
    const edited = await browser.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/edit`, { title_pl: 'Fałszywy alarm sondy PZ', impact: 'minor', components: ['profil-zaufany'] });
    expect(edited.status).toBe(303);
    expect((await browser.get(`/admin/incidents/${id}`)).text).toContain('Zapisanie zmian nie publikuje szkicu.');
    expect((await browser.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/resolve`, {})).status).toBe(303);
    expect(await h.stores.operator.getIncident(id)).toMatchObject({ draft: true, state: 'resolved', title: { pl: 'Fałszywy alarm sondy PZ' } });
    expect(await publicText(h)).not.toContain('Fałszywy alarm sondy PZ');
    expect(h.events.filter((e) => e.type.startsWith('incident.'))).toEqual([]);
  });

  it('when a viewer, a forged form or a signed-out client tries to approve, then it is refused and the draft stays private', async () => {
    const { id } = await autoDraft(h);
    const viewer = new ConsoleClient(h.app);
    await viewer.signIn(h.viewer);
    expect((await viewer.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/approve`, {})).status).toBe(403);
    expect((await browser.post(`/admin/incidents/${id}/approve`, { _csrf: 'forged' })).status).toBe(403);
    expect((await new ConsoleClient(h.app).post(`/admin/incidents/${id}/approve`, {})).status).toBe(401);
    expect(await h.stores.operator.getIncident(id)).toMatchObject({ draft: true, version: 1 });
  });
});

describe('operator console: editing an incident\'s title, impact and services', () => {
  let h: AdminHarness;
  let browser: ConsoleClient;
  let id: string;
  beforeEach(async () => {
    h = await adminHarness();
    browser = new ConsoleClient(h.app);
    await browser.signIn(h.operator);
    await browser.submit('/admin/incidents', '/admin/incidents', { title_pl: 'Awaria PZ', body_pl: 'Nie działa.', impact: 'major', state: 'investigating', components: ['profil-zaufany'], action: 'create' });
    id = (await h.stores.operator.getIncidents())[0]!.id;
  });
  afterEach(async () => h.close());

  it('when an operator edits an incident in the console, then the store, the public status and the audit (before → after) follow', async () => {
    const form = await browser.get(`/admin/incidents/${id}`);
    expect(form.text).toContain('Popraw tytuł, wpływ i usługi');
    expect(form.text).toContain('value="Awaria PZ"');
    const res = await browser.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/edit`, { title_pl: 'Awaria Profilu Zaufanego', title_en: 'Trusted Profile outage', impact: 'critical', components: ['profil-zaufany', 'login-gov'] });
    expect(res.status).toBe(303);
    expect(await h.stores.operator.getIncident(id)).toMatchObject({ title: { pl: 'Awaria Profilu Zaufanego', en: 'Trusted Profile outage' }, impact: 'critical', components: ['profil-zaufany', 'login-gov'], version: 2 });
    await h.snapshot.rebuild();
    const status = await request(h.app).get('/api/v1/status').expect(200);
    expect(status.body.incidents[0]).toMatchObject({ id, impact: 'critical', title: { pl: 'Awaria Profilu Zaufanego' } });
    const audit = (await browser.get('/admin/audit?action=incident.edit')).text;
    expect(audit).toContain('edycja incydentu');
    expect(audit).toMatch(/tytuł: <del>Awaria PZ<\/del> → <ins>Awaria Profilu Zaufanego<\/ins>/);
    expect(audit).toMatch(/wpływ: <del>poważny<\/del> → <ins>krytyczny<\/ins>/);
    expect(audit).toMatch(/usługi: <del>Profil Zaufany<\/del> → <ins>Profil Zaufany, login\.gov\.pl<\/ins>/);
  });

  it('when the edit leaves the title blank and no service ticked, then 400 names both fields by their labels, not their keys, and nothing changes', async () => {
    const res = await browser.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/edit`, { title_pl: '', impact: 'minor' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Popraw zaznaczone pola');
    expect(res.text).toContain('<a href="#f-title_pl">Tytuł (po polsku): Pole jest wymagane.</a>');
    expect(res.text).toContain('<a href="#f-components">Dotyczy usług: ');
    expect(res.text).not.toMatch(/>(title\.pl|components):/);
    expect(res.text).toMatch(/id="f-title_pl"[^>]*aria-invalid="true"/);
    expect(await h.stores.operator.getIncident(id)).toMatchObject({ version: 1, impact: 'major' });
  });

  it('when a viewer or a forged form tries to edit, then 403 and nothing changes', async () => {
    const viewer = new ConsoleClient(h.app);
    await viewer.signIn(h.viewer);
    const page = await viewer.get(`/admin/incidents/${id}`);
    expect(page.text).toMatch(/<button type="submit" disabled>Zapisz zmiany<\/button>/);
    expect((await viewer.submit(`/admin/incidents/${id}`, `/admin/incidents/${id}/edit`, { title_pl: 'x', impact: 'minor', components: ['ikp'] })).status).toBe(403);
    expect((await browser.post(`/admin/incidents/${id}/edit`, { _csrf: 'forged', title_pl: 'x', impact: 'minor', components: ['ikp'] })).status).toBe(403);
    expect(await h.stores.operator.getIncident(id)).toMatchObject({ version: 1, title: { pl: 'Awaria PZ' } });
  });
});

const PROBE = { id: 'pz-notices', kind: 'notices', interval: 60_000, timeout: 10_000, notices: { url: 'http://127.0.0.1:9/', components: ['profil-zaufany'] } } as unknown as NoticesProbeConfig;
// A conditional sentence the parser reads as an outage with confidence 0.5, under the 0.6 threshold.
const CONDITIONAL: NoticeItem = {
  title: 'Komunikat w sprawie Profilu Zaufanego',
  text: 'W związku z pracami nad infrastrukturą nie wykluczamy utrudnień w logowaniu Profilem Zaufanym w sobotę 28 marca w godz. 22:00-23:00.',
  link: 'https://www.gov.pl/web/cyfryzacja/komunikat',
  publishedAt: '2026-03-27T10:00:00+01:00',
};

describe('operator console: correcting a doubtful notice before confirming it', () => {
  let h: AdminHarness;
  let browser: ConsoleClient;
  let id: string;
  const read = (items: NoticeItem[], at: number) => applyNotices({ ...h.ops, logger: createLogger('silent') }, PROBE, items, at);
  beforeEach(async () => {
    h = await adminHarness();
    browser = new ConsoleClient(h.app);
    await browser.signIn(h.operator);
    await read([CONDITIONAL], T0);
    const [w] = await h.stores.windows.getWindows();
    expect(w).toMatchObject({ state: 'pending', kind: 'outage', components: ['profil-zaufany'] });
    id = w!.id;
  });
  afterEach(async () => h.close());

  const page = () => `/admin/notices/${encodeURIComponent(id)}`;

  it('when an operator corrects kind, window and services, then it is announced that way, not as "Ogłoszona awaria", audited, and a re-read of the same notice keeps it', async () => {
    const queue = await browser.get('/admin/notices');
    expect(queue.text).toContain(`href="${page()}"`);
    const form = await browser.get(page());
    expect(form.text).toMatch(/<option value="outage" selected>awaria<\/option>/);
    expect(form.text).toContain('value="2026-03-28T22:00"');
    const res = await browser.submit(page(), `${page()}/confirm`, { kind: 'maintenance', start: '2026-03-28T21:30', end: '2026-03-29T01:00', components: ['profil-zaufany', 'login-gov'] });
    expect(res.status).toBe(303);
    const corrected = { kind: 'maintenance', start: Date.parse('2026-03-28T21:30:00+01:00'), end: Date.parse('2026-03-29T01:00:00+01:00'), components: ['profil-zaufany', 'login-gov'] };
    expect((await h.stores.windows.getWindows())[0]).toMatchObject({ ...corrected, state: 'announced', review: { decision: 'confirmed', by: 'alice', corrected } });

    await h.snapshot.rebuild();
    const status = await request(h.app).get('/api/v1/status').expect(200);
    expect(status.body.maintenance.upcoming).toMatchObject([{ id, kind: 'maintenance', start: '2026-03-28T21:30:00.000+01:00', components: ['profil-zaufany', 'login-gov'] }]);
    expect((await request(h.app).get('/').set('accept-language', 'pl')).text).not.toContain('Ogłoszona awaria');

    const audit = (await browser.get('/admin/audit?action=notice.confirm')).text;
    expect(audit).toMatch(/rodzaj: <del>awaria<\/del> → <ins>przerwa techniczna<\/ins>/);
    expect(audit).toMatch(/stan: <del>czeka na weryfikację<\/del> → <ins>zapowiedziana<\/ins>/);

    // The source is read again with the same text: the correction stands.
    await read([CONDITIONAL], T0 + 5 * MIN);
    expect((await h.stores.windows.getWindows())[0]).toMatchObject({ ...corrected, state: 'announced' });
    // The source rewords the notice: the correction was for other words, so it is reviewed afresh.
    await read([{ ...CONDITIONAL, text: `${CONDITIONAL.text} Przepraszamy.` }], T0 + 10 * MIN);
    expect((await h.stores.windows.getWindows())[0]).toMatchObject({ kind: 'outage', state: 'pending', components: ['profil-zaufany'] });
  });

  it('when the operator says the notice announces nothing, then it is rejected, stays so on a re-read, and no public face shows it', async () => {
    const res = await browser.submit(page(), `${page()}/confirm`, { kind: 'none', start: '2026-03-28T22:00', end: '2026-03-28T23:00', components: ['profil-zaufany'] });
    expect(res.status).toBe(303);
    expect((await h.stores.windows.getWindows())[0]).toMatchObject({ state: 'cancelled', kind: 'outage', review: { decision: 'rejected', corrected: { kind: 'none' } } });
    expect((await h.stores.operator.getAudit(1))[0]).toMatchObject({ action: 'notice.reject', before: { state: 'pending' }, after: { state: 'cancelled' } });
    await read([CONDITIONAL], T0 + 5 * MIN);
    expect((await h.stores.windows.getWindows())[0]!.state).toBe('cancelled');
    expect(await publicText(h)).not.toContain('Komunikat w sprawie Profilu Zaufanego');
    expect((await browser.get(page())).text).toContain('Ten komunikat został już rozpatrzony: odwołana.');
  });

  it('when the corrected end is before the start or the start falls in the DST gap, then 400 names the field by its label and the suggestion stays pending', async () => {
    const backwards = await browser.submit(page(), `${page()}/confirm`, { kind: 'maintenance', start: '2026-03-28T23:00', end: '2026-03-28T22:00', components: ['profil-zaufany'] });
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('<a href="#f-end">Koniec (czas polski): Koniec musi być po początku.</a>');
    expect(backwards.text).toMatch(/<option value="maintenance" selected>/);
    const gap = await browser.submit(page(), `${page()}/confirm`, { kind: 'maintenance', start: '2026-03-29T02:30', end: '2026-03-29T04:00', components: ['profil-zaufany'] });
    expect(gap.status).toBe(400);
    expect(gap.text).toContain('<a href="#f-start">Początek (czas polski): Ten czas nie istnieje w Polsce');
    expect((await h.stores.windows.getWindows())[0]!.state).toBe('pending');
  });

  it('when a viewer or a forged form sends a correction, then 403 and the suggestion stays pending', async () => {
    const viewer = new ConsoleClient(h.app);
    await viewer.signIn(h.viewer);
    expect((await viewer.submit(page(), `${page()}/confirm`, { kind: 'maintenance', start: '2026-03-28T22:00', components: ['ikp'] })).status).toBe(403);
    expect((await browser.post(`${page()}/confirm`, { _csrf: 'forged', kind: 'maintenance', start: '2026-03-28T22:00', components: ['ikp'] })).status).toBe(403);
    expect((await h.stores.windows.getWindows())[0]).toMatchObject({ state: 'pending', kind: 'outage' });
  });
});

describe('operator console: the audit trail shows what changed', () => {
  let h: AdminHarness;
  let browser: ConsoleClient;
  beforeEach(async () => {
    h = await adminHarness();
    browser = new ConsoleClient(h.app);
    await browser.signIn(h.operator);
  });
  afterEach(async () => h.close());

  it('when an override is replaced and cleared and a window is rescheduled, then each audit row shows its values before and after', async () => {
    await browser.submit('/admin/overrides', '/admin/overrides', { component: 'ikp', status: 'outage', reason: 'Sondy mylą się', for: '2h' });
    await browser.submit('/admin/overrides', '/admin/overrides', { component: 'ikp', status: 'degraded', reason: 'Już lepiej', for: '1h' });
    await browser.submit('/admin/overrides', '/admin/overrides/ikp/clear', {});
    await browser.submit('/admin/maintenance', '/admin/maintenance', { title: 'Prace IKP', start: '2026-04-02T22:00', end: '2026-04-03T02:00', components: ['ikp'] });
    const [w] = await h.stores.windows.getWindows();
    const windowPage = `/admin/maintenance/${encodeURIComponent(w!.id)}`;
    await browser.submit(windowPage, windowPage, { title: 'Prace IKP', start: '2026-04-02T22:00', end: '2026-04-03T03:00', components: ['ikp'] });

    const overrides = (await browser.get('/admin/audit?action=override.create')).text;
    expect(overrides).toMatch(/stan: <del>Nie działa<\/del> → <ins>[^<]+<\/ins>/);
    expect(overrides).toMatch(/powód: <del>Sondy mylą się<\/del> → <ins>Już lepiej<\/ins>/);
    const cleared = (await browser.get('/admin/audit?action=override.delete')).text;
    expect(cleared).toMatch(/powód: <del>Już lepiej<\/del> → <ins>usunięto<\/ins>/);
    const edited = (await browser.get('/admin/audit?action=maintenance.edit')).text;
    expect(edited).toMatch(/koniec: <del>3 kwietnia, 2:00<\/del> → <ins>3 kwietnia, 3:00<\/ins>/);
  });
});

describe('operator console: run now speaks the console\'s language', () => {
  let h: AdminHarness;
  afterEach(async () => h.close());

  it('when the dashboard lists a probe whose last run failed, then its reason and duration are in Polish words, not codes', async () => {
    h = await adminHarness({ probes: [{ id: 'ikp-entry', kind: 'http', component: 'ikp', interval: '1m', timeout: '2s', http: { url: 'http://127.0.0.1:9/' } }] as never });
    const base = { probeId: 'ikp-entry', status: 'down' as const, consecutiveFailures: 3, consecutiveSuccesses: 0, consecutiveSlow: 0, consecutiveFast: 0, lastOk: false, lastReason: 'timeout' as const, lastCheckedAt: T0 - MIN, since: T0 - 5 * MIN, lastDurationMs: 2_000 };
    await h.stores.results.setProbeState(base as never);
    const browser = new ConsoleClient(h.app);
    await browser.signIn(h.operator);
    const dash = (await browser.get('/admin')).text;
    expect(dash).toContain('błąd: brak odpowiedzi w limicie czasu');
    expect(dash).toContain('czas: 2 s');
    const en = (await browser.get('/admin?lang=en')).text;
    expect(en).toContain('no answer within the time limit');
  });
});
