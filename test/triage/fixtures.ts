import { configSchema, type Config } from '../../src/config/schema.ts';
import type { ComponentState, ComponentStatus, ComponentReason } from '../../src/domain/types.ts';
import { freshness, publicState } from '../../src/status/public-state.ts';
import type { TriageInput, TriageWorld, WorldWindow } from '../../src/triage/types.ts';

/** A config with every login path: PZ, PZ through two banks, mojeID through two banks, mObywatel, e-dowód. */
export function triageConfig(): Config {
  const svc = (id: string, pl: string, dependsOn: string[] = ['login-gov']) => ({ id, name: { pl, en: pl }, homepage: `https://${id}.example/`, dependsOn });
  const bank = (id: string, dep: string) => ({ id: `bank:${id}`, kind: 'bank' as const, name: { pl: id, en: id }, homepage: `https://${id}.example/`, dependsOn: [dep] });
  return configSchema.parse({
    store: { snapshotFile: '' },
    components: [
      svc('ikp', 'IKP'),
      svc('login-gov', 'login.gov.pl', []),
      svc('profil-zaufany', 'Profil Zaufany'),
      svc('mojeid', 'mojeID'),
      svc('mobywatel', 'mObywatel'),
      svc('e-dowod', 'e-dowód'),
      bank('pko-bp', 'profil-zaufany'),
      bank('santander', 'profil-zaufany'),
      bank('mbank', 'mojeid'),
      bank('sgb', 'mojeid'),
    ],
    loginMethods: [
      { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, path: ['login-gov', 'profil-zaufany', 'ikp'] },
      { id: 'pz-bank', name: { pl: 'PZ przez bank', en: 'PZ via bank' }, path: ['login-gov', 'profil-zaufany', 'bank', 'ikp'], banks: ['pko-bp', 'santander'] },
      { id: 'mojeid', name: { pl: 'mojeID', en: 'mojeID' }, path: ['login-gov', 'mojeid', 'bank', 'ikp'], banks: ['mbank', 'sgb'] },
      { id: 'mobywatel', name: { pl: 'mObywatel', en: 'mObywatel' }, path: ['login-gov', 'mobywatel', 'ikp'] },
      { id: 'e-dowod', name: { pl: 'e-dowód', en: 'e-ID' }, path: ['login-gov', 'e-dowod', 'ikp'] },
    ],
  });
}

/** Every login row in matrix order, for readable expectations. */
export const ALL_ROWS = ['profil-zaufany', 'pz-bank:pko-bp', 'pz-bank:santander', 'mojeid:mbank', 'mojeid:sgb', 'mobywatel', 'e-dowod'];

/** Rows minus the given ones. */
export const rowsExcept = (...gone: string[]): string[] => ALL_ROWS.filter((r) => !gone.some((g) => r === g || r.startsWith(`${g}:`)));

/** A state override: a status, or status + reason (+ rootCause). */
export type StateSpec = ComponentStatus | [ComponentStatus, ComponentReason, (string | null)?];

const DEFAULT_REASON: Record<ComponentStatus, ComponentReason> = { operational: 'ok', degraded: 'slow', maintenance: 'maintenance', outage: 'http_status', unknown: 'stale' };

/**
 * The world at `at`: every configured component operational unless overridden, put through the
 * same `publicState()` as the page (windows announced, data fresh), so triage reads what the page shows.
 */
export function worldOf(config: Config, at: number, spec: { states?: Record<string, StateSpec>; windows?: Partial<WorldWindow>[]; blind?: boolean } = {}): TriageWorld {
  const states = new Map<string, ComponentState>();
  for (const c of config.components) {
    const s = spec.states?.[c.id] ?? (spec.blind ? ['unknown', 'monitor_offline'] : 'operational');
    const [status, reason, rootCause] = typeof s === 'string' ? [s, DEFAULT_REASON[s], null] : s;
    states.set(c.id, { id: c.id, status, reason, rootCause: rootCause ?? null, since: at - 600_000, lastCheckedAt: at - 30_000 });
  }
  const windows = (spec.windows ?? []).map((w, i): WorldWindow => ({
    id: `w${i}`,
    kind: 'maintenance',
    components: [],
    start: at - 3_600_000,
    end: at + 3_600_000,
    title: 'Przerwa techniczna',
    link: 'https://pacjent.gov.pl/aktualnosc/przerwa',
    ...w,
  }));
  const state = publicState({
    now: at,
    components: config.components,
    loginMethods: config.loginMethods,
    states,
    windows: windows.map((w) => ({ ...w, state: 'announced' })),
    incidents: [],
    overrides: [],
    ...freshness(config),
  });
  return { at, basis: 'live', public: state, windows, blind: state.blind };
}

/** A validated triage input with defaults (method unknown, now, nothing else). */
export function inputOf(at: number, over: Partial<TriageInput> = {}): TriageInput {
  return { method: 'unknown', bank: null, occurredAt: at, symptom: null, errorTextClasses: [], profile: null, ...over };
}

/** Epoch ms of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso);

/** Numbers with a valid PESEL checksum (fictional people). */
export const PESELS = ['44051401359', '02070803628', '85010112345'];
