/** How a simulated upstream misbehaves. */
export type Fault = 'http-503' | 'hang' | 'slow' | 'reset';

/** A switchable demo scenario: which upstreams fail and how. */
export interface Scenario {
  description: string;
  faults: Record<string, Fault>;
}

/** Every scenario the simulator knows; upstream keys are the simulator's path prefixes. */
export const SCENARIOS: Record<string, Scenario> = {
  'pz-outage': { description: 'Profil Zaufany (pz.gov.pl) answers 503', faults: { pz: 'http-503' } },
  'pz-slow': { description: 'Profil Zaufany answers slowly', faults: { pz: 'slow' } },
  'login-gov-outage': { description: 'login.gov.pl hangs', faults: { 'login-gov': 'hang' } },
  'mojeid-outage': { description: 'mojeID resets connections', faults: { mojeid: 'reset' } },
  'ikp-outage': { description: 'pacjent.gov.pl answers 503', faults: { pacjent: 'http-503' } },
  'bank-pko-bp-outage': { description: 'PKO BP login page answers 503', faults: { 'bank/pko-bp': 'http-503' } },
  'bank-mbank-outage': { description: 'mBank login page answers 503', faults: { 'bank/mbank': 'http-503' } },
  offline: {
    description: 'the monitor loses its own connectivity: every upstream including the canary resets',
    faults: { canary: 'reset', pacjent: 'reset', 'login-gov': 'reset', pz: 'reset', mojeid: 'reset', mobywatel: 'reset', 'e-dowod': 'reset', 'bank/pko-bp': 'reset', 'bank/santander': 'reset', 'bank/mbank': 'reset', 'bank/sgb': 'reset' },
  },
};

/** The simulated upstreams (path prefixes) and the page title each serves. */
export const UPSTREAMS: Record<string, string> = {
  canary: 'canary',
  pacjent: 'pacjent.gov.pl – Internetowe Konto Pacjenta',
  'login-gov': 'login.gov.pl – Węzeł Krajowy',
  pz: 'Profil Zaufany',
  mojeid: 'mojeID',
  mobywatel: 'mObywatel',
  'e-dowod': 'e-dowód',
  'bank/pko-bp': 'PKO Bank Polski – logowanie',
  'bank/santander': 'Santander Bank Polska – logowanie',
  'bank/mbank': 'mBank – logowanie',
  'bank/sgb': 'SGB – bankowość internetowa',
};
