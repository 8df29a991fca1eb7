import { load } from 'cheerio';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import type { ComponentState } from '../../src/domain/types.ts';
import { at } from './fixtures.ts';
import { startHarness, stateOf, type Harness } from './harness.ts';

/**
 * Triage and the page read one public state: what the page's login rows say (works, what blocks
 * them, what else works) is what triage tells a patient, through the real HTTP API and form.
 */

const NOW = at('2026-12-07T20:00:00Z');
// The demo's own config: its banks, methods, journeys and names ("aplikacja mObywatel", lower case).
const config = loadDemoConfig('http://127.0.0.1:9', {});
const SINCE = NOW - 120_000;

const journey = (probe: string) => ({ probe, step: 'login-gov-chooser' });
const failed = (id: string, status: ComponentState['status'], rootCause: string | null, probe: string): ComponentState => ({
  ...stateOf(id, status, 'journey_step_failed', SINCE, rootCause),
  journeyStep: journey(probe),
});

/** The states the demo's `login-gov-chooser-missing-pz` scenario produces (read off a running demo). */
const CHOOSER_MISSING_PZ: ComponentState[] = [
  failed('login-gov', 'degraded', null, 'journey-pz'),
  failed('profil-zaufany', 'outage', 'login-gov', 'journey-pz'),
  failed('bank:pko-bp', 'outage', 'profil-zaufany', 'journey-pz-bank-pko-bp'),
  failed('bank:santander', 'outage', 'profil-zaufany', 'journey-pz-bank-santander'),
];

const SCENARIOS: [string, ComponentState[]][] = [
  ['everything works', []],
  ['login-gov-chooser-missing-pz', CHOOSER_MISSING_PZ],
  ['PZ outage', [stateOf('profil-zaufany', 'outage', 'http_status', SINCE)]],
  ['PZ slow', [stateOf('profil-zaufany', 'degraded', 'slow', SINCE)]],
  ['mojeID outage', [stateOf('mojeid', 'outage', 'connect_reset', SINCE)]],
  ['PZ maintenance', [stateOf('profil-zaufany', 'maintenance', 'maintenance', SINCE)]],
  ['login.gov.pl blocked by a WAF', [stateOf('login-gov', 'degraded', 'blocked', SINCE)]],
  ['mBank and mObywatel down', [stateOf('bank:mbank', 'outage', 'http_status', SINCE), stateOf('mobywatel', 'outage', 'http_status', SINCE)]],
  ['PZ data stale', [stateOf('profil-zaufany', 'unknown', 'stale', SINCE)]],
];

interface Row {
  id: string;
  method: string;
  bank: string | null;
  works: boolean | null;
  alternatives: string[] | null;
}

describe('triage tells what the page shows', () => {
  let h: Harness;
  const triage = async (body: object) => (await request(h.app).post('/api/v1/triage').send(body).expect(200)).body;
  const rows = async (): Promise<Row[]> => (await request(h.app).get('/api/v1/status').expect(200)).body.loginMethods;
  const form = async (path: string, body: Record<string, string>) => load((await request(h.app).post(path).type('form').send(body).expect(200)).text);

  beforeAll(async () => {
    h = await startHarness(config, NOW);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.setStates(config.components.map((c) => stateOf(c.id, 'operational', 'ok', NOW - 3_600_000)));
  });

  it.each(SCENARIOS)('when %s, then for every login row triage offers exactly the alternatives the status API lists for it', async (_name, states) => {
    await h.setStates(states);
    const listed = await rows();
    expect(listed.length).toBe(7);
    for (const row of listed) {
      const r = await triage({ method: row.method, bank: row.bank });
      expect(r.alternatives?.map((a: { id: string }) => a.id) ?? null, row.id).toEqual(row.alternatives);
    }
  });

  describe('in the demo scenario login-gov-chooser-missing-pz', () => {
    const ALL_BUT_PZ = ['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod'];

    beforeEach(async () => {
      await h.setStates(CHOOSER_MISSING_PZ);
    });

    it.each([
      ['a PZ user', { method: 'profil-zaufany' }, 'profil-zaufany'],
      ['a PZ-through-PKO user', { method: 'pz-bank', bank: 'pko-bp' }, 'pz-bank:pko-bp'],
      ['a PZ-through-a-bank user who does not name the bank', { method: 'pz-bank' }, 'pz-bank:santander'],
    ])('when %s asks, then the chooser on login.gov.pl is the first cause and the alternatives are the page row\u2019s', async (_who, body, rowId) => {
      const row = (await rows()).find((r) => r.id === rowId)!;
      expect(row.alternatives).toEqual(ALL_BUT_PZ);
      const r = await triage(body);
      expect(r.causes[0]).toMatchObject({ code: 'SERVICE_PARTIAL', component: 'login-gov' });
      expect(r.causes[0].advice.pl).toContain('Logowanie zatrzymuje się na etapie: wybór sposobu logowania na login.gov.pl.');
      expect(r.causes[0].evidence).toContainEqual(expect.objectContaining({ kind: 'login', row: rowId, works: false, blockedBy: 'login-gov' }));
      expect(r.alternatives.map((a: { id: string }) => a.id)).toEqual(row.alternatives);
      for (const c of r.causes) expect(c.advice.pl).not.toContain('Nie znamy teraz');
    });

    it('when a PZ user sends the form, then it leads with the chooser and lists mojeID, mObywatel and e-dowód as the page does', async () => {
      const $ = await form('/pomoc', { method: 'profil-zaufany' });
      expect($('#result h3').first().text()).toBe('Usługa działa tylko częściowo: login.gov.pl (Węzeł Krajowy)');
      expect($('#alternatives li').toArray().map((li) => $(li).text())).toEqual([
        'mojeID przez bank: mBank',
        'mojeID przez bank: Banki Spółdzielczej Grupy Bankowej (SGB)',
        // Names start list items like sentences: never "aplikacja mObywatel".
        'Aplikacja mObywatel',
        'E-dowód',
      ]);
      expect($('#result').text()).not.toContain('Nie znamy teraz');
    });

    it.each([
      ['an mBank (mojeID) user', { method: 'mojeid', bank: 'mbank' }, 'mojeID przez bank: mBank'],
      ['an mObywatel user', { method: 'mobywatel' }, 'aplikacja mObywatel'],
    ])('when %s asks, then triage says the row works and never blames slowness', async (_who, body, label) => {
      const row = (await rows()).find((r) => r.method === body.method && r.bank === ('bank' in body ? body.bank : null))!;
      expect(row.works).toBe(true);
      const res = await request(h.app).post('/api/v1/triage').send(body).expect(200);
      expect(res.body.causes.map((c: { code: string }) => c.code)).not.toContain('SERVICE_SLOW');
      expect(res.body.causes[0].advice.pl).toContain(`Według naszych sprawdzeń ta metoda logowania teraz działa: ${label}.`);
      expect(res.text).not.toMatch(/wolniej|slower/);
      // The row works: the page lists no alternatives for it, and triage claims none either.
      expect(res.body.alternatives).toBeNull();
      const $ = await form('/pomoc', Object.fromEntries(Object.entries(body)) as Record<string, string>);
      expect($('#result').text()).not.toMatch(/wolniej/);
      expect($('#alternatives').length).toBe(0);
    });
  });

  it('when mObywatel is down, then its evidence line starts with a capital like a sentence', async () => {
    await h.setStates([stateOf('mobywatel', 'outage', 'http_status', SINCE)]);
    const $ = await form('/pomoc', { method: 'mobywatel' });
    const lines = $('#result li').toArray().map((li) => $(li).text());
    expect(lines.some((l) => l.startsWith('Aplikacja mObywatel: awaria'))).toBe(true);
    expect(lines.some((l) => l.startsWith('aplikacja mObywatel'))).toBe(false);
  });

  it('when a WAF blocks the login.gov.pl checks, then triage says it cannot check it, never that it works or is slow or down', async () => {
    await h.setStates([stateOf('login-gov', 'degraded', 'blocked', SINCE)]);
    const res = await request(h.app).post('/api/v1/triage').send({ method: 'mobywatel' }).expect(200);
    const unchecked = res.body.causes.find((c: { code: string }) => c.code === 'SERVICE_UNVERIFIED');
    expect(unchecked).toMatchObject({ component: 'login-gov' });
    expect(unchecked.advice.pl).toContain('Nie możemy teraz sprawdzić usługi login.gov.pl (Węzeł Krajowy)');
    expect(res.body.causes.map((c: { code: string }) => c.code)).not.toContain('LOGIN_GOV_UNAVAILABLE');
    expect(res.text).not.toMatch(/wolniej|Usługi potrzebne do Twojego logowania działały/);
    expect(res.body.alternatives).toBeNull();
  });
});
