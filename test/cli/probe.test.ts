import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';

const BIN = path.resolve('bin/ikp-status.js');
let sim: Simulator;
let file: string;

/** Runs the CLI as a child (async, so the in-process simulator keeps answering). */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CONFIG: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  sim = await startSimulator();
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ikp-probe-')), 'demo.yaml');
  writeFileSync(file, readFileSync('config/demo.yaml', 'utf8').replaceAll('{{sim}}', sim.url));
});
afterAll(async () => {
  await sim.close();
});

describe('ikp-status probe ID [FILE]', () => {
  it('when a journey passes, then its result JSON lists every step and the exit code is 0', async () => {
    const r = await run(['probe', 'journey-pz', file]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { ok: boolean; probe: string; steps: { id: string; ok: boolean; url: string }[] };
    expect(json).toMatchObject({ probe: 'journey-pz', ok: true, reason: 'ok' });
    expect(json.steps.map((s) => [s.id, s.ok])).toEqual([['ikp-entry', true], ['login-gov-chooser', true], ['pz-form', true]]);
    // Query strings (urlt tokens, sids) never reach the output.
    expect(r.out).not.toMatch(/urlt=|sid=/);
  }, 30_000);

  it('when the chooser drops PZ, then the result names the step and detail and the exit code is 1', async () => {
    sim.setScenario('login-gov-chooser-missing-pz', true);
    try {
      const r = await run(['probe', 'journey-pz', file]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({
        ok: false,
        reason: 'journey_step_failed',
        detail: 'method_missing:profil-zaufany',
        failedStep: { id: 'login-gov-chooser', component: 'login-gov' },
      });
    } finally {
      sim.setScenario('login-gov-chooser-missing-pz', false);
    }
  }, 30_000);

  it('when the probe id is unknown, then the exit code is 2 and the known ids are listed', async () => {
    const r = await run(['probe', 'nope', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('journey-pz');
  }, 30_000);
});
