import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * The WCAG 2.1 AA rules whose outcome depends on colours. Our dark mode changes colour variables
 * only (public/app.css, public/console.css), so a page already checked in full needs only these
 * again in the other colour scheme: the DOM, and with it every other rule's outcome, is the same.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One axe result, shaped for assertions that name what failed. */
export interface AxeOutcome {
  /** `rule: help @ target, target` for each violation (at most five targets each). */
  violations: string[];
  /** How many rules passed, so an axe run that checked nothing cannot look clean. */
  passed: number;
  /** Nodes axe could not decide (`rule: target`). */
  unsure: string[];
}

// The page-side globals this helper touches (the project compiles without the DOM lib).
type AxeRule = { id: string; help: string; nodes: { target: string[] }[] };
interface AxeGlobals {
  document: unknown;
  axe?: { run(ctx: unknown, opts: object): Promise<{ violations: AxeRule[]; passes: AxeRule[]; incomplete: AxeRule[] }> };
}

/**
 * Runs axe on the page as it is now: every WCAG 2.1 AA rule (`full`), or only the colour rules
 * (`colours`, after `page.emulateMedia({ colorScheme })` on a page already checked in full). axe is
 * injected once per document; the page's context needs `bypassCSP: true` for that.
 */
export async function checkAxe(page: Page, scope: 'full' | 'colours' = 'full'): Promise<AxeOutcome> {
  if (!(await page.evaluate(() => (globalThis as unknown as AxeGlobals).axe !== undefined))) await page.addScriptTag({ path: AXE });
  const runOnly = scope === 'full' ? { type: 'tag', values: WCAG_TAGS } : { type: 'rule', values: COLOUR_RULES };
  return page.evaluate(async (only) => {
    const g = globalThis as unknown as AxeGlobals;
    const r = await g.axe!.run(g.document, { runOnly: only });
    return {
      violations: r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`),
      passed: r.passes.length,
      unsure: r.incomplete.flatMap((x) => x.nodes.map((n) => `${x.id}: ${n.target.join(' ')}`)),
    };
  }, runOnly);
}
