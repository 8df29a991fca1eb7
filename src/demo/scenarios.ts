/** How a simulated upstream misbehaves. */
export type Fault = 'http-503' | 'hang' | 'slow' | 'reset';

/** A notice a scenario publishes on a simulated notice page. */
export type DemoNoticeId = 'ikp-maintenance' | 'bank-mbank-maintenance';

/** A hop of the login path that a scenario breaks while the upstream itself stays up. */
export type ChainBreak = 'login-gov-chooser-missing-pz' | 'pz-form-changed' | 'ikp-saml-broken' | 'login-gov-maintenance-page' | 'waf-block' | 'login-gov-chooser-js';

/** A switchable demo scenario: which upstreams fail and how, which login hops break, and which notices appear. */
export interface Scenario {
  description: string;
  faults: Record<string, Fault>;
  breaks?: ChainBreak[];
  notices?: DemoNoticeId[];
}

/** Every scenario the simulator knows; upstream keys are the simulator's path prefixes. */
export const SCENARIOS: Record<string, Scenario> = {
  'pz-outage': { description: 'Profil Zaufany (pz.gov.pl) answers 503', faults: { pz: 'http-503' } },
  'pz-slow': { description: 'Profil Zaufany answers slowly', faults: { pz: 'slow' } },
  'login-gov-outage': { description: 'login.gov.pl hangs', faults: { 'login-gov': 'hang' } },
  'mojeid-outage': { description: 'mojeID resets connections', faults: { mojeid: 'reset' } },
  'ikp-outage': { description: 'the IKP application answers 503', faults: { 'pacjent/ikp': 'http-503' } },
  'bank-pko-bp-outage': { description: 'PKO BP login page answers 503', faults: { 'bank/pko-bp': 'http-503' } },
  'login-gov-chooser-missing-pz': {
    description: 'the login.gov.pl method chooser stops offering Profil Zaufany (other methods still work)',
    faults: {},
    breaks: ['login-gov-chooser-missing-pz'],
  },
  'pz-form-changed': { description: 'the PZ login form renames its fields (markup drift, not an outage)', faults: {}, breaks: ['pz-form-changed'] },
  'bank-pko-bp-login-down': { description: "PKO BP's login page answers 503", faults: { 'bank/pko-bp': 'http-503' } },
  'ikp-saml-broken': { description: 'IKP sends a SAMLRequest that is not an AuthnRequest', faults: {}, breaks: ['ikp-saml-broken'] },
  'login-gov-maintenance-page': {
    description: 'login.gov.pl answers with a "Przerwa techniczna" page',
    faults: {},
    breaks: ['login-gov-maintenance-page'],
  },
  'login-gov-chooser-js': {
    description: 'the login.gov.pl chooser builds its tiles in JavaScript (only the browser runner sees them)',
    faults: {},
    breaks: ['login-gov-chooser-js'],
  },
  'waf-block': { description: "login.gov.pl's WAF answers with an Incapsula block page", faults: {}, breaks: ['waf-block'] },
  'bank-mbank-outage': { description: 'mBank login page answers 503', faults: { 'bank/mbank': 'http-503' } },
  'ikp-maintenance': {
    description: 'pacjent.gov.pl announces a maintenance window from the current hour and the IKP application answers 503',
    faults: { 'pacjent/ikp': 'http-503' },
    notices: ['ikp-maintenance'],
  },
  'bank-mbank-maintenance': {
    description: 'mBank announces maintenance for tomorrow night on its notice page',
    faults: {},
    notices: ['bank-mbank-maintenance'],
  },
  offline: {
    description: 'the monitor loses its own connectivity: every upstream including the canary resets',
    faults: { canary: 'reset', pacjent: 'reset', 'pacjent/ikp': 'reset', 'bank/mbank/komunikaty': 'reset', 'login-gov': 'reset', pz: 'reset', mojeid: 'reset', mobywatel: 'reset', 'e-dowod': 'reset', 'bank/pko-bp': 'reset', 'bank/santander': 'reset', 'bank/mbank': 'reset', 'bank/sgb': 'reset' },
  },
};

/** The simulated upstreams (path prefixes) and the page title each serves. */
export const UPSTREAMS: Record<string, string> = {
  canary: 'canary',
  pacjent: 'pacjent.gov.pl – Internetowe Konto Pacjenta',
  'pacjent/ikp': 'Internetowe Konto Pacjenta – logowanie',
  'login-gov': 'login.gov.pl – Węzeł Krajowy',
  pz: 'Profil Zaufany',
  mojeid: 'mojeID',
  mobywatel: 'mObywatel',
  'e-dowod': 'e-dowód',
  'bank/pko-bp': 'PKO Bank Polski – logowanie',
  'bank/santander': 'Santander Bank Polska – logowanie',
  'bank/mbank': 'mBank – logowanie',
  'bank/mbank/komunikaty': 'mBank – komunikaty',
  'bank/sgb': 'SGB – bankowość internetowa',
};

/** Which simulated page shows which scenario notices. */
export const NOTICE_PAGES: Record<string, DemoNoticeId[]> = {
  pacjent: ['ikp-maintenance'],
  'bank/mbank/komunikaty': ['bank-mbank-maintenance'],
};
