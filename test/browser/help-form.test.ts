import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { checkAxe } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { at, triageConfig } from '../triage/fixtures.ts';
import { startHarness, type Harness } from '../triage/harness.ts';

/**
 * The self-service form /pomoc (and /help) in a real browser: controls big enough to hit with a
 * thumb (44 px, beyond WCAG 2.2's 24 px minimum), text at least the body size, a focus ring on every
 * control reached by keyboard, and no WCAG 2.1 AA violation, on a phone and a desktop, light and dark.
 */

const NOW = at('2026-11-22T10:00:00Z');
const MIN_TARGET = 44;
const MIN_FONT = 16;

// The page-side globals these tests touch (the project compiles without the DOM lib).
interface El {
  id: string;
  tagName: string;
  matches(selector: string): boolean;
  getBoundingClientRect(): { height: number; width: number };
}
interface PageGlobals {
  document: { querySelectorAll(s: string): ArrayLike<El>; activeElement: El | null; documentElement: { scrollWidth: number } };
  getComputedStyle(el: El): { fontSize: string; outlineStyle: string; outlineWidth: string };
}

const CONTROLS = 'form.triage-form select, form.triage-form input:not([type=radio]), form.triage-form textarea, form.triage-form button';

describe('/pomoc in headless Chromium', () => {
  let browser: Browser;
  let h: Harness;
  let server: WebServer;

  beforeAll(async () => {
    browser = await launchChromium();
    h = await startHarness(triageConfig(), NOW);
    server = await startWebServer(h.app, 0, '127.0.0.1');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
  });

  async function withPage<T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext(options);
    try {
      return await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  const PHONE = { width: 390, height: 844 };
  const DESKTOP = { width: 1280, height: 900 };

  /** Sizes and font sizes of every control and method choice, and whether the page scrolls sideways. */
  async function measure(page: Page) {
    return page.evaluate((sel) => {
      const g = globalThis as unknown as PageGlobals;
      const all = (s: string) =>
        Array.from(g.document.querySelectorAll(s), (el) => ({ id: el.id || el.tagName, height: el.getBoundingClientRect().height, font: Number.parseFloat(g.getComputedStyle(el).fontSize) }));
      return { controls: all(sel), choices: all('form.triage-form .choice label'), width: g.document.documentElement.scrollWidth };
    }, CONTROLS);
  }

  /** The focus ring of each control reached with the Tab key (the last one seen per control). */
  async function focusRings(page: Page): Promise<Map<string, { style: string; width: number }>> {
    const seen = new Map<string, { style: string; width: number }>();
    await page.focus('h1').catch(() => undefined);
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        const el = g.document.activeElement;
        // A date field's own picker button (inside the browser's shadow DOM) draws its own ring: only the field itself is ours.
        if (!el || !el.matches(':focus')) return null;
        const st = g.getComputedStyle(el);
        return { key: el.id || el.tagName, style: st.outlineStyle, width: Number.parseFloat(st.outlineWidth) };
      });
      if (f) seen.set(f.key, { style: f.style, width: f.width });
    }
    return seen;
  }

  it.each([
    ['/pomoc', 'a phone', PHONE],
    ['/help', 'a desktop', DESKTOP],
  ] as const)('when %s with a result is used on %s, then every target is 44 px high, text 16 px, focus ringed, and axe finds no WCAG violation in light or dark mode', async (path, _device, viewport) => {
    // bypassCSP only so axe itself can be injected.
    await withPage({ viewport, colorScheme: 'light', bypassCSP: true }, async (page) => {
      await page.goto(`${server.url}${path}`);
      await page.check('#method-profil-zaufany');
      await page.fill('#validUntil', '2026-01-01');
      await page.click('button[type=submit]');
      await page.waitForSelector('#result');
      const sizes = await measure(page);
      expect(sizes.controls.length).toBeGreaterThanOrEqual(7);
      expect(sizes.choices.length).toBe(6);
      for (const c of [...sizes.controls, ...sizes.choices]) {
        expect(c.height, `${c.id} height`).toBeGreaterThanOrEqual(MIN_TARGET);
        expect(c.font, `${c.id} font size`).toBeGreaterThanOrEqual(MIN_FONT);
      }
      expect(sizes.width).toBeLessThanOrEqual(viewport.width);
      const rings = await focusRings(page);
      // One radio of the group takes focus (the checked one); then each other control, and the submit button.
      for (const id of ['method-profil-zaufany', 'bank', 'occurredAt', 'symptom', 'errorText', 'validUntil', 'confirmedAt', 'extendedAt', 'BUTTON']) {
        expect(rings.get(id), `focus reached ${id}`).toBeDefined();
        expect(rings.get(id)!.style, `${id} outline`).toBe('solid');
        expect(rings.get(id)!.width, `${id} outline width`).toBeGreaterThanOrEqual(3);
      }
      const light = await checkAxe(page, 'full');
      expect(light.violations).toEqual([]);
      expect(light.passed).toBeGreaterThan(10);
      // Dark mode changes colour variables only: the colour rules again on the same document.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect((await checkAxe(page, 'colours')).violations).toEqual([]);
    });
  });
});
