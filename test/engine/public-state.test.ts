import { describe, expect, it } from 'vitest';
import type { BannerKind, Confidence, PublicIncidentInput, PublicOverrideInput, PublicWindowInput } from '../../src/domain/public-state.ts';
import type { ComponentState, ComponentStatus } from '../../src/domain/types.ts';
import { freshness, publicState, uptimeClass } from '../../src/status/public-state.ts';
import { fixtureConfig } from '../web/fixture.ts';

const config = fixtureConfig();
const NOW = Date.parse('2026-11-30T04:43:00Z');
const MIN = 60_000;
const fresh = freshness(config);

type Over = Partial<Record<string, [ComponentStatus, ComponentState['reason']?]>>;

function run(over: Over = {}, extra: { windows?: PublicWindowInput[]; incidents?: PublicIncidentInput[]; overrides?: PublicOverrideInput[]; checkedAgo?: number } = {}) {
  const states = new Map<string, ComponentState>(
    config.components.map((c) => {
      const [status, reason] = over[c.id] ?? ['operational', 'ok'];
      return [c.id, { id: c.id, status, reason: reason ?? (status === 'operational' ? 'ok' : 'http_status'), since: NOW - 10 * MIN, lastCheckedAt: NOW - (extra.checkedAgo ?? 20_000), rootCause: null }];
    }),
  );
  return publicState({ now: NOW, components: config.components, loginMethods: config.loginMethods, states, windows: extra.windows ?? [], incidents: extra.incidents ?? [], overrides: extra.overrides ?? [], ...fresh });
}

const ikpWindow: PublicWindowInput = { id: 'w-ikp', kind: 'maintenance', state: 'announced', components: ['ikp'], start: Date.parse('2026-11-30T03:00:00Z'), end: Date.parse('2026-11-30T05:00:00Z') };
const major: PublicIncidentInput = { id: 'inc-1', impact: 'major', open: true, components: ['bank:pko-bp'], createdAt: NOW - 5 * MIN };

describe('publicState', () => {
  const cases: [string, () => ReturnType<typeof run>, BannerKind, ComponentStatus, Record<string, [ComponentStatus, Confidence]>][] = [
    ['everything is measured fine', () => run(), 'ok', 'operational', { ikp: ['operational', 'measured'] }],
    ['PZ is down', () => run({ 'profil-zaufany': ['outage'] }), 'outage', 'outage', { 'profil-zaufany': ['outage', 'measured'], 'bank:pko-bp': ['operational', 'measured'] }],
    ['PZ is slow', () => run({ 'profil-zaufany': ['degraded', 'slow'] }), 'slow', 'degraded', { 'profil-zaufany': ['degraded', 'measured'] }],
    ['an IKP window is in force', () => run({ ikp: ['outage'] }, { windows: [ikpWindow] }), 'maintenance', 'maintenance', { ikp: ['maintenance', 'announced'] }],
    ['an open major incident names a working bank', () => run({}, { incidents: [major] }), 'incident', 'outage', { 'bank:pko-bp': ['outage', 'operator'] }],
    ['the blind guard fired', () => run(Object.fromEntries(config.components.map((c) => [c.id, ['unknown', 'monitor_offline']]))), 'blind', 'unknown', { ikp: ['unknown', 'unknown'] }],
    ['every check is ten minutes old', () => run({}, { checkedAgo: 10 * MIN }), 'blind', 'unknown', { ikp: ['unknown', 'stale'] }],
    ['data is old but a window is announced', () => run({}, { checkedAgo: 10 * MIN, windows: [ikpWindow] }), 'blind', 'maintenance', { ikp: ['maintenance', 'announced'], mojeid: ['unknown', 'stale'] }],
    ['an operator forces mojeID down', () => run({}, { overrides: [{ component: 'mojeid', status: 'outage', expiresAt: NOW + 30 * MIN }] }), 'outage', 'outage', { mojeid: ['outage', 'operator'] }],
    ['one bank has no data yet', () => run({ 'bank:sgb': ['unknown', 'no_data'] }), 'unknown', 'unknown', { 'bank:sgb': ['unknown', 'unknown'] }],
  ];

  it.each(cases)('when %s, then banner, overall and components say it once', (_what, make, banner, overall, components) => {
    const p = make();
    expect(p.banner).toBe(banner);
    expect(p.overall.status).toBe(overall);
    for (const [id, [status, confidence]] of Object.entries(components)) {
      expect(p.components.find((c) => c.id === id)).toMatchObject({ status, confidence });
    }
    if (banner !== 'ok') expect(p.overall.indicator).not.toBe('none');
  });

  // Issue 20 item 1: "degraded" is not always slow; each meaning has its own words and headline.
  const meanings: [string, () => ReturnType<typeof run>, string, ComponentStatus, string, BannerKind][] = [
    ['PZ is measured slow', () => run({ 'profil-zaufany': ['degraded', 'slow'] }), 'profil-zaufany', 'degraded', 'slow', 'slow'],
    ['the chooser lost the PZ tile while other journeys pass it', () => run({ 'login-gov': ['degraded', 'journey_step_failed'] }), 'login-gov', 'degraded', 'partial', 'partial'],
    ['the PZ form changed', () => run({ 'profil-zaufany': ['degraded', 'page_changed'] }), 'profil-zaufany', 'unknown', 'unverified', 'unverified'],
    ['a WAF blocked the PZ check', () => run({ 'profil-zaufany': ['unknown', 'blocked'] }), 'profil-zaufany', 'unknown', 'unverified', 'unverified'],
    ['an official notice reports trouble our checks do not see', () => run({ mojeid: ['degraded', 'outage_notice'] }), 'mojeid', 'degraded', 'partial', 'partial'],
    ['a certificate expires soon', () => run({ ikp: ['degraded', 'tls_expiring'] }), 'ikp', 'operational', 'works', 'ok'],
    ['a bank has no data', () => run({ 'bank:sgb': ['unknown', 'no_data'] }), 'bank:sgb', 'unknown', 'unknown', 'unknown'],
  ];

  it.each(meanings)('when %s, then its status, meaning and the headline agree', (_what, make, id, status, meaning, banner) => {
    const p = make();
    expect(p.components.find((c) => c.id === id)).toMatchObject({ status, meaning });
    expect(p.banner).toBe(banner);
    if (meaning !== 'slow') expect(p.logins.filter((l) => l.meaning === 'slow')).toEqual([]);
  });

  it.each([
    ['operational', 'ok', 'operational'],
    ['degraded', 'slow', 'degraded'],
    ['degraded', 'journey_step_failed', 'partial'],
    ['degraded', 'outage_notice', 'partial'],
    ['degraded', 'page_changed', 'unverified'],
    ['unknown', 'blocked', 'unverified'],
    ['degraded', 'tls_expiring', 'operational'],
    ['outage', 'http_status', 'outage'],
    ['maintenance', 'maintenance', 'maintenance'],
    ['unknown', 'stale', 'unknown'],
  ] as const)('when a period is %s (%s), then history books it as %s', (status, reason, booked) => {
    expect(uptimeClass(status, reason)).toBe(booked);
  });

  it('when a minor incident names a working service, then it is partial, never slow', () => {
    const p = run({}, { incidents: [{ ...major, impact: 'minor' }] });
    expect(p.components.find((c) => c.id === 'bank:pko-bp')).toMatchObject({ status: 'degraded', meaning: 'partial' });
    expect(p.logins.some((l) => l.meaning === 'slow')).toBe(false);
  });

  it('when every check of PZ is blocked, then its login rows are unverified and the headline never says all works', () => {
    const p = run({ 'profil-zaufany': ['unknown', 'blocked'] });
    const rows = p.logins.filter((l) => l.path.includes('profil-zaufany'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ works: null, meaning: 'unverified' });
    expect(p.banner).not.toBe('ok');
    expect(p.overall.status).not.toBe('operational');
  });

  it('when an operator override is in force, then no public end is claimed (the override lasts until withdrawn)', () => {
    const p = run({}, { overrides: [{ component: 'mojeid', status: 'outage', expiresAt: NOW + 30 * MIN }] });
    expect(p.components.find((c) => c.id === 'mojeid')).toMatchObject({ status: 'outage', until: null });
    expect(p.logins.filter((l) => l.blockedBy === 'mojeid').every((l) => l.until === null)).toBe(true);
  });

  it('when nothing was ever checked, then components say "no data", never that the monitor lost connectivity', () => {
    const states = new Map<string, ComponentState>(config.components.map((c) => [c.id, { id: c.id, status: 'unknown', reason: 'no_data', since: NOW, lastCheckedAt: null, rootCause: null }]));
    const p = publicState({ now: NOW, components: config.components, loginMethods: config.loginMethods, states, windows: [], incidents: [], overrides: [], ...fresh });
    expect(p.banner).toBe('blind');
    expect(p.components.every((c) => c.reason === 'no_data')).toBe(true);
  });

  it('when maintenance is noticed late, then since and until are the window\u2019s own start and end', () => {
    const ikp = run({ ikp: ['maintenance', 'maintenance'] }, { windows: [ikpWindow] }).components.find((c) => c.id === 'ikp')!;
    expect([ikp.since, ikp.until]).toEqual([ikpWindow.start, ikpWindow.end]);
  });

  it('when the monitor is blind or data stale, then no component is fresh and no login row claims alternatives', () => {
    for (const p of [run({}, { checkedAgo: 10 * MIN }), run(Object.fromEntries(config.components.map((c) => [c.id, ['unknown', 'monitor_offline']])))]) {
      expect(p.components.filter((c) => c.fresh)).toEqual([]);
      expect(p.logins.every((l) => l.works !== true && l.alternatives === null)).toBe(true);
    }
  });

  it('when PZ is down, then PZ rows do not work and name it, and alternatives are the rows known to work', () => {
    const p = run({ 'profil-zaufany': ['outage'] });
    const row = p.logins.find((l) => l.id === 'pz-bank:pko-bp')!;
    expect(row).toMatchObject({ works: false, blockedBy: 'profil-zaufany' });
    expect(row.alternatives).toEqual(['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod']);
  });

  it('when other rows are unknown and none works, then "nothing else works" is not claimed', () => {
    const p = run({ 'login-gov': ['outage'], 'bank:mbank': ['unknown', 'no_data'] });
    expect(p.logins.find((l) => l.id === 'profil-zaufany')!.alternatives).toEqual([]);
    const q = run({ 'profil-zaufany': ['outage'], mojeid: ['unknown', 'no_data'], mobywatel: ['unknown', 'no_data'], 'e-dowod': ['unknown', 'no_data'] });
    expect(q.logins.find((l) => l.id === 'profil-zaufany')!.alternatives).toBeNull();
  });

  it('when PZ is slow, then PZ rows still work but show the slow status', () => {
    const row = run({ 'profil-zaufany': ['degraded', 'slow'] }).logins.find((l) => l.id === 'profil-zaufany')!;
    expect(row).toMatchObject({ works: true, status: 'degraded', alternatives: null });
  });

  it('when time alone will change the answer, then nextChangeAt names the first such instant', () => {
    const p = run({}, { windows: [{ ...ikpWindow, start: NOW + 5 * MIN, end: NOW + 65 * MIN }] });
    expect(p.nextChangeAt).toBe(Math.min(NOW + 5 * MIN, NOW - 20_000 + fresh.staleAfterMs + 1, NOW - 20_000 + fresh.freshForMs('ikp') + 1));
    expect(p.components.find((c) => c.id === 'ikp')!.upcoming).toMatchObject({ id: 'w-ikp', active: false });
  });
});
