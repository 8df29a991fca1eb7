import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentStatus, MaintenanceWindow, StatusTransition } from '../../src/domain/types.ts';
import { windowInForce } from '../../src/triage/history.ts';
import { at, triageConfig } from './fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');
const H = 3_600_000;
const config = triageConfig();

function win(over: Partial<MaintenanceWindow>): MaintenanceWindow {
  return {
    id: 'w#0', source: 'cez', noticeKey: 'w', kind: 'maintenance', components: ['profil-zaufany'], start: NOW - 10 * H, end: NOW - 8 * H,
    title: 'Przerwa Profilu Zaufanego', text: '', link: 'https://pz.gov.pl/komunikat', publishedAt: null,
    firstSeenAt: NOW - 30 * H, lastSeenAt: NOW - 7 * H, updatedAt: NOW - 30 * H, state: 'announced', ...over,
  };
}

describe('which stored windows counted at a past instant', () => {
  it.each([
    ['announced, inside', win({}), NOW - 9 * H, true],
    ['announced, before its start', win({}), NOW - 11 * H, false],
    ['announced, at its end (exclusive)', win({}), NOW - 8 * H, false],
    ['open-ended, 11 h after start', win({ end: null }), NOW - H, true],
    ['open-ended, 12 h after start (stops counting)', win({ end: null }), NOW + 2 * H, false],
    ['withdrawn after it ended (notice removed afterwards)', win({ state: 'withdrawn', updatedAt: NOW - 7 * H }), NOW - 9 * H, true],
    ['withdrawn before the instant (cancelled by its source)', win({ state: 'withdrawn', updatedAt: NOW - 20 * H }), NOW - 9 * H, false],
    ['first seen after the instant (published after the fact)', win({ firstSeenAt: NOW - 8.5 * H }), NOW - 9 * H, true],
    ['cancelled by an operator', win({ state: 'cancelled', updatedAt: NOW - 7 * H }), NOW - 9 * H, false],
  ])('when the window is %s, then it counts: %s', (_name, w, t, expected) => {
    expect(windowInForce(w, t)).toBe(expected);
  });
});

describe('triage of a past occurredAt answers from history', () => {
  let h: Harness;
  const tr = (component: string, atMs: number, status: ComponentStatus, reason: StatusTransition['reason'] = status === 'operational' ? 'ok' : 'http_status', rootCause: string | null = null): StatusTransition =>
    ({ component, at: atMs, status, reason, rootCause });

  beforeAll(async () => {
    h = await startHarness(config, NOW);
    // Everything operational since 30 days ago; PZ down from -5 h to -3 h; the monitor blind from -50 h to -48 h;
    // mBank under a maintenance window -10 h … -8 h whose notice was removed at -7 h.
    await h.addTransitions(config.components.map((c) => tr(c.id, NOW - 30 * 24 * H, 'operational')));
    await h.addTransitions([tr('profil-zaufany', NOW - 5 * H, 'outage'), tr('profil-zaufany', NOW - 3 * H, 'operational')]);
    await h.addTransitions(config.components.map((c) => tr(c.id, NOW - 50 * H, 'unknown', 'monitor_offline')));
    await h.addTransitions(config.components.map((c) => tr(c.id, NOW - 48 * H, 'operational')));
    await h.addTransitions([tr('bank:mbank', NOW - 10 * H, 'maintenance', 'maintenance'), tr('bank:mbank', NOW - 8 * H, 'operational')]);
    await h.putWindows([win({ components: ['bank:mbank'], state: 'withdrawn', updatedAt: NOW - 7 * H, link: 'https://www.mbank.pl/komunikat' })]);
    // Now PZ is down again: a past question must not see it.
    await h.setStates([{ id: 'profil-zaufany', status: 'outage', reason: 'timeout', rootCause: null, since: NOW - 600_000, lastCheckedAt: NOW - 30_000 }]);
  });
  afterAll(() => h.close());

  const triage = async (body: object) => (await request(h.app).post('/api/v1/triage').send(body).expect(200)).body;
  const iso = (ms: number): string => new Date(ms).toISOString();

  it.each([
    ['during the past PZ outage', { method: 'profil-zaufany', occurredAt: iso(NOW - 4 * H) }, 'PZ_UNAVAILABLE', ['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod']],
    ['after PZ recovered (though it is down now)', { method: 'profil-zaufany', occurredAt: iso(NOW - 2 * H) }, 'NO_KNOWN_CAUSE', null],
    ['during the mBank window whose notice was later removed', { method: 'mojeid', bank: 'mbank', occurredAt: iso(NOW - 9 * H) }, 'BANK_MAINTENANCE', ['profil-zaufany', 'pz-bank:pko-bp', 'pz-bank:santander', 'mobywatel', 'e-dowod']],
    // Blind or without data, nothing is claimed about other methods.
    ['while the monitor was blind', { method: 'mojeid', bank: 'sgb', occurredAt: iso(NOW - 49 * H) }, 'MONITOR_BLIND', null],
    ['before any history was kept', { method: 'mobywatel', occurredAt: iso(NOW - 40 * 24 * H) }, 'NO_KNOWN_CAUSE', null],
  ])('when the failure was %s, then the first cause is %s', async (_name, body, first, alternatives) => {
    const r = await triage(body);
    expect(r.basis).toBe('history');
    expect(r.causes[0].code).toBe(first);
    expect(r.alternatives?.map((a: { id: string }) => a.id) ?? null).toEqual(alternatives);
  });

  it('when the removed notice explains a past failure, then its link is the evidence', async () => {
    const r = await triage({ method: 'mojeid', bank: 'mbank', occurredAt: iso(NOW - 9 * H) });
    expect(r.causes[0].evidence).toContainEqual(expect.objectContaining({ kind: 'window', link: 'https://www.mbank.pl/komunikat' }));
  });

  it('when history is missing, then the unknown components are named as evidence', async () => {
    const r = await triage({ method: 'mobywatel', occurredAt: iso(NOW - 40 * 24 * H) });
    expect(r.causes[0].evidence).toContainEqual({ kind: 'monitor', blind: false, unknownComponents: ['ikp', 'login-gov', 'mobywatel'] });
  });

  it('when the failure was within the last minute, then the live snapshot answers', async () => {
    const r = await triage({ method: 'profil-zaufany', occurredAt: iso(NOW - 30_000) });
    expect(r.basis).toBe('live');
    expect(r.causes[0].code).toBe('PZ_UNAVAILABLE');
  });
});
