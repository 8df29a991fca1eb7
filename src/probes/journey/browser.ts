// Type-only: playwright-core is a dev dependency, loaded on first use so production starts without it.
import type { Browser } from 'playwright-core';
import type { Config } from '../../config/schema.ts';

/** A page as Chromium rendered it, after its scripts ran. */
export interface RenderedPage {
  html: string;
  url: URL;
}

/**
 * Renders pages that need JavaScript (the login.gov.pl chooser may build its tiles in script).
 * One browser is shared and at most one page is open at a time; every render has a strict budget.
 */
export interface PageRenderer {
  render(url: URL, cookies: { name: string; value: string; url: string }[], opts: { userAgent: string; timeoutMs: number; signal: AbortSignal }): Promise<RenderedPage>;
  close(): Promise<void>;
}

/** Flags for a quiet headless Chromium in a container: no sandbox, GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH_TIMEOUT_MS = 30_000;

/** Settles with `work`, or rejects as soon as `signal` aborts: a stuck browser never outlives the step budget. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The optional browser runner (playwright-core with Debian's chromium). It only ever opens a GET
 * URL the HTTP runner already reached and reads the rendered DOM: every non-GET request the page
 * tries is aborted, so nothing can be submitted, and nothing is ever typed.
 */
export function createBrowserRenderer(opts: { executablePath: string }): PageRenderer {
  let browser: Promise<Browser> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const launch = (): Promise<Browser> =>
    (browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: opts.executablePath, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS })));

  const renderOne = async (url: URL, cookies: { name: string; value: string; url: string }[], o: { userAgent: string; timeoutMs: number; signal: AbortSignal }): Promise<RenderedPage> => {
    o.signal.throwIfAborted();
    const context = await (await launch()).newContext({ userAgent: o.userAgent, javaScriptEnabled: true, serviceWorkers: 'block' });
    const abort = (): void => void context.close().catch(() => undefined);
    o.signal.addEventListener('abort', abort, { once: true });
    try {
      if (cookies.length > 0) await context.addCookies(cookies);
      await context.route('**/*', (route) => (route.request().method() === 'GET' ? route.continue() : route.abort('blockedbyclient')));
      const page = await context.newPage();
      await page.goto(url.href, { waitUntil: 'networkidle', timeout: o.timeoutMs });
      return { html: await page.content(), url: new URL(page.url()) };
    } finally {
      o.signal.removeEventListener('abort', abort);
      await context.close().catch(() => undefined);
    }
  };

  return {
    render(url, cookies, o) {
      // One journey in the browser at a time: renders wait their turn (inside their own budget).
      const run = queue.then(() => renderOne(url, cookies, o));
      queue = run.catch(() => undefined);
      return untilAborted(run, o.signal);
    },
    async close() {
      const b = browser;
      browser = undefined;
      if (b) await (await b).close().catch(() => undefined);
    },
  };
}

/** Whether any journey step asks for the browser runner (it is started only then). */
export function usesBrowser(config: Pick<Config, 'probes'>): boolean {
  return config.probes.some((p) => p.kind === 'journey' && p.journey.steps.some((s) => s.render === 'browser'));
}
