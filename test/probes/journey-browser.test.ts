import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyProbeConfig } from '../../src/config/journey-schema.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import { createBrowserRenderer, type PageRenderer } from '../../src/probes/journey/browser.ts';
import { journeyProber } from '../../src/probes/journey.ts';
import { ensureDebianBinary } from '../helpers/debian.ts';

let sim: Simulator;
let renderer: PageRenderer;
let plain: JourneyProbeConfig;
let rendered: JourneyProbeConfig;
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
}, 60_000);

afterAll(async () => {
  await renderer?.close();
  await sim?.close();
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

  it('when the step budget ends while the browser is still busy, then the step fails as a timeout within the budget', async () => {
    // 2 s is plenty for the local HTTP hop and far too little for a cold Chromium start.
    const tight = { ...rendered, journey: { ...rendered.journey, steps: rendered.journey.steps.map((s) => (s.id === 'login-gov-chooser' ? { ...s, timeout: 2_000 } : s)) } };
    const cold = createBrowserRenderer({ executablePath: '/usr/bin/chromium' });
    const started = Date.now();
    const out = await journeyProber(tight, ctx(cold)).finally(() => cold.close());
    expect(out).toMatchObject({ ok: false, detail: 'timeout:step_budget', failedStep: { id: 'login-gov-chooser' } });
    expect(out.steps?.at(-1)?.checks).toContain('rendered in browser');
    // Generous bound: the point is that a launching browser does not hold the run for its 30 s launch timeout.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('when a step asks for the browser but none is configured, then the step fails as browser_runner_disabled', async () => {
    const out = await journeyProber(rendered, ctx());
    expect(out).toMatchObject({ ok: false, reason: 'internal_error', detail: 'browser_runner_disabled', failedStep: { id: 'login-gov-chooser' } });
  }, 30_000);
});
