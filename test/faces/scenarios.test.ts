import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import type { Meaning } from '../../src/domain/public-state.ts';
import type { ComponentState, ComponentStatus } from '../../src/domain/types.ts';
import type { Incident } from '../../src/incidents/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { translator } from '../../src/i18n/index.ts';
import { anchorId } from '../../src/web/page/safe-url.ts';
import { spId } from '../../src/web/statuspage/build.ts';
import { COMPONENT_STATUS } from '../../src/web/statuspage/mapping.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { pollUntil } from '../helpers/poll.ts';
import { samples } from '../ops/prom-text.ts';
import { FAST, fastDemoConfig } from './fast-demo-config.ts';

/**
 * Every face tells the same truth: the demo is driven through its scenarios and at each step the
 * page, fragment, /api/v1/status, Statuspage JSON, badges, feed, /metrics and triage are read and
 * compared. Screenshots of each step land in test-output/ (phone and desktop width). The demo runs
 * on the fast test config (every probe each second, two failures or one success decide), so a
 * scenario shows within seconds; each step polls for the state it expects, never for a set time.
 */

interface ApiComponent {
  id: string;
  status: ComponentStatus;
  meaning: Meaning;
  fresh: boolean;
  confidence: string;
  since: string | null;
  until: string | null;
}
interface ApiStatus {
  overall: { status: ComponentStatus; indicator: string };
  monitor: { blind: boolean; stale: boolean };
  components: ApiComponent[];
  loginMethods: { id: string; path: string[]; until: string | null; works: boolean | null; status: ComponentStatus; alternatives: string[] | null }[];
  maintenance: { active: { id: string; start: string; end: string | null; components: string[] }[]; upcoming: { id: string; start: string; end: string | null }[] };
  incidents: { id: string; state: string }[];
}
interface Faces {
  api: ApiStatus;
  page: string;
  fragment: string;
  summary: { status: { indicator: string }; components: { id: string; status: string }[]; scheduled_maintenances: { id: string; scheduled_for: string; scheduled_until: string }[] };
  badges: Map<string, string>;
  feed: string;
  metrics: string;
  triage: { causes: { code: string; advice: { pl: string } }[]; alternatives: { id: string }[] | null; monitor: { blind: boolean } };
}

const t = translator('pl');
const SHOTS = 'test-output/faces';

describe('every face tells the same truth', () => {
  let sim: Simulator;
  let app: RunningApp;
  let browser: Browser;
  /** One page for every screenshot: a width restyles the same document, no new context needed. */
  let shots: Page;
  let offset = 0;
  const clock = { now: () => Date.now() + offset };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sim = await startSimulator(0, '127.0.0.1', { slowMs: FAST.simulatorSlowMs });
    app = await startApp(fastDemoConfig(sim.url), { clock, logger: createLogger('silent') });
    browser = await launchChromium();
    shots = await (await browser.newContext()).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.close();
  });

  const get = async (path: string): Promise<string> => (await fetch(`${app.url}${path}`)).text();
  const api = async (): Promise<ApiStatus> => JSON.parse(await get('/api/v1/status')) as ApiStatus;
  const until = (what: string, ok: (s: ApiStatus) => boolean): Promise<ApiStatus> =>
    pollUntil(what, async () => {
      const s = await api();
      return ok(s) ? s : undefined;
    }, 60_000);
  const status = (s: ApiStatus, id: string): ComponentStatus | undefined => s.components.find((c) => c.id === id)?.status;
  const allOperational = (s: ApiStatus): boolean => s.components.every((c) => c.status === 'operational' && c.fresh);

  // Probes keep running while the faces are read: a read counts only when the public state did not
  // move under it (the same statuses before and after), so faces are compared at one instant.
  const statuses = (s: ApiStatus): string => JSON.stringify([s.overall, s.components.map((c) => [c.id, c.status, c.fresh]), s.maintenance, s.incidents.map((i) => [i.id, i.state])]);
  async function read(): Promise<Faces> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const faces = await readOnce();
      if (statuses(faces.api) === statuses(await api())) return faces;
    }
    throw new Error('the public state kept changing while the faces were read');
  }

  async function readOnce(): Promise<Faces> {
    const before = await api();
    const [page, fragment, summary, feed, metrics, triage] = await Promise.all([
      get('/'),
      get('/fragment'),
      get('/api/v2/summary.json').then((b) => JSON.parse(b) as Faces['summary']),
      get('/feed.atom'),
      get('/metrics'),
      fetch(`${app.url}/api/v1/triage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'unknown' }) }).then(async (r) => (await r.json()) as Faces['triage']),
    ]);
    const badges = new Map(await Promise.all(before.components.map(async (c) => [c.id, await get(`/badge/${encodeURIComponent(c.id)}.svg`)] as const)));
    return { api: before, page, fragment, summary, badges, feed, metrics, triage };
  }

  async function shoot(name: string): Promise<void> {
    await shots.goto(`${app.url}/`, { waitUntil: 'load' });
    for (const [label, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]] as const) {
      await shots.setViewportSize({ width, height });
      await shots.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: label === 'desktop' });
    }
  }

  /** The assertions every step shares: same status per component, same overall, same window times, no "działa" without fresh data. */
  function agree(f: Faces): void {
    const { api: s } = f;
    const sp = new Map(f.summary.components.map((c) => [c.id, c.status]));
    const oneHot = samples(f.metrics, 'ikpstatus_component_status').filter((x) => x.value === 1);
    for (const c of s.components) {
      expect(sp.get(c.id), `Statuspage ${c.id}`).toBe(COMPONENT_STATUS[c.status]);
      expect(f.badges.get(c.id), `badge ${c.id}`).toContain(t(`meaning.${c.meaning}`));
      expect(oneHot.filter((x) => x.labels.component === c.id).map((x) => x.labels.status), `metrics ${c.id}`).toEqual([c.status]);
      const card = new RegExp(`<li class="card status-(\\w+)" id="${anchorId('c', c.id)}">`);
      expect(card.exec(f.fragment)?.[1], `fragment card ${c.id}`).toBe(c.status);
      expect(card.exec(f.page)?.[1], `page card ${c.id}`).toBe(c.status);
      // No face says "works" for a component without fresh data.
      if (c.status === 'operational') expect(c.fresh, `${c.id} operational only when fresh`).toBe(true);
    }
    expect(f.summary.status.indicator).toBe(s.overall.indicator);
    for (const w of s.maintenance.active) {
      // Statuspage ids are URL-safe forms of ours.
      const m = f.summary.scheduled_maintenances.find((x) => x.id === spId(w.id));
      expect(Date.parse(m!.scheduled_for)).toBe(Date.parse(w.start));
      if (w.end) expect(Date.parse(m!.scheduled_until)).toBe(Date.parse(w.end));
      for (const id of w.components) expect(s.components.find((c) => c.id === id)).toMatchObject({ status: 'maintenance', since: new Date(Date.parse(w.start)).toISOString() });
    }
    for (const i of s.incidents.filter((x) => x.state !== 'resolved')) expect(f.feed).toContain(`urn:ikp-status:incident:${encodeURIComponent(i.id)}`);
    const blindOrStale = s.monitor.blind || s.monitor.stale;
    if (blindOrStale) {
      for (const html of [f.page, f.fragment]) {
        expect(html).not.toContain('Sprawdzono przed chwilą');
        expect(html).not.toContain(t('login.alternatives'));
        expect(html).not.toContain(t('login.noAlternatives'));
        expect(html).not.toContain(t('banner.ok.title'));
      }
      // The public rows cannot tell, so triage claims nothing about other methods.
      expect(f.triage.alternatives).toBeNull();
    }
    // Triage reads the same public state: it offers only rows every other face shows as working.
    const working = new Set(s.loginMethods.filter((l) => l.works === true).map((l) => l.id));
    for (const a of f.triage.alternatives ?? []) expect(working.has(a.id), `triage alternative ${a.id}`).toBe(true);
    if (s.components.some((c) => c.status !== 'operational')) {
      for (const c of f.triage.causes) expect(c.advice.pl).not.toContain('Usługi potrzebne do Twojego logowania działały');
    }
    if (s.overall.status !== 'operational') expect(f.page).not.toContain(t('banner.ok.title'));
  }

  /** Runs `step` with a demo scenario on, and switches it off afterwards even when the step fails, so later steps start clean. */
  async function withScenario(name: string, step: () => Promise<void>): Promise<void> {
    sim.setScenario(name, true);
    try {
      await step();
    } finally {
      sim.setScenario(name, false);
    }
  }

  it('when everything works, then every face says so, each with fresh data', async () => {
    await until('all operational', allOperational);
    const f = await read();
    agree(f);
    expect(f.api.overall).toMatchObject({ status: 'operational', indicator: 'none' });
    expect(f.page).toContain(t('banner.ok.title'));
    await shoot('01-normal');
  }, 90_000);

  it('when a patient sends the help form on a phone, then the answer fits the screen and the typed error text is not shown back', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${app.url}/pomoc`);
      await page.fill('#errorText', 'Profil wygasł, nie mogę wejść');
      await page.click('button[type=submit]');
      await page.waitForSelector('#result');
      expect(await page.inputValue('#errorText')).toBe('');
      expect(await page.content()).not.toContain('Profil wygasł, nie mogę wejść');
      const box = await page.locator('#escalation-text').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      const scroll = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/00-help-form-phone.png`, fullPage: true });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('when PZ is down, then PZ is "Nie działa" everywhere and the PZ banks say plainly login through them does not work', async () => {
    await withScenario('pz-outage', async () => {
      await until('PZ outage', (s) => status(s, 'profil-zaufany') === 'outage');
      const f = await read();
      agree(f);
      expect(f.fragment).toContain('Logowanie do IKP przez ten bank teraz nie działa, bo Profil Zaufany ma awarię.');
      expect((f.triage.alternatives ?? []).map((a) => a.id)).not.toContain('pz-bank:pko-bp');
      await shoot('02-pz-outage');
    });
    await until('PZ back', allOperational);
  }, 150_000);

  it('when login.gov.pl hangs, then it is down everywhere and no login row works', async () => {
    await withScenario('login-gov-outage', async () => {
      const s = await until('login-gov outage', (x) => status(x, 'login-gov') === 'outage');
      const f = await read();
      agree(f);
      expect(s.loginMethods.every((l) => l.works === false)).toBe(true);
      expect(f.triage.causes[0]!.code).toBe('LOGIN_GOV_UNAVAILABLE');
      await shoot('04-login-gov-outage');
    });
    await until('login-gov back', allOperational);
  }, 150_000);

  it('when IKP announces maintenance, then every face shows maintenance with the window\u2019s own times', async () => {
    await withScenario('ikp-maintenance', async () => {
      const s = await until('IKP maintenance', (x) => status(x, 'ikp') === 'maintenance' && x.maintenance.active.length > 0);
      const f = await read();
      agree(f);
      const w = s.maintenance.active[0]!;
      expect(f.fragment).toContain(`<li class="card status-maintenance" id="c-ikp">`);
      expect(new Date(Date.parse(w.start)).getUTCMinutes()).toBe(0);
      expect(f.triage.causes[0]!.code).toBe('IKP_MAINTENANCE');
      await shoot('05-ikp-maintenance');
    });
    await until('IKP back', allOperational);
  }, 150_000);

  it('when mBank announces tomorrow night\u2019s maintenance, then it is upcoming everywhere and mBank still works now', async () => {
    await withScenario('bank-mbank-maintenance', async () => {
      const s = await until('upcoming mBank window', (x) => x.maintenance.upcoming.length > 0);
      const f = await read();
      agree(f);
      expect(status(s, 'bank:mbank')).toBe('operational');
      expect(f.fragment).toContain('Zapowiedziane');
      await shoot('06-bank-mbank-maintenance');
    });
  }, 150_000);

  it('when an operator opens a major incident on a working bank, then the bank is down everywhere and the banner uses the incident template', async () => {
    const now = clock.now();
    const incident: Incident = {
      id: 'inc-faces', version: 0, title: { pl: 'Logowanie przez PKO BP przerywa' }, impact: 'major', state: 'investigating', components: ['bank:pko-bp'],
      automatic: false, draft: false, createdAt: now, createdBy: 'test', updatedAt: now, resolvedAt: null,
      updates: [{ id: 'u1', at: now, state: 'investigating', body: { pl: 'Sprawdzamy zgłoszenia.' }, by: 'test' }],
    };
    expect(await app.stores.operator.saveIncident(incident, 0)).toBe(true);
    await app.stores.coordination.publishChanged();
    const s = await until('incident applied', (x) => status(x, 'bank:pko-bp') === 'outage');
    const f = await read();
    agree(f);
    expect(s.overall).toMatchObject({ status: 'outage', indicator: 'major' });
    expect(f.fragment).toContain(t('banner.incident.title'));
    expect(f.fragment).toContain('Poważna awaria: Logowanie przez PKO BP przerywa. Dotyczy: PKO Bank Polski.');
    expect(f.fragment).not.toContain('Nie działa: Logowanie przez PKO BP');
    await shoot('07-incident');
    const stored = (await app.stores.operator.getIncident('inc-faces'))!;
    expect(await app.stores.operator.saveIncident({ ...stored, state: 'resolved', resolvedAt: clock.now(), updatedAt: clock.now() }, stored.version)).toBe(true);
    await app.stores.coordination.publishChanged();
    await until('incident resolved', allOperational);
  }, 150_000);

  it('when an operator overrides mojeID to outage, then every face says mojeID is down until withdrawn (no end is claimed)', async () => {
    const now = clock.now();
    await app.stores.operator.putOverride({ component: 'mojeid', status: 'outage', reason: 'test override', createdBy: 'test', createdAt: now, expiresAt: now + 600_000 });
    await app.stores.coordination.publishChanged();
    try {
      const s = await until('override applied', (x) => status(x, 'mojeid') === 'outage');
      const f = await read();
      agree(f);
      expect(s.components.find((c) => c.id === 'mojeid')).toMatchObject({ confidence: 'operator', until: null });
      // The operator chose how long the override lasts, not when mojeID is fixed.
      expect(s.loginMethods.filter((l) => l.path.includes('mojeid')).map((l) => l.until)).toEqual(s.loginMethods.filter((l) => l.path.includes('mojeid')).map(() => null));
      await shoot('08-override');
    } finally {
      await app.stores.operator.deleteOverride('mojeid');
      await app.stores.coordination.publishChanged();
    }
    await until('override lifted', allOperational);
  }, 150_000);

  it('when the monitor goes offline, then nothing says "działa", nothing claims alternatives, and it recovers when back online', async () => {
    await withScenario('offline', async () => {
      await until('blind', (x) => x.monitor.blind);
      const f = await read();
      agree(f);
      expect(f.fragment).toContain(t('banner.blind.title'));
      expect(f.triage.causes[0]!.code).toBe('MONITOR_BLIND');
      await shoot('09-offline');
    });
    const back = await until('online again', allOperational);
    agree(await read());
    expect(back.monitor.blind).toBe(false);
  }, 150_000);

  // From here on the probes are stopped: what the faces say comes from the store alone.
  it('when PZ is slow, then "Działa wolniej" shows in the banner, the matrix and the card', async () => {
    // Slowness measured by probes is timing (a delay between the slow threshold and the timeout) and
    // is walked through with the probes in test/faces/transitions.test.ts; here the store says it,
    // so this step is about the faces alone. Stopping the scheduler lets the fires in flight land
    // and keeps the engine from judging again over the state written below.
    await until('all operational', allOperational);
    expect(await app.scheduler.stop(30_000)).toBe(true);
    const now = clock.now();
    const states = [...(await app.stores.results.getComponentStates()).values()].map(
      (c): ComponentState => (c.id === 'profil-zaufany' ? { ...c, status: 'degraded', reason: 'slow', rootCause: null, since: now, lastCheckedAt: now } : { ...c, lastCheckedAt: now }),
    );
    await app.stores.results.setComponentStates(states);
    await app.stores.coordination.publishChanged();
    await until('PZ degraded', (x) => status(x, 'profil-zaufany') === 'degraded');
    const f = await read();
    agree(f);
    expect(f.api.components.find((c) => c.id === 'profil-zaufany')?.meaning).toBe('slow');
    expect(f.fragment).toContain('Działa wolniej: Profil Zaufany.');
    expect(f.fragment).toMatch(/<li class="method status-degraded" id="login-profil-zaufany">/);
    expect(f.triage.causes.map((c) => c.code)).not.toContain('PZ_UNAVAILABLE');
    await shoot('03-pz-slow');
  }, 90_000);

  it('when the store has had nothing new for ten minutes, then every face says "nie wiemy" with the age', async () => {
    await app.scheduler.stop(30_000);
    offset += 10 * 60_000;
    const s = await api();
    expect(s.monitor.stale).toBe(true);
    expect(s.components.every((c) => c.status === 'unknown' && c.confidence === 'stale' && !c.fresh)).toBe(true);
    const f = await read();
    agree(f);
    expect(f.fragment).toContain('Nie wiemy: brak aktualnych danych. Ostatni wynik jest z');
    expect(f.fragment).toContain('10 min temu');
    await shoot('10-stale');
  }, 90_000);
});
