import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { adminHarness, type AdminHarness } from '../admin/harness.ts';
import { checkAxe } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { generateToken } from '../../src/domain/token-hash.ts';
import { SYSTEM_ACTOR } from '../../src/domain/actor.ts';
import { createIncident } from '../../src/incidents/service.ts';
import type { RunningApp } from '../../src/main.ts';
import { startReplicaPair } from '../helpers/replicas.ts';

const SHOTS = 'test-output/screenshots/console';
/** The console's background in dark mode (public/console.css `--bg`), as the browser computes it. */
const DARK_BG = 'rgb(18, 18, 18)';

// The page-side globals this test touches (the project compiles without the DOM lib).
interface PageGlobals {
  document: { body: object };
  getComputedStyle(el: object): { backgroundColor: string };
}

const backgroundOf = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.getComputedStyle(g.document.body).backgroundColor;
  });

// One Chromium for the whole file: each test opens its own contexts.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('operator console in headless Chromium (no JavaScript needed)', () => {
  let h: AdminHarness;
  let server: WebServer;

  beforeAll(async () => {
    h = await adminHarness();
    server = await startWebServer(h.app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  async function signedIn(token: string, opts: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    // The console must work without JavaScript: every step below is a plain link or form.
    const context = await browser.newContext({ javaScriptEnabled: false, ...opts });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Token dostępu').fill(token);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.waitForURL(`${server.url}/admin`);
    return { context, page };
  }

  it('when an operator works a whole incident, a window, an override and a pending notice through the forms, then each change lands and they sign out', async () => {
    const t0 = h.clock.now();
    await h.stores.windows.putWindows([{ id: 'n1-0', source: 'pz-notices', noticeKey: 'n1', kind: 'maintenance', components: ['profil-zaufany'], start: t0 + 3_600_000, end: t0 + 7_200_000, title: 'Możliwe prace PZ', text: 'W nocy mogą wystąpić utrudnienia.', link: null, publishedAt: t0, firstSeenAt: t0, lastSeenAt: t0, updatedAt: t0, state: 'pending', confidence: 0.4, evidence: ['mogą wystąpić utrudnienia'] }]);
    const { context, page } = await signedIn(h.operator);
    try {
      await expect.poll(() => page.textContent('h1')).toBe('Pulpit');
      await page.getByRole('link', { name: 'Incydenty' }).first().click();
      await page.getByLabel('Szablon').selectOption('pz-outage');
      await page.getByRole('button', { name: 'Użyj szablonu' }).click();
      expect(await page.getByLabel('Tytuł (po polsku)').inputValue()).toBe('Awaria Profilu Zaufanego');
      await page.getByRole('button', { name: 'Podgląd' }).click();
      expect(await page.textContent('#h-preview')).toContain('Tak przeczytają to pacjenci');
      await page.getByRole('button', { name: 'Opublikuj incydent' }).click();
      expect(await page.textContent('.notice')).toBe('Zapisano.');
      expect(await page.textContent('h1')).toBe('Awaria Profilu Zaufanego');

      await page.getByLabel('Etap').selectOption('identified');
      await page.getByLabel('Treść (po polsku)').fill('Znamy przyczynę, naprawiamy.');
      await page.getByRole('button', { name: 'Opublikuj aktualizację' }).click();
      expect(await page.textContent('.timeline')).toContain('Znamy przyczynę');
      await page.getByRole('button', { name: 'Zakończ incydent' }).click();
      expect(await page.textContent('main')).toContain('Zakończony');

      await page.getByRole('link', { name: 'Przerwy techniczne' }).click();
      await page.getByLabel('Tytuł').fill('Prace serwisowe IKP');
      await page.getByLabel('Początek (czas polski)').fill('2026-04-02T22:00');
      await page.getByLabel('Koniec (czas polski)').fill('2026-04-03T02:00');
      await page.getByRole('checkbox', { name: 'IKP' }).check();
      await page.getByRole('button', { name: 'Zaplanuj', exact: true }).click();
      await page.getByRole('link', { name: 'Prace serwisowe IKP' }).click();
      await page.getByRole('button', { name: 'Odwołaj przerwę' }).click();
      expect(await page.textContent('main table')).toContain('odwołana');

      await page.getByRole('link', { name: 'Wymuszone stany' }).click();
      await page.getByLabel('Usługa').selectOption('ikp');
      await page.getByLabel('Stan', { exact: true }).selectOption('outage');
      await page.getByLabel('Powód (widoczny w dzienniku zmian)').fill('Sondy nie widzą awarii');
      await page.getByRole('button', { name: 'Wymuś', exact: true }).click();
      expect(await h.stores.operator.getOverrides()).toHaveLength(1);
      await page.getByRole('button', { name: 'Zdejmij: IKP' }).click();
      expect(await h.stores.operator.getOverrides()).toHaveLength(0);

      await page.getByRole('link', { name: 'Komunikaty do weryfikacji' }).first().click();
      await page.getByRole('button', { name: 'Potwierdź' }).click();
      expect(await page.textContent('main')).toContain('Nie ma komunikatów do weryfikacji.');

      await page.getByRole('button', { name: 'Wyloguj się' }).click();
      expect(await page.textContent('main')).toContain('Wylogowano');
      await page.goto(`${server.url}/admin/audit`);
      expect(await page.textContent('h1')).toBe('Logowanie do konsoli');
    } finally {
      await context.close();
    }
    const actions = (await h.stores.operator.getAudit(20)).map((e) => e.action).reverse();
    expect(actions).toEqual(['incident.create', 'incident.update', 'incident.resolve', 'maintenance.create', 'maintenance.cancel', 'override.create', 'override.delete', 'notice.confirm']);
  }, 90_000);

  it('when every console page is checked by axe at phone width in light and dark mode, then none has a WCAG 2.1 AA violation; screenshots are written', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const [incident] = await h.stores.operator.getIncidents();
    const [window] = await h.stores.windows.getWindows();
    // A draft (approve card, edit form) and a pending notice (correction form) have pages of their own.
    const draft = await createIncident(h.ops, SYSTEM_ACTOR, { title: { pl: 'Profil Zaufany nie działa' }, body: { pl: 'Wykryliśmy to automatycznie.' }, impact: 'major', components: ['profil-zaufany'] }, { id: 'auto-pz-a11y', automatic: true });
    const t0 = h.clock.now();
    await h.stores.windows.putWindows([{ id: 'n2-0', source: 'pz-notices', noticeKey: 'n2', kind: 'outage', components: ['profil-zaufany'], start: t0 + 3_600_000, end: null, title: 'Możliwe utrudnienia PZ', text: 'Nie wykluczamy utrudnień.', link: null, publishedAt: t0, firstSeenAt: t0, lastSeenAt: t0, updatedAt: t0, state: 'pending', confidence: 0.5, evidence: ['utrudnie'] }]);
    const pages = ['/admin/incidents', `/admin/incidents/${incident!.id}`, `/admin/incidents/${draft!.id}`, '/admin/maintenance', `/admin/maintenance/${encodeURIComponent(window!.id)}`, '/admin/overrides', '/admin/reclassify', '/admin/notices', '/admin/notices/n2-0', '/admin/notices/n2-0?lang=en', '/admin/audit', '/admin', '/admin?lang=en'];
    const problems: string[] = [];
    // Each page is checked in full once in light mode; dark mode changes only colours, so the same
    // document is then checked again with the colour rules alone.
    const check = async (page: Page, label: string): Promise<void> => {
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await checkAxe(page, 'full');
      expect(light.passed, `${label}: rules that passed`).toBeGreaterThan(10);
      problems.push(...light.violations.map((v) => `${label} light: ${v}`));
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await backgroundOf(page), `${label}: dark mode applied`).toBe(DARK_BG);
      problems.push(...(await checkAxe(page, 'colours')).violations.map((v) => `${label} dark: ${v}`));
    };
    // Sign-in page first, signed out.
    const anon = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const p0 = await anon.newPage();
    await p0.goto(`${server.url}/admin`);
    await check(p0, 'sign-in');
    for (const colorScheme of ['light', 'dark'] as const) {
      await p0.emulateMedia({ colorScheme });
      await p0.screenshot({ path: `${SHOTS}/signin-phone-${colorScheme}.png`, fullPage: true });
    }
    await anon.close();
    const checked = await signedIn(h.operator, { bypassCSP: true, viewport: { width: 390, height: 844 }, javaScriptEnabled: true });
    for (const path of pages) {
      await checked.page.goto(`${server.url}${path}`);
      await check(checked.page, path);
    }
    await checked.context.close();
    expect(problems).toEqual([]);

    const { context, page } = await signedIn(h.operator);
    for (const [name, width, height] of [['phone', 390, 844], ['laptop', 1366, 900]] as const) {
      await page.setViewportSize({ width, height });
      for (const [slug, path] of [['dashboard', '/admin'], ['incidents', '/admin/incidents?template=pz-outage'], ['maintenance', '/admin/maintenance']] as const) {
        const file = `${SHOTS}/${slug}-${name}.png`;
        await page.goto(`${server.url}${path}`);
        await page.screenshot({ path: file, fullPage: true });
        expect(readFileSync(file).readUInt32BE(16)).toBe(width);
      }
      // Nothing may overflow a phone screen sideways.
      const overflow = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  }, 180_000);
});

describe('operator console in Chromium across two replicas on one Redis', () => {
  let a: RunningApp;
  let b: RunningApp;
  let stop: () => Promise<void>;
  const token = generateToken();

  beforeAll(async () => {
    ({ a, b, stop } = await startReplicaPair(token));
  });
  afterAll(async () => {
    await stop?.();
  });

  it('when an operator publishes an incident on replica A, then replica B\'s public page and Atom feed show it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${a.url}/admin/incidents?template=login-gov-outage`);
      await page.getByLabel('Token dostępu').fill(token);
      await page.getByRole('button', { name: 'Zaloguj się' }).click();
      await page.goto(`${a.url}/admin/incidents?template=login-gov-outage`);
      await page.getByLabel('Tytuł (po polsku)').fill('Awaria login.gov.pl (test replik)');
      await page.getByRole('button', { name: 'Opublikuj incydent' }).click();
      expect(await page.textContent('h1')).toBe('Awaria login.gov.pl (test replik)');
      const other = await context.newPage();
      await expect.poll(async () => {
        await other.goto(`${b.url}/`);
        return other.textContent('main');
      }, { timeout: 15_000 }).toContain('Awaria login.gov.pl (test replik)');
      const feed = await (await fetch(`${b.url}/feed.atom`)).text();
      expect(feed).toContain('Awaria login.gov.pl (test replik)');
    } finally {
      await context.close();
    }
  }, 90_000);
});
