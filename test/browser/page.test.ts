import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { webFixture, type Scene, type WebFixture } from '../web/fixture.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS = 'test-output/screenshots';
const SCENES: Scene[] = ['outage', 'maintenance', 'blind'];

// The page-side globals these tests touch (the project compiles without the DOM lib).
interface PageGlobals {
  document: { scripts: ArrayLike<{ src: string }>; querySelector(s: string): object | null };
  getComputedStyle(el: object): { borderLeftStyle: string };
  axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeRule[]; passes: AxeRule[]; incomplete: AxeRule[] }> };
}
type AxeRule = { id: string; help: string; nodes: { target: string[] }[] };

interface Violation {
  id: string;
  help: string;
  targets: string[];
}

describe('status page in headless Chromium', () => {
  let browser: Browser;
  const running = new Map<Scene, { fixture: WebFixture; server: WebServer }>();

  beforeAll(async () => {
    browser = await launchChromium();
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

  /** Runs axe; also returns how many rules passed, so an axe that checked nothing cannot look clean. */
  async function axeViolations(page: Page): Promise<{ violations: Violation[]; passed: number; unsure: string[] }> {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async (tags) => {
      const g = globalThis as unknown as PageGlobals;
      const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: tags } });
      const violations = result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
      const unsure = result.incomplete.flatMap((r) => r.nodes.map((n) => `${r.id}: ${n.target.join(' ')}`));
      return { violations, passed: result.passes.length, unsure };
    }, WCAG_TAGS);
  }

  const matrix = SCENES.flatMap((scene) => (['pl', 'en'] as const).flatMap((lang) => (['light', 'dark'] as const).map((scheme) => [scene, lang, scheme] as const)));

  it.each(matrix)('when the %s page is checked by axe in %s, %s mode, then it has no WCAG 2.1 AA violations', async (scene, lang, colorScheme) => {
    // bypassCSP only so axe itself can be injected; the page's own CSP is checked in the next tests.
    const { violations, passed, unsure } = await withPage({ bypassCSP: true, colorScheme, viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(url(scene, `/?lang=${lang}`));
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      return axeViolations(page);
    });
    expect(violations).toEqual([]);
    // color-contrast, landmarks, lang, names, list structure… all ran, and none was left undecided.
    expect(passed).toBeGreaterThan(15);
    expect(unsure).toEqual([]);
  }, 60_000);

  it.each([
    ['/deklaracja-dostepnosci', 'light'],
    ['/accessibility', 'dark'],
  ] as const)('when the accessibility statement %s is checked by axe in %s mode, then it has no violations', async (path, colorScheme) => {
    const { violations, passed } = await withPage({ bypassCSP: true, colorScheme }, async (page) => {
      await page.goto(url('outage', path));
      return axeViolations(page);
    });
    expect(violations).toEqual([]);
    expect(passed).toBeGreaterThan(10);
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
    for (const scene of ['outage', 'maintenance'] as const) {
      for (const [name, width, height] of sizes) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const file = `${SHOTS}/${scene}-${name}-${colorScheme}.png`;
          await withPage({ viewport: { width, height }, colorScheme }, async (page) => {
            await page.goto(url(scene, '/?lang=pl'));
            await page.screenshot({ path: file, fullPage: true });
          });
          const png = readFileSync(file);
          expect(png.subarray(1, 4).toString()).toBe('PNG');
          expect(png.readUInt32BE(16)).toBe(width);
        }
      }
    }
  }, 120_000);
});
