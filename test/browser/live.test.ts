import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createStore } from '../../src/store/create.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { pollUntil } from '../helpers/poll.ts';

// The page-side globals this test touches (the project compiles without the DOM lib).
interface PageGlobals {
  document: { getElementById(id: string): { textContent: string | null } | null };
  liveMarker?: string;
}

/** The demo config, made fast: probes every 2 s, one failure or success flips a probe. */
function fastDemoConfig(simUrl: string): Config {
  const demo = loadDemoConfig(simUrl, {});
  return {
    ...demo,
    server: { ...demo.server, port: 0, host: '127.0.0.1' },
    log: { level: 'silent' },
    engine: { ...demo.engine, failureThreshold: 1, successThreshold: 1, evaluateEvery: 2_000 },
    probes: demo.probes.map((p) => (p.kind === 'http' ? { ...p, interval: 2_000, timeout: 1_500, http: { ...p.http, degradedAfter: undefined } } : p)),
  };
}

describe('live updates over SSE in Chromium', () => {
  let browser: Browser;
  let sim: Simulator;
  let app: RunningApp;

  beforeAll(async () => {
    browser = await launchChromium();
    sim = await startSimulator(0);
    // A memory store without a snapshot file: nothing is written to disk.
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    app = await startApp(fastDemoConfig(sim.url), { logger: createLogger('silent'), stores: store });
    await pollUntil('all components operational', async () => {
      const s = (await (await fetch(`${app.url}/api/v1/status`)).json()) as { components: { status: string }[] };
      return s.components.every((c) => c.status === 'operational') ? true : undefined;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sim?.close();
  });

  it('when live events keep arriving while nothing changes, then the open page never re-fetches the fragment', async () => {
    const context = await browser.newContext();
    const observer = new AbortController();
    try {
      const page = await context.newPage();
      let fetched = 0;
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/fragment') fetched += 1;
      });
      await page.goto(`${app.url}/`);
      const streams = async (): Promise<string> => (await (await fetch(`${app.url}/metrics`)).text()).match(/^ikpstatus_sse_streams \d+$/m)?.[0] ?? '';
      await pollUntil('the page\'s live stream open', async () => ((await streams()) === 'ikpstatus_sse_streams 1' ? true : undefined));
      // A second listener on the same stream counts what the page is sent: every probe result
      // rebuilds the snapshot and each rebuild (at most one a second) goes to every stream.
      const res = await fetch(`${app.url}/api/v1/events`, { headers: { accept: 'text/event-stream' }, signal: observer.signal });
      let sent = 0;
      void (async () => {
        const text = new TextDecoder();
        let seen = '';
        for await (const chunk of res.body!) {
          seen += text.decode(chunk as Uint8Array, { stream: true });
          sent = (seen.match(/^event: status$/gm) ?? []).length;
        }
      })().catch(() => undefined);
      // What the page says, by the fragment's own fingerprint (read outside the page, so it costs the page nothing).
      const said = async (): Promise<string> => (await (await fetch(`${app.url}/fragment`)).text()).match(/data-state="([^"]*)"/)?.[1] ?? '';
      // The first event is the one sent on connecting; five more are rebuilds the page heard too.
      // On a loaded machine a late check may really change what the page says (fresh to stale and
      // back): such a window proves nothing, so it is observed again, a bounded number of times.
      let quiet = false;
      for (let attempt = 0; attempt < 5 && !quiet; attempt++) {
        const before = await said();
        const from = sent;
        fetched = 0;
        await pollUntil('five more live events', async () => (sent >= Math.max(6, from + 5) ? true : undefined));
        quiet = (await said()) === before;
        // Only a change in what the page says may cost a fragment.
        if (quiet) expect(fetched).toBe(0);
      }
      expect(quiet, 'what the page says kept changing in every observed window').toBe(true);
    } finally {
      observer.abort();
      await context.close();
    }
  }, 60_000);

  it('when the demo scenario switches to pz-outage, then the open page changes to the outage banner without a reload', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      await page.goto(`${app.url}/?lang=pl`);
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('banner-title')?.textContent?.includes('Wszystko działa'));
      // A value that only survives if the document is never replaced.
      await page.evaluate(() => void ((globalThis as unknown as PageGlobals).liveMarker = 'same document'));
      const loaded = navigations;

      sim.setScenario('pz-outage', true);
      await page.waitForFunction(
        () => (globalThis as unknown as PageGlobals).document.getElementById('login-profil-zaufany')?.textContent?.includes('Profil Zaufany ma awarię'),
        undefined,
        { timeout: 30_000 },
      );

      expect(navigations).toBe(loaded);
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).liveMarker)).toBe('same document');
      expect(await page.textContent('#banner-title')).toContain('Są problemy z logowaniem do IKP');
      expect(await page.textContent('#announcer')).toBe('Zmiana stanu: Są problemy z logowaniem do IKP');
    } finally {
      sim.setScenario('pz-outage', false);
      await context.close();
    }
  }, 60_000);
});
