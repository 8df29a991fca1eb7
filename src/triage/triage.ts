import type { Config } from '../config/schema.ts';
import { atSentenceStart } from '../domain/polish-text.ts';
import { rankCauses } from './causes.ts';
import { buildEscalation } from './escalation.ts';
import { relevance } from './paths.ts';
import { judgeProfile, profileExpiry } from './profile-expiry.ts';
import { warsawDay } from '../domain/warsaw.ts';
import { profileText } from './profile-text.ts';
import { alternativeViews, patientRows, rowAlternatives } from './rows.ts';
import { warsawIsoSeconds } from './time-input.ts';
import type { Cause, ProfileVerdict, TriageInput, TriageResult, TriageWorld } from './types.ts';

const IKP_FRONT_PAGE = 'https://pacjent.gov.pl/';

/** The trusted profile judged at `occurredAt` (dates after that day did not exist yet then). */
export function profileVerdict(input: TriageInput): ProfileVerdict | null {
  const expiry = input.profile ? profileExpiry(input.profile, warsawDay(input.occurredAt)) : null;
  return expiry ? judgeProfile(expiry, input.occurredAt) : null;
}

/** pacjent.gov.pl's front page, the patient's bank and the site of the component blamed first. */
export function whereToCheck(config: Config, input: TriageInput, first: Cause | undefined): TriageResult['whereToCheck'] {
  const byId = new Map(config.components.map((c) => [c.id, c]));
  const ikp = byId.get('ikp');
  const out: TriageResult['whereToCheck'] = [{ url: ikp?.homepage ?? IKP_FRONT_PAGE, label: { pl: 'pacjent.gov.pl: komunikaty na stronie głównej', en: 'pacjent.gov.pl: notices on the front page' } }];
  const add = (id: string | null | undefined): void => {
    const c = id ? byId.get(id) : undefined;
    // A label starts like a sentence: "Aplikacja mObywatel: komunikaty".
    if (c?.homepage && !out.some((o) => o.url === c.homepage)) out.push({ url: c.homepage, label: { pl: `${atSentenceStart(c.name.pl)}: komunikaty`, en: `${c.name.en}: notices` } });
  };
  add(input.bank ? `bank:${input.bank}` : null);
  add(first?.component);
  return out;
}

/**
 * The triage engine (pure): given validated input, the world at `occurredAt` and the config,
 * the ranked causes, the login rows' alternatives, where to check and a ready escalation.
 */
export function triage(input: TriageInput, world: TriageWorld, config: Config): TriageResult {
  const rel = relevance(config, input.method, input.bank);
  const verdict = profileVerdict(input);
  // The page's own login rows say what works and what else does: triage tells the same.
  const rows = patientRows(world.public.logins, input);
  const alternatives = rowAlternatives(rows, world.public.logins);
  const causes = rankCauses({ config, input, world, rel, rows, verdict, alternatives });
  return {
    occurredAt: warsawIsoSeconds(input.occurredAt),
    basis: world.basis,
    method: input.method,
    bank: input.bank,
    monitor: { blind: world.blind },
    causes,
    alternatives: alternatives === null ? null : alternativeViews(config, world.public, alternatives),
    whereToCheck: whereToCheck(config, input, causes[0]),
    profile: verdict ? { ...verdict, text: profileText(verdict) } : null,
    escalation: buildEscalation(config, input, world, causes, verdict, [...rel.direct].sort()),
  };
}
