import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyProbeConfig } from '../../src/config/journey-schema.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import { createBrowserRenderer, type PageRenderer } from '../../src/probes/journey/browser.ts';
import { journeyProber } from '../../src/probes/journey.ts';
import { ensureDebianBinary } from '../helpers/debian.ts';
import { pollUntil } from '../helpers/poll.ts';

let sim: Simulator;
let renderer: PageRenderer;
let plain: JourneyProbeConfig;
let rendered: JourneyProbeConfig;
let scratch: string;
let silentBrowser: string;
/** A renderer whose pages never finish rendering: it settles only when the step's signal aborts, as its contract asks. */
const neverFinishing = (): PageRenderer => ({
  render: (_url, _cookies, o) => new Promise((_resolve, reject) => o.signal.addEventListener('abort', () => reject(o.signal.reason as Error), { once: true })),
  close: async () => undefined,
});
const ctx = (r?: PageRenderer) => ({ signal: new AbortController().signal, userAgent: 'ikp-status-test', clock: { now: () => Date.now() }, ...(r ? { renderer: r } : {}) });

beforeAll(async () => {
  sim = await startSimulator();
  renderer = createBrowserRenderer({ executablePath: await ensureDebianBinary('chromium', 'chromium') });
  const pz = loadDemoConfig(sim.url, {}).probes.find((p): p is JourneyProbeConfig => p.id === 'journey-pz');
  if (!pz) throw new Error('journey-pz missing from demo config');
  plain = { ...pz, timeout: 50_000, journey: { ...pz.journey, stepTimeout: 45_000 } };
  // Same steps; the chooser is re-opened in Chromium so its script-built tiles exist.
  rendered = { ...plain, journey: { ...plain.journey, steps: plain.journey.steps.map((s) => (s.id === 'login-gov-chooser' ? { ...s, render: 'browser' as const } : s)) } };
  sim.setScenario('login-gov-chooser-js', true);
  scratch = mkdtempSync(path.join(tmpdir(), 'journey-browser-'));
  silentBrowser = path.join(scratch, 'chromium');
  // Says where it runs, then holds playwright's pipe (fd 3) open without a word until playwright closes it.
  writeFileSync(silentBrowser, '#!/bin/sh\necho $$ > "$0.pid"\nexec cat <&3 >/dev/null\n');
  chmodSync(silentBrowser, 0o755);
}, 60_000);

afterAll(async () => {
  await renderer?.close();
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('optional browser step runner', () => {
  it('when the chooser builds its tiles in JavaScript, then the plain runner cannot see the PZ tile', async () => {
    const out = await journeyProber(plain, ctx());
    expect(out).toMatchObject({ ok: false, detail: 'method_missing:profil-zaufany', failedStep: { id: 'login-gov-chooser' } });
  }, 30_000);

  it('when the chooser step renders in the browser with the run cookies, then the same steps reach the PZ form', async () => {
    const out = await journeyProber(rendered, ctx(renderer));
    expect(out).toMatchObject({ ok: true, reason: 'ok' });
    expect(out.steps?.find((s) => s.id === 'login-gov-chooser')?.checks).toContain('rendered in browser');
  }, 90_000);

  it('when the step budget ends while the browser is still busy, then the step fails as a timeout of its own budget', async () => {
    // A renderer that never finishes on its own (it only gives up when told to), so the budget
    // always ends first however fast the machine is. The budget leaves the loopback hop to the
    // simulator ample time: 'rendered in browser' shows the step got as far as the renderer.
    const tight = { ...rendered, journey: { ...rendered.journey, steps: rendered.journey.steps.map((s) => (s.id === 'login-gov-chooser' ? { ...s, timeout: 3_000 } : s)) } };
    const out = await journeyProber(tight, ctx(neverFinishing()));
    expect(out).toMatchObject({ ok: false, detail: 'timeout:step_budget', failedStep: { id: 'login-gov-chooser' } });
    expect(out.steps?.at(-1)?.checks).toContain('rendered in browser');
  }, 60_000);

  it('when Chromium never finishes starting, then a render gives up as soon as its budget aborts, not at the launch timeout', async () => {
    // A stand-in "chromium" that never answers playwright: the launch stays pending for its 30 s
    // timeout, and only the renderer's own abort handling can end the render before that.
    const cold = createBrowserRenderer({ executablePath: silentBrowser });
    const budget = new AbortController();
    const rendering = cold.render(new URL(`${sim.url}/`), [], { userAgent: 'ikp-status-test', timeoutMs: 60_000, signal: budget.signal });
    rendering.catch(() => undefined);
    // Abort only once the launch is under way (the stand-in wrote its pid), never before it.
    const pid = await pollUntil('the stand-in browser to start', async () => Number(readFileSync(`${silentBrowser}.pid`, 'utf8')) || undefined, 30_000, 50);
    try {
      const reason = new Error('step budget over');
      budget.abort(reason);
      // The abort's own reason, not playwright's launch-timeout error: the render did not wait for the launch.
      await expect(rendering).rejects.toBe(reason);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  }, 60_000);

  it('when a step asks for the browser but none is configured, then the step fails as browser_runner_disabled', async () => {
    const out = await journeyProber(rendered, ctx());
    expect(out).toMatchObject({ ok: false, reason: 'internal_error', detail: 'browser_runner_disabled', failedStep: { id: 'login-gov-chooser' } });
  }, 30_000);
});
