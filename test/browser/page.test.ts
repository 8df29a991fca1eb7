import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { checkAxe } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { webFixture, type Scene, type WebFixture } from '../web/fixture.ts';

const SHOTS = 'test-output/screenshots';
const SCENES: Scene[] = ['outage', 'maintenance', 'blind'];
/** The page background in dark mode (public/app.css `--bg`), as the browser computes it. */
const DARK_BG = 'rgb(13, 17, 23)';

// The page-side globals these tests touch (the project compiles without the DOM lib).
interface PageGlobals {
  document: { body: object; scripts: ArrayLike<{ src: string }>; querySelector(s: string): object | null };
  getComputedStyle(el: object): { borderLeftStyle: string; backgroundColor: string };
}

const backgroundOf = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.getComputedStyle(g.document.body).backgroundColor;
  });

describe('status page in headless Chromium', () => {
  let browser: Browser;
  const running = new Map<Scene, { fixture: WebFixture; server: WebServer }>();
  /** One page for every axe check (bypassCSP only so axe itself can be injected; the page's own CSP is checked below). */
  let axePage: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    axePage = await (await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } })).newPage();
    for (const scene of SCENES) {
      const fixture = await webFixture(scene);
      running.set(scene, { fixture, server: await startWebServer(fixture.app, 0, '127.0.0.1') });
    }
  });

  afterAll(async () => {
    await browser?.close();
    for (const { fixture, server } of running.values()) {
      await server.close();
      await fixture.close();
    }
  });

  const url = (scene: Scene, path: string): string => `${running.get(scene)!.server.url}${path}`;

  async function withPage<T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext(options);
    try {
      return await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it.each(SCENES)('when the %s page is checked by axe in Polish and English, light and dark mode, then it has no WCAG 2.1 AA violations', async (scene) => {
    const page = axePage;
    const problems: string[] = [];
    for (const lang of ['pl', 'en'] as const) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(url(scene, `/?lang=${lang}`));
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const light = await checkAxe(page);
      // color-contrast, landmarks, lang, names, list structure… all ran, and none was left undecided.
      expect(light.passed, `${lang}: rules that passed`).toBeGreaterThan(15);
      expect(light.unsure, `${lang} light: undecided`).toEqual([]);
      problems.push(...light.violations.map((v) => `${lang} light: ${v}`));
      // The same document in dark mode: only its colours change, so only the colour rules run again.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await backgroundOf(page), `${lang}: dark mode applied`).toBe(DARK_BG);
      const dark = await checkAxe(page, 'colours');
      expect(dark.passed, `${lang} dark: colour rules that passed`).toBeGreaterThan(0);
      expect(dark.unsure, `${lang} dark: undecided`).toEqual([]);
      problems.push(...dark.violations.map((v) => `${lang} dark: ${v}`));
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(['/deklaracja-dostepnosci', '/accessibility'])('when the accessibility statement %s is checked by axe in light and dark mode, then it has no violations', async (path) => {
    const page = axePage;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('outage', path));
    const light = await checkAxe(page);
    expect(light.violations).toEqual([]);
    expect(light.passed).toBeGreaterThan(10);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await backgroundOf(page)).toBe(DARK_BG);
    expect((await checkAxe(page, 'colours')).violations).toEqual([]);
  }, 60_000);

  it('when JavaScript is disabled, then the page is complete: every section, component, day bar and chart is there', async () => {
    const { fixture } = running.get('maintenance')!;
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(url('maintenance', '/?lang=pl'));
      expect(await page.locator('header').count()).toBe(1);
      expect(await page.locator('main#main').count()).toBe(1);
      expect(await page.locator('footer').count()).toBe(1);
      expect(await page.textContent('h1')).toBe('Czy działa logowanie do IKP?');
      expect(await page.textContent('#banner-title')).toContain('Trwa przerwa techniczna');
      const headings = (await page.locator('h2').allTextContents()).map((h) => h.trim());
      expect(headings).toEqual(['Trwa przerwa techniczna', 'Jak mogę się teraz zalogować?', 'Przerwy techniczne i ogłoszone awarie', 'Zgłoszone problemy', 'Stan usług', 'Historia z ostatnich 90 dni']);
      expect(await page.locator('.card').count()).toBe(fixture.config.components.length);
      expect(await page.locator('.method').count()).toBe(fixture.config.loginMethods.length);
      expect(await page.locator('.days li').count()).toBe(90 * fixture.config.components.length);
      expect(await page.locator('.chart svg polyline').count()).toBe(fixture.config.components.length);
      expect(await page.locator('.window').count()).toBe(2);
      expect(await page.locator('a[href="/maintenance.ics"]').count()).toBeGreaterThan(0);
    });
  }, 60_000);

  it('when the page runs with its own CSP, then the stylesheet and the live script load and nothing is blocked', async () => {
    await withPage({}, async (page) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(url('outage', '/?lang=pl'));
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const background = await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        return g.getComputedStyle(g.document.querySelector('.banner')!).borderLeftStyle;
      });
      expect(background).toBe('solid');
      expect(await page.evaluate(() => Array.from((globalThis as unknown as PageGlobals).document.scripts, (s) => s.src.split('/').pop()))).toEqual(['live.js']);
      expect(problems).toEqual([]);
    });
  }, 60_000);

  it('when screenshots are taken at phone and desktop widths, then PNGs of those widths are written', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const sizes = [
      ['phone', 390, 844],
      ['desktop', 1280, 900],
    ] as const;
    // One page: a width and a colour scheme restyle the same document, no reload needed.
    await withPage({}, async (page) => {
      for (const scene of ['outage', 'maintenance'] as const) {
        await page.goto(url(scene, '/?lang=pl'));
        for (const [name, width, height] of sizes) {
          await page.setViewportSize({ width, height });
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            const file = `${SHOTS}/${scene}-${name}-${colorScheme}.png`;
            await page.screenshot({ path: file, fullPage: true });
            const png = readFileSync(file);
            expect(png.subarray(1, 4).toString()).toBe('PNG');
            expect(png.readUInt32BE(16)).toBe(width);
          }
        }
      }
    });
  }, 120_000);
});
