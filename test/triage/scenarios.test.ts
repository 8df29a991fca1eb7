import { describe, expect, it } from 'vitest';
import { NO_CAUSE_ADVICE } from '../../src/triage/advice.ts';
import { triage } from '../../src/triage/triage.ts';
import type { CauseCode, TriageInput } from '../../src/triage/types.ts';
import { at, inputOf, rowsExcept, triageConfig, worldOf, type StateSpec } from './fixtures.ts';
import type { WorldWindow } from '../../src/triage/types.ts';

const config = triageConfig();
const NOW = at('2026-11-22T10:00:00Z');
const NO_PZ = ['mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod'];

interface Case {
  name: string;
  when?: number;
  input?: Partial<TriageInput>;
  states?: Record<string, StateSpec>;
  windows?: Partial<WorldWindow>[];
  blind?: boolean;
  first: CauseCode;
  /** The public login row's alternatives: null when the patient's row works or we cannot tell. */
  alternatives: string[] | null;
}

const pz = (over: Partial<TriageInput> = {}): Partial<TriageInput> => ({ method: 'profil-zaufany', ...over });
const profile = (p: TriageInput['profile'], over: Partial<TriageInput> = {}): Partial<TriageInput> => pz({ profile: p, ...over });

const CASES: Case[] = [
  // Component states on the path of the chosen method.
  { name: 'all works, PZ login', input: pz(), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'PZ outage, PZ login', input: pz(), states: { 'profil-zaufany': 'outage' }, first: 'PZ_UNAVAILABLE', alternatives: NO_PZ },
  { name: 'PZ outage, PZ via PKO BP', input: { method: 'pz-bank', bank: 'pko-bp' }, states: { 'profil-zaufany': 'outage', 'bank:pko-bp': ['operational', 'ok', 'profil-zaufany'] }, first: 'PZ_UNAVAILABLE', alternatives: NO_PZ },
  { name: 'PZ outage, mojeID via mBank is not affected', input: { method: 'mojeid', bank: 'mbank' }, states: { 'profil-zaufany': 'outage' }, first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'PZ outage, unknown method', states: { 'profil-zaufany': 'outage' }, first: 'PZ_UNAVAILABLE', alternatives: NO_PZ },
  { name: 'login.gov.pl outage, PZ login', input: pz(), states: { 'login-gov': ['outage', 'timeout'] }, first: 'LOGIN_GOV_UNAVAILABLE', alternatives: [] },
  { name: 'login.gov.pl outage, mObywatel login', input: { method: 'mobywatel' }, states: { 'login-gov': ['outage', 'timeout'] }, first: 'LOGIN_GOV_UNAVAILABLE', alternatives: [] },
  { name: 'login.gov.pl outage outranks PZ failing because of it', input: pz(), states: { 'login-gov': 'outage', 'profil-zaufany': ['outage', 'timeout', 'login-gov'] }, first: 'LOGIN_GOV_UNAVAILABLE', alternatives: [] },
  { name: 'IKP outage', input: { method: 'e-dowod' }, states: { ikp: 'outage' }, first: 'IKP_UNAVAILABLE', alternatives: [] },
  { name: 'IKP maintenance state with its window', input: pz(), states: { ikp: 'maintenance' }, windows: [{ components: ['ikp'] }], first: 'IKP_MAINTENANCE', alternatives: [] },
  { name: 'IKP window in force while the state still lags', input: { method: 'mobywatel' }, windows: [{ components: ['ikp'] }], first: 'IKP_MAINTENANCE', alternatives: [] },
  { name: 'PZ maintenance window', input: pz(), states: { 'profil-zaufany': 'maintenance' }, windows: [{ components: ['profil-zaufany'] }], first: 'PZ_MAINTENANCE', alternatives: NO_PZ },
  // A notice of trouble our checks do not see: the page says PZ works in part and its rows work, so no alternatives are claimed.
  { name: 'PZ outage notice while probes pass', input: pz(), states: { 'profil-zaufany': ['degraded', 'outage_notice'] }, windows: [{ kind: 'outage', components: ['profil-zaufany'] }], first: 'SERVICE_PARTIAL', alternatives: null },
  // Slow is not down: its own cause, and no path through the slow service is offered as the way out.
  { name: 'PZ slow', input: pz(), states: { 'profil-zaufany': ['degraded', 'slow'] }, first: 'SERVICE_SLOW', alternatives: null },
  { name: 'mojeID outage, mojeID via mBank', input: { method: 'mojeid', bank: 'mbank' }, states: { mojeid: ['outage', 'connect_reset'] }, first: 'MOJEID_UNAVAILABLE', alternatives: rowsExcept('mojeid') },
  { name: 'mojeID outage outranks the mBank failure it causes', input: { method: 'mojeid', bank: 'mbank' }, states: { mojeid: 'outage', 'bank:mbank': ['outage', 'timeout', 'mojeid'] }, first: 'MOJEID_UNAVAILABLE', alternatives: rowsExcept('mojeid') },
  { name: 'mBank outage, mojeID via mBank', input: { method: 'mojeid', bank: 'mbank' }, states: { 'bank:mbank': 'outage' }, first: 'BANK_UNAVAILABLE', alternatives: rowsExcept('mojeid') },
  { name: 'mBank maintenance window', input: { method: 'mojeid', bank: 'mbank' }, states: { 'bank:mbank': 'maintenance' }, windows: [{ components: ['bank:mbank'] }], first: 'BANK_MAINTENANCE', alternatives: rowsExcept('mojeid') },
  { name: 'PKO BP outage, PZ via an unnamed bank', input: { method: 'pz-bank' }, states: { 'bank:pko-bp': 'outage' }, first: 'BANK_UNAVAILABLE', alternatives: rowsExcept('pz-bank') },
  { name: 'Santander outage does not affect PZ via PKO BP', input: { method: 'pz-bank', bank: 'pko-bp' }, states: { 'bank:santander': 'outage' }, first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'SGB outage, mojeID via SGB', input: { method: 'mojeid', bank: 'sgb' }, states: { 'bank:sgb': 'outage' }, first: 'BANK_UNAVAILABLE', alternatives: rowsExcept('mojeid') },
  { name: 'mObywatel outage', input: { method: 'mobywatel' }, states: { mobywatel: 'outage' }, first: 'MOBYWATEL_UNAVAILABLE', alternatives: rowsExcept('mobywatel') },
  { name: 'e-dowód outage', input: { method: 'e-dowod' }, states: { 'e-dowod': 'outage' }, first: 'EDOWOD_UNAVAILABLE', alternatives: rowsExcept('e-dowod') },
  { name: 'e-dowód outage does not affect PZ', input: pz(), states: { 'e-dowod': 'outage' }, first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'monitor blind', input: pz(), blind: true, first: 'MONITOR_BLIND', alternatives: null },
  { name: 'monitor blind but IKP under announced maintenance', blind: true, states: { ikp: 'maintenance' }, windows: [{ components: ['ikp'] }], first: 'IKP_MAINTENANCE', alternatives: null },
  { name: 'PZ state unknown (stale): no cause, PZ rows not offered', input: pz(), states: { 'profil-zaufany': ['unknown', 'stale'] }, first: 'NO_KNOWN_CAUSE', alternatives: NO_PZ },
  { name: 'IKP slow and the page does not open', input: { method: 'mobywatel', symptom: 'cannot-open-page' }, states: { ikp: ['degraded', 'slow'] }, first: 'SERVICE_SLOW', alternatives: null },
  // Trusted profile dates, judged at occurredAt.
  { name: 'profile confirmed 2021 expired in 2024', input: profile({ confirmedAt: '2021-01-10' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'expired profile, PZ via bank', input: profile({ confirmedAt: '2021-01-10' }, { method: 'pz-bank', bank: 'pko-bp' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'expired profile does not matter for mojeID', input: profile({ confirmedAt: '2021-01-10' }, { method: 'mojeid', bank: 'mbank' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'expired profile and IKP maintenance: the profile needs the patient', input: profile({ confirmedAt: '2021-01-10' }), states: { ikp: 'maintenance' }, windows: [{ components: ['ikp'] }], first: 'PZ_EXPIRED', alternatives: [] },
  { name: '29 Feb 2024 + 3 y: last second of 28 Feb 2027 is still valid', when: at('2027-02-28T22:59:59.999Z'), input: profile({ confirmedAt: '2024-02-29' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: '29 Feb 2024 + 3 y: midnight of 1 Mar 2027 Warsaw is expired', when: at('2027-02-28T23:00:00Z'), input: profile({ confirmedAt: '2024-02-29' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'end of day in summer time: 23:59:59 CEST still valid', when: at('2026-06-15T21:59:59Z'), input: profile({ confirmedAt: '2023-06-15' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'end of day in summer time: 00:00 CEST next day expired', when: at('2026-06-15T22:00:00Z'), input: profile({ confirmedAt: '2023-06-15' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'last day is the spring DST day (23 h): valid until 22:00 UTC', when: at('2026-03-29T21:59:59Z'), input: profile({ confirmedAt: '2023-03-29' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'last day is the spring DST day (23 h): expired at 22:00 UTC', when: at('2026-03-29T22:00:00Z'), input: profile({ confirmedAt: '2023-03-29' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'last day is the autumn DST day (25 h): valid until 23:00 UTC', when: at('2026-10-25T22:59:59Z'), input: profile({ confirmedAt: '2023-10-25' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'last day is the autumn DST day (25 h): expired at 23:00 UTC', when: at('2026-10-25T23:00:00Z'), input: profile({ confirmedAt: '2023-10-25' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'extension after confirmation counts from the extension', when: at('2026-01-10T12:00:00Z'), input: profile({ confirmedAt: '2020-05-01', extendedAt: '2023-05-01' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'extended profile expires 3 years after the extension', when: at('2026-05-02T12:00:00Z'), input: profile({ confirmedAt: '2020-05-01', extendedAt: '2023-05-01' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'an extension made after occurredAt did not exist yet then', when: at('2023-06-01T12:00:00Z'), input: profile({ confirmedAt: '2020-05-01', extendedAt: '2023-07-01' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'validUntil wins over an old confirmation', input: profile({ confirmedAt: '2018-01-01', validUntil: '2027-06-30' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'validUntil in the past', input: profile({ validUntil: '2026-01-01' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'expiring within 30 days is noted but does not explain the failure', input: profile({ validUntil: '2026-12-10' }), first: 'NO_KNOWN_CAUSE', alternatives: null },
  { name: 'PZ outage with an expiring profile', input: profile({ validUntil: '2026-12-10' }), states: { 'profil-zaufany': 'outage' }, first: 'PZ_UNAVAILABLE', alternatives: NO_PZ },
  // What the patient saw.
  { name: 'profile-expired message without dates', input: pz({ symptom: 'profile-expired-message' }), first: 'PZ_EXPIRED', alternatives: null },
  { name: 'error text saying the profile expired, unknown method', input: { errorTextClasses: ['profile-expired'] }, first: 'PZ_EXPIRED', alternatives: null },
  { name: 'an "expired" message and a date saying valid: both are told', input: profile({ validUntil: '2028-01-01' }, { symptom: 'profile-expired-message' }), first: 'PZ_EXPIRY_CONFLICT', alternatives: null },
];

describe('triage engine scenarios', () => {
  it('when the table is counted, then it holds at least 40 scenarios', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('when $name, then the first cause is $first and the alternatives match', (c) => {
    const when = c.when ?? NOW;
    const result = triage(inputOf(when, c.input), worldOf(config, when, { states: c.states, windows: c.windows, blind: c.blind }), config);
    expect(result.causes[0]?.code).toBe(c.first);
    expect(result.alternatives?.map((a) => a.id) ?? null).toEqual(c.alternatives);
  });
});

describe('triage engine details', () => {
  const run = (input: Partial<TriageInput>, states: Record<string, StateSpec> = {}, windows: Partial<WorldWindow>[] = []) =>
    triage(inputOf(NOW, input), worldOf(config, NOW, { states, windows }), config);

  it('when causes are ranked, then confidences are within 0..1 and never increase', () => {
    const r = run({}, { 'login-gov': 'degraded', 'profil-zaufany': 'outage', 'bank:mbank': 'outage' }, [{ kind: 'outage', components: ['mobywatel'] }]);
    const conf = r.causes.map((c) => c.confidence);
    for (const c of conf) expect(c >= 0 && c <= 1).toBe(true);
    expect([...conf].sort((a, b) => b - a)).toEqual(conf);
  });

  it('when the maintenance notice was first seen only after the failure, then the window counts less than one announced before', () => {
    const before = run({ method: 'mobywatel' }, {}, [{ components: ['ikp'], firstSeenAt: NOW - 600_000 }]).causes[0]!;
    const later = run({ method: 'mobywatel' }, {}, [{ components: ['ikp'], firstSeenAt: NOW + 600_000 }]).causes[0]!;
    expect([before.code, later.code]).toEqual(['IKP_MAINTENANCE', 'IKP_MAINTENANCE']);
    expect(later.confidence).toBeLessThan(before.confidence);
  });

  it('when a maintenance window explains the cause, then its times and notice link are the evidence', () => {
    const r = run({ method: 'pz-bank', bank: 'pko-bp' }, { 'bank:pko-bp': 'maintenance' }, [
      { components: ['bank:pko-bp'], start: at('2026-11-22T08:00:00Z'), end: at('2026-11-22T12:00:00Z'), link: 'https://www.pkobp.pl/komunikat' },
    ]);
    expect(r.causes[0]?.code).toBe('BANK_MAINTENANCE');
    expect(r.causes[0]?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'window', start: '2026-11-22T09:00:00.000+01:00', end: '2026-11-22T13:00:00.000+01:00', link: 'https://www.pkobp.pl/komunikat' }),
    );
    expect(r.whereToCheck.map((w) => w.url)).toEqual(['https://ikp.example/', 'https://pko-bp.example/']);
  });

  it('when the PZ profile expired, then the advice says there is no reactivation and an old account may block a new one', () => {
    const r = run(pz({ profile: { confirmedAt: '2021-01-10' } }));
    expect(r.causes[0]?.advice.pl).toMatch(/reaktywować/);
    expect(r.causes[0]?.advice.pl).toMatch(/blokować/);
    expect(r.causes[0]?.advice.en).toMatch(/cannot be reactivated/);
    expect(r.profile).toMatchObject({ status: 'expired', lastValidDay: '2024-01-10', basis: 'confirmedAt' });
  });

  it('when the profile expires soon, then the advice carries the bank-link caveat on extension', () => {
    const r = run(pz({ profile: { validUntil: '2026-12-10' } }));
    const soon = r.causes.find((c) => c.code === 'PZ_EXPIRING_SOON');
    expect(soon?.advice.pl).toMatch(/Zmień dostawcę tożsamości na bank/);
    expect(r.profile).toMatchObject({ status: 'expiring-soon', daysLeft: 18 });
  });

  it.each([
    ['wrong-password', 'wrong-password'],
    ['no-sms-code', 'no-sms-code'],
    ['bank-login-fails', 'bank-login-fails'],
  ] as const)('when nothing is wrong and the symptom is %s, then the advice is specific to it', (symptom, key) => {
    const r = run(pz({ symptom }));
    expect(r.causes[0]?.code).toBe('NO_KNOWN_CAUSE');
    // After what the row says ("ta metoda logowania teraz działa"), the advice for what the patient saw.
    expect(r.causes[0]?.advice.pl.endsWith(NO_CAUSE_ADVICE[key]!.pl)).toBe(true);
    expect(r.causes[0]?.advice.en.endsWith(NO_CAUSE_ADVICE[key]!.en)).toBe(true);
  });

  it('when a known outage explains the failure, then no ticket is recommended; with no known cause, one is', () => {
    expect(run(pz(), { 'profil-zaufany': 'outage' }).escalation.recommended).toBe(false);
    expect(run(pz()).escalation.recommended).toBe(true);
  });

  it('when an escalation is built, then it names method, bank, time, symptom and what was ruled out', () => {
    const r = run({ method: 'mojeid', bank: 'mbank', symptom: 'error-after-method', errorTextClasses: ['unavailable'] });
    expect(r.escalation.to).toBe('ikp-pomoc@cez.gov.pl');
    expect(r.escalation.text.pl).toContain('mojeID');
    expect(r.escalation.text.pl).toContain('mbank');
    expect(r.escalation.text.pl).toContain('22 listopada 2026, 11:00');
    expect(r.escalation.text.pl).toContain('Rodzaj komunikatu (rozpoznany automatycznie, bez treści): usługa niedostępna');
    expect(r.escalation.text.pl).not.toMatch(/[A-Z]+_[A-Z_]+|unavailable/);
    expect(r.escalation.text.pl).toContain('Błąd po wybraniu sposobu logowania');
    expect(r.escalation.text.pl).toMatch(/Wykluczone.*login\.gov\.pl/);
    expect(r.escalation.mailto.pl.startsWith('mailto:ikp-pomoc@cez.gov.pl?subject=')).toBe(true);
    expect(decodeURIComponent(r.escalation.mailto.pl.split('&body=')[1]!)).toBe(r.escalation.text.pl);
  });
});
