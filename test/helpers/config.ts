import { configSchema, type Config, type ConfigInput } from '../../src/config/schema.ts';

/** A small valid config: login-gov → profil-zaufany → one PZ bank, plus ikp; overrides are shallow-merged. */
export function testConfig(overrides: Partial<ConfigInput> = {}): Config {
  return configSchema.parse({
    store: { snapshotFile: '' },
    components: [
      { id: 'ikp', name: { pl: 'IKP', en: 'IKP' }, dependsOn: ['login-gov'] },
      { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
      { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
      { id: 'bank:pko-bp', kind: 'bank', name: { pl: 'PKO BP', en: 'PKO BP' }, dependsOn: ['profil-zaufany'] },
    ],
    loginMethods: [
      { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, path: ['login-gov', 'profil-zaufany', 'ikp'] },
      { id: 'pz-bank', name: { pl: 'PZ przez bank', en: 'PZ via bank' }, path: ['login-gov', 'profil-zaufany', 'bank', 'ikp'], banks: ['pko-bp'] },
    ],
    ...overrides,
  });
}
