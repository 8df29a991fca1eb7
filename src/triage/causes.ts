import type { Config } from '../config/schema.ts';
import { ADVICE, expiringSoonAdvice, NO_CAUSE_ADVICE, NO_DATA_ADVICE, UNCLEAR_ADVICE, type Localized } from './advice.ts';
import { humanDates } from './human-dates.ts';
import { componentCauses, componentEvidence } from './component-causes.ts';
import type { Relevance } from './paths.ts';
import { CAUSE_CODES, type Cause, type Evidence, type Method, type ProfileVerdict, type TriageInput, type TriageWorld } from './types.ts';

/** Below this, a cause does not explain the failure and NO_KNOWN_CAUSE is offered as well. */
export const EXPLAINS = 0.6;
const BLIND_CONFIDENCE = 0.6;
const NO_CAUSE_CONFIDENCE = 0.5;
const NO_CAUSE_DOUBTFUL = 0.3;
const EXPIRING_CONFIDENCE = 0.1;

// How surely an expired profile blocks each method: PZ itself always; through a bank it is the
// bank-linked profile; an unknown method may or may not be PZ; other methods do not use it.
const EXPIRED_BY_METHOD: Record<Method, number> = { 'profil-zaufany': 0.97, 'pz-bank': 0.8, unknown: 0.7, mojeid: 0, mobywatel: 0, 'e-dowod': 0 };
// Without dates, a message saying "expired" (or "account already exists") is weaker evidence.
const SAID_EXPIRED_WEIGHT = 0.8;
const SAID_ACCOUNT_EXISTS_WEIGHT = 0.6;

function profileEvidence(v: ProfileVerdict): Evidence {
  return { kind: 'profile', basis: v.basis, lastValidDay: v.lastValidDay, validThrough: v.validThrough, daysLeft: v.daysLeft };
}

function symptomEvidence(input: TriageInput): Evidence {
  return { kind: 'symptom', symptom: input.symptom, errorTextClasses: input.errorTextClasses };
}

function cause(code: Cause['code'], confidence: number, evidence: Evidence[], advice: Localized = ADVICE[code], component: string | null = null): Cause {
  return { code, confidence: Math.round(confidence * 100) / 100, component, evidence, advice };
}

/** Causes from the trusted profile: dates when given (they win), otherwise what the patient saw. */
export function profileCauses(input: TriageInput, verdict: ProfileVerdict | null): Cause[] {
  const weight = EXPIRED_BY_METHOD[input.method];
  if (weight === 0) return [];
  if (verdict?.status === 'expired') return [cause('PZ_EXPIRED', weight, [profileEvidence(verdict)], ADVICE.PZ_EXPIRED, 'profil-zaufany')];
  if (verdict?.status === 'expiring-soon') {
    const day = { pl: humanDates('pl').day(verdict.lastValidDay), en: humanDates('en').day(verdict.lastValidDay) };
    return [cause('PZ_EXPIRING_SOON', EXPIRING_CONFIDENCE, [profileEvidence(verdict)], expiringSoonAdvice(day), 'profil-zaufany')];
  }
  if (verdict) return [];
  const saidExpired = input.symptom === 'profile-expired-message' || input.errorTextClasses.includes('profile-expired');
  const saidExists = input.errorTextClasses.includes('account-exists');
  if (!saidExpired && !saidExists) return [];
  return [cause('PZ_EXPIRED', weight * (saidExpired ? SAID_EXPIRED_WEIGHT : SAID_ACCOUNT_EXISTS_WEIGHT), [symptomEvidence(input)], ADVICE.PZ_EXPIRED, 'profil-zaufany')];
}

function noCauseAdvice(input: TriageInput): Localized {
  const byClass = input.errorTextClasses.map((c) => NO_CAUSE_ADVICE[c]).find((a) => a !== undefined);
  return (input.symptom ? NO_CAUSE_ADVICE[input.symptom] : undefined) ?? byClass ?? ADVICE.NO_KNOWN_CAUSE;
}

/**
 * All likely causes, strongest first (ties in catalogue order): failing components on the login's
 * path and the windows over them, the trusted profile, a blind monitor, and NO_KNOWN_CAUSE when
 * nothing found explains the failure. Never empty.
 */
export function rankCauses(config: Config, input: TriageInput, world: TriageWorld, rel: Relevance, verdict: ProfileVerdict | null): Cause[] {
  const causes = [...componentCauses(config, input, world, rel), ...profileCauses(input, verdict)];
  const unknown = [...rel.direct].sort().filter((id) => (world.states.get(id)?.status ?? 'unknown') === 'unknown');
  if (world.blind) causes.push(cause('MONITOR_BLIND', BLIND_CONFIDENCE, [{ kind: 'monitor', blind: true, unknownComponents: unknown }]));
  else if (!causes.some((c) => c.confidence >= EXPLAINS)) {
    const doubtful = unknown.length > 0 || causes.some((c) => c.code !== 'PZ_EXPIRING_SOON');
    const checked = [...rel.direct].sort().map((id) => componentEvidence(id, world.states.get(id)));
    const evidence: Evidence[] = [...checked, ...(unknown.length > 0 ? [{ kind: 'monitor', blind: false, unknownComponents: unknown } as const] : [])];
    if (input.symptom || input.errorTextClasses.length > 0) evidence.push(symptomEvidence(input));
    // "The services worked" only with evidence from that time for every service the login needs.
    causes.push(cause('NO_KNOWN_CAUSE', doubtful ? NO_CAUSE_DOUBTFUL : NO_CAUSE_CONFIDENCE, evidence, unknown.length > 0 ? NO_DATA_ADVICE : doubtful ? UNCLEAR_ADVICE : noCauseAdvice(input)));
  }
  const order = (c: Cause): number => CAUSE_CODES.indexOf(c.code);
  return causes.sort((a, b) => b.confidence - a.confidence || order(a) - order(b));
}
