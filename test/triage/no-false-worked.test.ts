import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, triageConfig } from './fixtures.ts';
import { startHarness, stateOf, type Harness } from './harness.ts';

/**
 * Triage says "the services your login needs were working" only when the page shows every one of
 * them working: a partial, unchecked or unknown one (even one the login only may use) makes it doubtful.
 */
const NOW = at('2026-12-07T10:00:00Z');
const config = triageConfig();
const WORKED = 'Usługi potrzebne do Twojego logowania działały';

describe('triage never claims the services worked beyond what the page shows', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(config, NOW);
  });
  afterAll(() => h.close());

  const ask = async (body: object) => (await request(h.app).post('/api/v1/triage').send(body).expect(200)).body as { causes: { code: string; advice: { pl: string } }[] };
  const allWork = (over: Record<string, [string, string]> = {}) =>
    h.setStates(config.components.map((c) => stateOf(c.id, (over[c.id]?.[0] ?? 'operational') as 'operational', (over[c.id]?.[1] ?? 'ok') as 'ok', NOW - 3_600_000)));

  it('when every service works, then an unknown method hears that they worked (the control)', async () => {
    await allWork();
    const r = await ask({ method: 'unknown' });
    expect(r.causes.map((c) => c.advice.pl).join(' ')).toContain(WORKED);
  });

  it.each([
    ['PZ is partial after its first failing journey', { 'profil-zaufany': ['degraded', 'journey_step_failed'] }],
    ['a WAF blocks the PZ check', { 'profil-zaufany': ['unknown', 'blocked'] }],
    ['a bank has no current data', { 'bank:mbank': ['unknown', 'stale'] }],
  ] as [string, Record<string, [string, string]>][])('when %s, then an unknown method never hears that the services worked', async (_what, over) => {
    await allWork(over);
    const r = await ask({ method: 'unknown' });
    expect(r.causes.map((c) => c.advice.pl).join(' ')).not.toContain(WORKED);
  });
});
