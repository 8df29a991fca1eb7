import type { Config } from '../config/schema.ts';
import type { ComponentState } from '../domain/types.ts';
import { alternatives, loginMatrix } from '../engine/index.ts';
import { rankCauses } from './causes.ts';
import { buildEscalation } from './escalation.ts';
import { relevance } from './paths.ts';
import { judgeProfile, profileExpiry, warsawDay } from './profile-expiry.ts';
import { warsawIsoSeconds } from './time-input.ts';
import type { Alternative, Cause, ProfileVerdict, TriageInput, TriageResult, TriageWorld } from './types.ts';

const IKP_FRONT_PAGE = 'https://pacjent.gov.pl/';

/** The trusted profile judged at `occurredAt` (dates after that day did not exist yet then). */
export function profileVerdict(input: TriageInput): ProfileVerdict | null {
  const expiry = input.profile ? profileExpiry(input.profile, warsawDay(input.occurredAt)) : null;
  return expiry ? judgeProfile(expiry, input.occurredAt) : null;
}

/** Login rows that worked at the time; a maintenance window in force blocks its components even if the state lags. */
export function workingAlternatives(config: Config, input: TriageInput, world: TriageWorld): Alternative[] {
  const states = new Map<string, ComponentState>(world.states);
  for (const w of world.windows) {
    if (w.kind !== 'maintenance') continue;
    for (const id of w.components) {
      const s = states.get(id);
      if (s) states.set(id, { ...s, status: 'maintenance', reason: 'maintenance' });
    }
  }
  const names = new Map(config.components.map((c) => [c.id, c.name]));
  const methodNames = new Map(config.loginMethods.map((m) => [m.id, m.name]));
  // Only rows known to work without trouble: a slow or unknown path is not offered as the way out.
  const rows = alternatives(loginMatrix(config.loginMethods, states), input.method === 'unknown' ? undefined : input.method).filter((r) => r.status === 'operational');
  return rows.map((r) => {
    const m = methodNames.get(r.method) ?? { pl: r.method, en: r.method };
    const b = r.bank === null ? null : (names.get(`bank:${r.bank}`) ?? { pl: r.bank, en: r.bank });
    return { id: r.id, method: r.method, bank: r.bank, name: b ? { pl: `${m.pl}: ${b.pl}`, en: `${m.en}: ${b.en}` } : m };
  });
}

/** pacjent.gov.pl's front page, the patient's bank and the site of the component blamed first. */
export function whereToCheck(config: Config, input: TriageInput, first: Cause | undefined): TriageResult['whereToCheck'] {
  const byId = new Map(config.components.map((c) => [c.id, c]));
  const ikp = byId.get('ikp');
  const out: TriageResult['whereToCheck'] = [{ url: ikp?.homepage ?? IKP_FRONT_PAGE, label: { pl: 'pacjent.gov.pl: komunikaty na stronie głównej', en: 'pacjent.gov.pl: notices on the front page' } }];
  const add = (id: string | null | undefined): void => {
    const c = id ? byId.get(id) : undefined;
    if (c?.homepage && !out.some((o) => o.url === c.homepage)) out.push({ url: c.homepage, label: { pl: `${c.name.pl}: komunikaty`, en: `${c.name.en}: notices` } });
  };
  add(input.bank ? `bank:${input.bank}` : null);
  add(first?.component);
  return out;
}

/**
 * The triage engine (pure): given validated input, the world at `occurredAt` and the config,
 * the ranked causes, working alternatives, where to check and a ready escalation.
 */
export function triage(input: TriageInput, world: TriageWorld, config: Config): TriageResult {
  const rel = relevance(config, input.method, input.bank);
  const verdict = profileVerdict(input);
  const causes = rankCauses(config, input, world, rel, verdict);
  return {
    occurredAt: warsawIsoSeconds(input.occurredAt),
    basis: world.basis,
    method: input.method,
    bank: input.bank,
    monitor: { blind: world.blind },
    causes,
    alternatives: workingAlternatives(config, input, world),
    whereToCheck: whereToCheck(config, input, causes[0]),
    profile: verdict,
    escalation: buildEscalation(config, input, world, causes, verdict, [...rel.direct].sort()),
  };
}
