import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { checkConfigFile } from '../../src/config/load.ts';

const dir = fileURLToPath(new URL('../fixtures/config/invalid/', import.meta.url));
const validMinimal = fileURLToPath(new URL('../fixtures/config/valid-minimal.yaml', import.meta.url));

/** Every fixture in invalid/ → the exact problems expected (substrings, one per problem, in any order). */
const EXPECTED: Record<string, string[]> = {
  'unknown-top-level-key.yaml': ['config: unknown key "probez"'],
  'unknown-probe-key.yaml': ['probe "ikp-home": unknown key "timout"', 'probe "ikp-home": timeout: is required'],
  'timeout-not-below-interval.yaml': ['probe "ikp-home": timeout must be < interval (timeout 30s, interval 30s)'],
  'bad-duration.yaml': ['probe "ikp-home": interval: "5 minutes" is not a duration'],
  'interval-not-cron.yaml': ['probe "ikp-home": interval 7m does not divide an hour evenly'],
  'probe-unknown-component.yaml': ['probe "ikp-home": component: unknown component "ikpp"'],
  'probe-canary-with-component.yaml': ['probe "net-canary": a canary probe must not have a component'],
  'probe-without-component.yaml': ['probe "orphan": needs a component (or canary: true)'],
  'probe-without-id.yaml': ['probes[0]: id: is required'],
  'duplicate-probe-id.yaml': ['probe "ikp-home": duplicate id'],
  'duplicate-component-id.yaml': ['component "ikp": duplicate id'],
  'depends-on-unknown.yaml': ['component "bank:pko-bp": dependsOn: unknown component "bank:nope"'],
  'depends-on-itself.yaml': ['component "ikp": dependsOn: a component cannot depend on itself'],
  'dependency-cycle.yaml': ['component "a": dependency cycle a → b → a'],
  'bank-id-without-bank-kind.yaml': ['component "bank:pko-bp": an id starting with "bank:" needs kind: bank'],
  'bank-kind-without-bank-id.yaml': ['component "pko-bp": kind bank needs an id like "bank:<id>"'],
  'login-unknown-path-component.yaml': ['login method "mojeid": path: unknown component "x"'],
  'bank-token-without-banks.yaml': ['login method "pz-bank": path has "bank" but banks is missing or empty'],
  'unknown-bank-in-banks.yaml': ['login method "mojeid": banks: unknown bank "nope" (no component "bank:nope")'],
  'banks-without-bank-token.yaml': ['login method "mobywatel": banks is set but path has no "bank" step'],
  'invalid-regex.yaml': ['probe "ikp-home": http.bodyMustMatch.regex: is not a valid regular expression'],
  'invalid-url.yaml': ['probe "ikp-home": http.url: Invalid URL'],
  'invalid-status-pattern.yaml': ['probe "ikp-home": http.expectStatus[1]: must be a status code or a class like 2xx'],
  'unknown-probe-kind.yaml': ['probe "ikp-ping": kind: Invalid discriminator value'],
  'degraded-after-not-below-timeout.yaml': ['probe "ikp-home": http.degradedAfter must be < timeout (degradedAfter 10s, timeout 10s)'],
  'connect-timeout-above-timeout.yaml': ['probe "ikp-home": http.connectTimeout must be <= timeout (connectTimeout 15s, timeout 10s)'],
  'bad-port.yaml': ['server.port: Invalid input: expected number'],
  'scheduler-max-below-concurrency.yaml': ['scheduler.maxConcurrency must be >= scheduler.concurrency (maxConcurrency 16, concurrency 32)'],
  'yaml-syntax-error.yaml': ['YAML syntax error: All mapping items must start at the same column at line 7'],
  'missing-components.yaml': ['components: is required'],
  'empty-file.yaml': ['config: must be a YAML mapping of settings'],
  'admin-token-bad-hash.yaml': ['admin token "alice": hash: must look like scrypt$N$r$p$salt$hash'],
  'admin-token-unknown-role.yaml': ['admin token "bob": role: Invalid option: expected one of "operator"|"viewer"'],
  'admin-token-duplicate-name.yaml': ['admin token "alice": duplicate name'],
  'admin-token-weak-cost.yaml': ['admin token "carol": hash: N must be a power of two >= 16384'],
  'webhook-generic-without-secret.yaml': ['webhook "ops-hook": secret: is required for kind generic'],
  'webhook-secret-on-slack.yaml': ['webhook "slack-oncall": secret: is only used by kind generic'],
  'webhook-unknown-event.yaml': ['webhook "teams-cez": events[1]: Invalid option'],
  'webhook-bad-url.yaml': ['webhook "ops-hook": url: Invalid URL'],
  'webhook-duplicate-id.yaml': ['webhook "slack-oncall": duplicate id'],
  'incidents-bad-auto-open-after.yaml': ['incidents.autoOpenAfter: "ten minutes" is not a duration'],
  'journey-first-step-not-get.yaml': ['probe "journey-pz": journey.steps[0]: the first step must be a get'],
  'journey-step-two-actions.yaml': ['probe "journey-pz": journey.steps[0]: give exactly one of get, follow or submit (found 2)'],
  'journey-submit-credential-field.yaml': ['probe "journey-pz": journey.steps[1].submit.fields[1]: "loginForm:hasło" is a credential field'],
  'journey-step-unknown-component.yaml': ['probe "journey-pz": journey.steps[0] (entry): component: unknown component "ikpp"'],
  'journey-duplicate-step-id.yaml': ['probe "journey-pz": journey.steps[1].id: duplicate step id "entry"'],
  'journey-follow-without-target.yaml': ['probe "journey-pz": journey.steps[1].follow: give selector, text or both'],
  'journey-without-component.yaml': ['probe "journey-pz": needs a component (the one the journey proves works)'],
  'journey-step-timeout-above-timeout.yaml': ['probe "journey-pz": journey.steps[0] (entry): step timeout must be <= the probe\'s timeout'],
  'journey-via-unknown-component.yaml': ['probe "journey-mojeid-mbank": journey.steps[1] (bank-login): via: unknown component "mojeidd"'],
  'several-mistakes.yaml': [
    'component "bank:pko-bp": an id starting with "bank:" needs kind: bank',
    'component "bank:pko-bp": dependsOn: unknown component "nope"',
    'probe "ikp-home": timeout must be < interval (timeout 10m, interval 7m)',
    'probe "ikp-home": interval 7m does not divide an hour evenly',
    'login method "mojeid": path: unknown component "mojeid"',
  ],
};

const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('invalid config fixtures', () => {
  it('when the fixture directory is listed, then every fixture has an expectation and every expectation a fixture', () => {
    expect(fixtures.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !fixtures.includes(f))).toEqual([]);
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it('when the baseline fixture is checked, then it has no problems', () => {
    expect(checkConfigFile(validMinimal)).toEqual([]);
  });

  it.each(fixtures)('when %s is checked, then exactly the expected problems are reported, each naming its item', (file) => {
    const problems = checkConfigFile(join(dir, file));
    const expected = EXPECTED[file] ?? [];
    expect(problems).toHaveLength(expected.length);
    for (const fragment of expected) {
      expect(problems.filter((p) => p.includes(fragment)), `problems: ${problems.join(' | ')}`).toHaveLength(1);
    }
  });

  it('when a file has several mistakes, then checkConfigFile reports them all together', () => {
    expect(checkConfigFile(join(dir, 'several-mistakes.yaml')).length).toBeGreaterThanOrEqual(3);
  });
});
