import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { adminHarness, type AdminHarness } from '../admin/harness.ts';
import { launchChromium } from '../helpers/chromium.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The page-side globals these tests touch (the project compiles without the DOM lib).
interface PageGlobals {
  document: object;
  axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeRule[]; passes: AxeRule[]; incomplete: AxeRule[] }> };
}
type AxeRule = { id: string; help: string; nodes: { target: string[] }[] };

describe('history page in headless Chromium', () => {
  let browser: Browser;
  let h: AdminHarness;
  let server: WebServer;

  beforeAll(async () => {
    browser = await launchChromium();
    h = await adminHarness();
    const admin = (path: string, body?: object) => request(h.app).post(`/api/v1/admin${path}`).set('authorization', h.auth.operator).send(body).expect((r) => expect(r.status).toBeLessThan(300));
    // Every kind of entry: a resolved incident with Markdown (a link in running text, a list), an open one, a window and a cancelled one.
    const resolved = (await admin('/incidents', {
      title: { pl: 'Awaria Profilu Zaufanego <script>', en: 'Trusted Profile outage' },
      body: { pl: 'Trwa awaria.\nSzczegóły w [komunikacie](https://www.gov.pl/web/cyfryzacja).\n\n- użyj **mObywatela**\n- albo *e-dowodu*' },
      impact: 'critical',
      components: ['profil-zaufany', 'bank:pko-bp'],
    })).body.id as string;
    await admin('/maintenance', { components: ['login-gov'], start: '2026-03-28 22:00', end: '2026-03-29 06:00', title: 'Prace serwisowe login.gov.pl' });
    const cancelled = (await admin('/maintenance', { components: ['ikp'], start: '2026-03-30 22:00', end: '2026-03-30 23:00', title: 'Przerwa IKP' })).body.id as string;
    h.clock.advance(3_600_000);
    await admin(`/incidents/${resolved}/resolve`);
    await admin(`/maintenance/${cancelled}/cancel`);
    await admin('/incidents', { title: { pl: 'Logowanie przez PKO BP przerywa' }, body: { pl: 'Badamy.' }, impact: 'minor', components: ['bank:pko-bp'] });
    h.clock.advance(3 * 86_400_000);
    await h.snapshot.rebuild();
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

  it.each([
    ['/historia', 'pl', 'light'],
    ['/historia', 'pl', 'dark'],
    ['/history', 'en', 'light'],
    ['/history', 'en', 'dark'],
    ['/', 'pl', 'light'],
  ] as const)('when %s is checked by axe in %s, %s mode, then it has no WCAG 2.1 AA violations', async (path, lang, colorScheme) => {
    // bypassCSP only so axe itself can be injected; the page's own CSP is checked over HTTP.
    const result = await withPage({ bypassCSP: true, colorScheme, viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(`${server.url}${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('.md a[rel="nofollow noopener"]').count()).toBe(1);
      await page.addScriptTag({ path: AXE });
      return page.evaluate(async (tags) => {
        const g = globalThis as unknown as PageGlobals;
        const r = await g.axe.run(g.document, { runOnly: { type: 'tag', values: tags } });
        return {
          violations: r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })),
          passed: r.passes.length,
          unsure: r.incomplete.flatMap((x) => x.nodes.map((n) => `${x.id}: ${n.target.join(' ')}`)),
        };
      }, WCAG_TAGS);
    });
    expect(result.violations).toEqual([]);
    // Contrast, landmarks, lang, names, list and definition-list structure… all ran, none left undecided.
    expect(result.passed).toBeGreaterThan(15);
    expect(result.unsure).toEqual([]);
  }, 60_000);

  it('when the history runs with its own CSP and without JavaScript, then it is complete: every month, entry and update is there', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(`${server.url}/historia`);
      expect((await page.locator('h2').allTextContents()).map((t) => t.trim())).toEqual(['Marzec 2026']);
      expect(await page.locator('main li.incident').count()).toBe(2);
      expect(await page.locator('main li.window').count()).toBe(2);
      expect(await page.locator('main li.window-cancelled').count()).toBe(1);
      expect(await page.locator('.updates > li').count()).toBe(3);
      expect(await page.locator('footer a[href="/historia"]').count()).toBe(1);
      expect(problems).toEqual([]);
    });
  }, 60_000);
});
