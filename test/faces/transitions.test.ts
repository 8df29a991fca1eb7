import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { SCENARIOS } from '../../src/demo/scenarios.ts';
import { startSimulator, type Simulator } from '../../src/demo/simulator.ts';
import type { Meaning } from '../../src/domain/public-state.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { faceReader, fragmentState, type ApiStatus, type Sample } from './face-reads.ts';
import { FAST, fastDemoConfig } from './fast-demo-config.ts';
import { blindSaysNothing, facesDisagree, outagesWithoutEvidence, wordsWithoutState, type EvidenceStore } from './truth-checks.ts';

/**
 * Issue 20, "Done when": the demo walks through every scenario and every on→off transition while
 * the Polish page fragment, /api/v1/status, triage (for an unknown method and each configured one)
 * and the JSON feed are sampled every 250 ms. At every sample:
 * 1. a component called a measured outage has a failing check of its own taken since the last
 *    switch that could have made it fail, outside maintenance;
 * 2. no "Wszystko działa", "wolniej" or "Nie możemy sprawdzić" without the state for it;
 * 3. the faces agree, compared only when the API did not move during the read;
 * and while the monitor is blind nothing says works or down.
 * Each phase is sampled until the public state has settled on what the table expects (every
 * sample for SETTLE_MS), within PHASE_BOUND_MS, on a config where every probe runs each second.
 */

const SAMPLE_EVERY_MS = 250;
const SETTLE_MS = 2_000;
const PHASE_BOUND_MS = 20_000;

/** What the public state settles on in a phase. */
interface Goal {
  /** Components and the meaning each ends in (any of a list: timing may decide between them). */
  meanings?: Record<string, Meaning | Meaning[]>;
  /** Login rows and whether each ends working (null: cannot tell). */
  rows?: Record<string, boolean | null>;
  /** Every login row ends working (true), not working (false) or unknown (null). */
  everyRow?: boolean | null;
  /** Every component works on fresh data. */
  allWork?: true;
  blind?: boolean;
  /** Components with an active (or upcoming) maintenance window; [] for none at all. */
  active?: string[];
  upcoming?: string[];
}

const ALL_DOWN: Goal = { everyRow: false };
/** After every scenario: all works again, no window is left, the monitor sees. */
const BACK: Goal = { allWork: true, blind: false, active: [], upcoming: [] };

/** The spine: [scenario, what the state settles on while it is on, and after it is switched off]. */
const TABLE: [string, Goal, Goal][] = [
  ['pz-outage', { meanings: { 'profil-zaufany': 'outage' }, rows: { 'profil-zaufany': false, 'pz-bank:pko-bp': false, 'pz-bank:santander': false, mobywatel: true } }, BACK],
  // A slow PZ is measured slow by its own probe; on a loaded machine a journey through two slow PZ
  // hops may run out of time there first, which is a partial failure (never "wolniej" for it).
  ['pz-slow', { meanings: { 'profil-zaufany': ['slow', 'partial'] }, rows: { 'profil-zaufany': true, mobywatel: true } }, BACK],
  ['login-gov-outage', { meanings: { 'login-gov': 'outage' }, ...ALL_DOWN }, BACK],
  ['mojeid-outage', { meanings: { mojeid: 'outage' }, rows: { 'mojeid:mbank': false, 'mojeid:sgb': false, 'profil-zaufany': true } }, BACK],
  ['ikp-outage', { meanings: { ikp: 'outage' }, ...ALL_DOWN }, BACK],
  ['bank-pko-bp-outage', { meanings: { 'bank:pko-bp': 'outage' }, rows: { 'pz-bank:pko-bp': false, 'pz-bank:santander': true } }, BACK],
  // Only the PZ tile is missing: the chooser works in part, PZ logins do not, the other methods do.
  [
    'login-gov-chooser-missing-pz',
    { meanings: { 'login-gov': 'partial', 'profil-zaufany': 'outage' }, rows: { 'profil-zaufany': false, 'mojeid:mbank': true, 'mojeid:sgb': true, mobywatel: true, 'e-dowod': true } },
    BACK,
  ],
  ['pz-form-changed', { meanings: { 'profil-zaufany': 'unverified' }, rows: { 'profil-zaufany': null, mobywatel: true } }, BACK],
  ['bank-pko-bp-login-down', { meanings: { 'bank:pko-bp': 'outage' }, rows: { 'pz-bank:pko-bp': false, 'pz-bank:santander': true } }, BACK],
  ['ikp-saml-broken', { meanings: { ikp: 'outage' }, ...ALL_DOWN }, BACK],
  ['login-gov-maintenance-page', { meanings: { 'login-gov': 'maintenance' }, ...ALL_DOWN }, BACK],
  // Without the browser runner the plain runner finds no tile at all: a check that passed now fails.
  ['login-gov-chooser-js', { meanings: { 'login-gov': 'outage' }, ...ALL_DOWN }, BACK],
  ['waf-block', { meanings: { 'login-gov': 'unverified' }, everyRow: null }, BACK],
  ['bank-mbank-outage', { meanings: { 'bank:mbank': 'outage' }, rows: { 'mojeid:mbank': false, 'mojeid:sgb': true } }, BACK],
  ['ikp-maintenance', { meanings: { ikp: 'maintenance' }, active: ['ikp'], ...ALL_DOWN }, BACK],
  ['bank-mbank-maintenance', { meanings: { 'bank:mbank': 'works' }, upcoming: ['bank:mbank'], active: [], rows: { 'mojeid:mbank': true } }, BACK],
  ['offline', { blind: true }, BACK],
];

/** What is still missing for `goal` in `s` (empty when it is met). */
function unmet(goal: Goal, s: ApiStatus): string[] {
  const out: string[] = [];
  for (const [id, meaning] of Object.entries(goal.meanings ?? {})) {
    const c = s.components.find((x) => x.id === id);
    const allowed: Meaning[] = Array.isArray(meaning) ? meaning : [meaning];
    if (c?.meaning === undefined || !allowed.includes(c.meaning)) out.push(`${id} is ${c?.meaning ?? 'missing'}, not ${allowed.join(' or ')}`);
  }
  const rows = { ...Object.fromEntries(goal.everyRow === undefined ? [] : s.loginMethods.map((r) => [r.id, goal.everyRow])), ...goal.rows };
  for (const [id, works] of Object.entries(rows)) {
    const r = s.loginMethods.find((x) => x.id === id);
    if (r?.works !== works) out.push(`row ${id} works=${r?.works}, not ${works}`);
  }
  if (goal.allWork) for (const c of s.components) if (c.meaning !== 'works' || !c.fresh) out.push(`${c.id} is ${c.meaning}${c.fresh ? '' : ' (not fresh)'}`);
  if (goal.blind !== undefined && s.monitor.blind !== goal.blind) out.push(`monitor blind=${s.monitor.blind}`);
  for (const [key, want] of [['active', goal.active], ['upcoming', goal.upcoming]] as const) {
    if (want === undefined) continue;
    const got = [...new Set(s.maintenance[key].flatMap((w) => w.components))].sort();
    if (JSON.stringify(got) !== JSON.stringify([...want].sort())) out.push(`${key} windows cover [${got.join(', ')}], not [${want.join(', ')}]`);
  }
  return out;
}

/** A goal in a few words, for test names. */
function summary(goal: Goal): string {
  if (goal.allWork) return 'all works again';
  if (goal.blind) return 'the monitor says it cannot see';
  const parts = Object.entries(goal.meanings ?? {}).map(([id, m]) => `${id} is ${Array.isArray(m) ? m.join(" or ") : m}`);
  if (goal.upcoming?.length) parts.push(`maintenance is announced for ${goal.upcoming.join(', ')}`);
  return parts.join(', ');
}

/** One line of the state, for failure messages. */
const describeState = (s: ApiStatus): string =>
  `overall ${s.overall.status}${s.monitor.blind ? ' (blind)' : ''}; ${s.components.map((c) => `${c.id}=${c.meaning}${c.fresh ? '' : '!'}(${c.reason})`).join(' ')}; rows ${s.loginMethods.map((r) => `${r.id}=${r.works}`).join(' ')}`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the transition walk: every scenario on and off, every face sampled', () => {
  let sim: Simulator;
  let app: RunningApp;
  let config: Config;
  let read: () => Promise<Sample>;
  let store: EvidenceStore;
  /** Failures taken before this instant cannot be evidence: it is the last switch that could make something fail. */
  let evidenceFrom = 0;

  beforeAll(async () => {
    sim = await startSimulator(0, '127.0.0.1', { slowMs: FAST.simulatorSlowMs });
    config = fastDemoConfig(sim.url);
    evidenceFrom = Date.now();
    app = await startApp(config, { clock: { now: () => Date.now() }, logger: createLogger('silent') });
    read = faceReader(app.url, config.loginMethods.map((m) => m.id));
    store = { results: app.stores.results, windows: app.stores.windows, probes: config.probes, keep: config.store.resultsPerProbe };
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await sim?.close();
  });

  /** What the samples of the current row said that they should not have: each distinct finding once, with its first sample and a count. */
  let findings = new Map<string, { first: string; count: number }>();

  /** Rules 1–3 on one sample (2 and 3 only when nothing moved while the faces were read); returns whether it was still. */
  async function check(sample: Sample, where: string): Promise<boolean> {
    const violations = [
      ...(await outagesWithoutEvidence(sample.before, store, evidenceFrom)),
      ...(await outagesWithoutEvidence(sample.after, store, evidenceFrom)),
    ];
    const still = sample.before.fingerprint === sample.after.fingerprint && fragmentState(sample.fragment) === sample.before.fingerprint;
    if (still) violations.push(...wordsWithoutState(sample.before, sample.fragment), ...facesDisagree(sample), ...blindSaysNothing(sample));
    for (const v of violations) {
      const seen = findings.get(v);
      if (seen) seen.count += 1;
      else findings.set(v, { first: `${where}, sample at ${new Date(sample.at).toISOString()}: ${describeState(sample.before)}`, count: 1 });
    }
    return still;
  }

  /**
   * Samples every 250 ms until the state has met `goal` on every sample for SETTLE_MS, ending on a
   * still sample (so rules 2 and 3 saw the settled state); fails naming the phase after PHASE_BOUND_MS.
   */
  async function phase(where: string, goal: Goal, settleMs = SETTLE_MS): Promise<void> {
    const deadline = Date.now() + PHASE_BOUND_MS;
    // Since when every sample has met the goal (0: the latest did not).
    let since = 0;
    for (;;) {
      const started = Date.now();
      const sample = await read();
      const still = await check(sample, where);
      const missing = [...new Set([...unmet(goal, sample.before), ...unmet(goal, sample.after)])];
      if (missing.length > 0) since = 0;
      else if (since === 0) since = sample.at;
      if (since !== 0 && still && sample.at - since >= settleMs) return;
      if (Date.now() > deadline) {
        throw new Error(`${where}: the public state did not settle within ${PHASE_BOUND_MS / 1000} s; still missing: ${missing.join('; ') || '(met, but not yet for long enough)'}; last state: ${describeState(sample.after)}`);
      }
      await sleep(Math.max(0, SAMPLE_EVERY_MS - (Date.now() - started)));
    }
  }

  it('when the table is read, then it has one row for every scenario the simulator knows', () => {
    expect(TABLE.map(([name]) => name).sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  for (const [name, whileOn, afterOff] of TABLE) {
    it(`when ${name} goes on and off, then ${summary(whileOn)} and then ${summary(afterOff)}, every sample backed by checks and every face agreeing`, async () => {
      // A scenario that cuts the monitor off (the canary fails) is blind: no failure seen while it is on is evidence.
      const blinding = SCENARIOS[name]?.faults.canary !== undefined;
      findings = new Map();
      const unsettled = await walk(name, whileOn, afterOff, blinding).then(() => null, (err: unknown) => err);
      // Every false sample of the row, not only the first: each names the face, what it said and the state then.
      const found = [...findings].map(([v, f]) => `${v} [${f.count} samples; first: ${f.first}]`);
      if (unsettled !== null) throw new Error([String(unsettled), ...(found.length > 0 ? ['and the samples said:', ...found] : [])].join('\n'));
      expect(found).toEqual([]);
    }, 3 * PHASE_BOUND_MS + 15_000);
  }

  /** Whether the previous row ended settled on BACK: then one still sample showing it again is calm enough to start. */
  let calm = false;

  /** Waits for the calm before the scenario, switches it on, waits for what it settles on, switches it off and waits again. */
  async function walk(name: string, whileOn: Goal, afterOff: Goal, blinding: boolean): Promise<void> {
    await phase(`${name}: before it goes on`, BACK, calm ? 0 : SETTLE_MS);
    calm = false;
    evidenceFrom = blinding ? Infinity : Date.now();
    sim.setScenario(name, true);
    try {
      await phase(`${name} on`, whileOn);
    } finally {
      if (blinding) evidenceFrom = Date.now();
      sim.setScenario(name, false);
    }
    await phase(`${name} off`, afterOff);
    calm = afterOff === BACK;
  }
});
