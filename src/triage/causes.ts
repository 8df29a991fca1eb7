import {
  ADVICE,
  alternativesSentence,
  blindAdvice,
  expiringSoonAdvice,
  expiryConflictAdvice,
  joinAdvice,
  NO_CAUSE_ADVICE,
  NO_DATA_ADVICE,
  rowWorksSentence,
  UNCLEAR_ADVICE,
  type Localized,
} from './advice.ts';
import { humanDates } from './human-dates.ts';
import { componentCauses, componentEvidence, loginEvidence, type ComponentCauseInput } from './component-causes.ts';
import { alternativeViews } from './rows.ts';
import { CAUSE_CODES, type Cause, type Evidence, type Method, type ProfileVerdict, type TriageInput } from './types.ts';

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
// The patient saw "expired" but entered a date saying valid: one of them is wrong, and PZ's own date decides.
const CONFLICT_WEIGHT = 0.75;

function profileEvidence(v: ProfileVerdict): Evidence {
  return { kind: 'profile', basis: v.basis, lastValidDay: v.lastValidDay, validThrough: v.validThrough, daysLeft: v.daysLeft };
}

function symptomEvidence(input: TriageInput): Evidence {
  return { kind: 'symptom', symptom: input.symptom, errorTextClasses: input.errorTextClasses };
}

function cause(code: Cause['code'], confidence: number, evidence: Evidence[], advice: Localized = ADVICE[code], component: string | null = null): Cause {
  return { code, confidence: Math.round(confidence * 100) / 100, component, evidence, advice };
}

/** Both languages of a Warsaw day, written the local way. */
function dayText(isoDay: string): { pl: string; en: string } {
  return { pl: humanDates('pl').day(isoDay), en: humanDates('en').day(isoDay) };
}

/**
 * Causes from the trusted profile: dates when given, otherwise what the patient saw. When both are
 * given and disagree (an "expired" message, a date saying valid), both are told, not one dropped.
 */
export function profileCauses(input: TriageInput, verdict: ProfileVerdict | null): Cause[] {
  const weight = EXPIRED_BY_METHOD[input.method];
  if (weight === 0) return [];
  const saidExpired = input.symptom === 'profile-expired-message' || input.errorTextClasses.includes('profile-expired');
  if (verdict?.status === 'expired') return [cause('PZ_EXPIRED', weight, [profileEvidence(verdict)], ADVICE.PZ_EXPIRED, 'profil-zaufany')];
  const out: Cause[] = [];
  if (verdict && saidExpired) {
    out.push(cause('PZ_EXPIRY_CONFLICT', weight * SAID_EXPIRED_WEIGHT * CONFLICT_WEIGHT, [profileEvidence(verdict), symptomEvidence(input)], expiryConflictAdvice(dayText(verdict.lastValidDay)), 'profil-zaufany'));
  }
  if (verdict?.status === 'expiring-soon') {
    out.push(cause('PZ_EXPIRING_SOON', EXPIRING_CONFIDENCE, [profileEvidence(verdict)], expiringSoonAdvice(dayText(verdict.lastValidDay)), 'profil-zaufany'));
  }
  if (verdict) return out;
  const saidExists = input.errorTextClasses.includes('account-exists');
  if (!saidExpired && !saidExists) return [];
  return [cause('PZ_EXPIRED', weight * (saidExpired ? SAID_EXPIRED_WEIGHT : SAID_ACCOUNT_EXISTS_WEIGHT), [symptomEvidence(input)], ADVICE.PZ_EXPIRED, 'profil-zaufany')];
}

function noCauseAdvice(input: TriageInput): Localized {
  const byClass = input.errorTextClasses.map((c) => NO_CAUSE_ADVICE[c]).find((a) => a !== undefined);
  return (input.symptom ? NO_CAUSE_ADVICE[input.symptom] : undefined) ?? byClass ?? ADVICE.NO_KNOWN_CAUSE;
}

/** What ranking reads besides the world: see ComponentCauseInput; `alternatives` are the rows' alternative ids. */
export interface RankInput extends Omit<ComponentCauseInput, 'alternatives' | 'until'> {
  verdict: ProfileVerdict | null;
  alternatives: string[] | null;
}

/** "Zapowiedziany koniec: …" when every candidate row is blocked by one component with an announced end. */
function untilOf(x: RankInput): ComponentCauseInput['until'] {
  const first = x.rows[0];
  if (!first || first.works !== false || first.until === null || !x.rows.every((r) => r.works === false && r.blockedBy === first.blockedBy && r.until === first.until)) return null;
  const until = first.until;
  return { component: first.blockedBy ?? '', text: { pl: `Zapowiedziany koniec: ${humanDates('pl').at(until)}.`, en: `Announced end: ${humanDates('en').at(until)}.` } };
}

/**
 * All likely causes, strongest first (ties in catalogue order): troubled components on the login's
 * path and the windows over them, read from the public state; the trusted profile; a blind
 * monitor; and NO_KNOWN_CAUSE when nothing found explains the failure. Never empty.
 */
export function rankCauses(x: RankInput): Cause[] {
  const { config, input, world, rel, rows, verdict } = x;
  const alternatives = alternativesSentence(x.alternatives, world.basis);
  const causes = [...componentCauses({ ...x, alternatives, until: untilOf(x) }), ...profileCauses(input, verdict)];
  const byId = new Map(world.public.components.map((c) => [c.id, c]));
  const meaningOf = (id: string) => byId.get(id)?.meaning ?? 'unknown';
  const unknown = [...rel.direct].sort().filter((id) => meaningOf(id) === 'unknown');
  // "The services worked" is a claim about every service the login may use, the maybe-used ones
  // (an unnamed bank, an unknown method) included: any of them partial, unchecked or unknown makes it doubtful.
  const notShownWorking = [...rel.direct, ...rel.indirect].filter((id) => meaningOf(id) !== 'works' && meaningOf(id) !== 'slow');
  if (world.blind) causes.push(cause('MONITOR_BLIND', BLIND_CONFIDENCE, [{ kind: 'monitor', blind: true, unknownComponents: unknown }], blindAdvice(world.public)));
  else if (!causes.some((c) => c.confidence >= EXPLAINS)) {
    const checked = [...rel.direct].sort().map((id) => componentEvidence(id, byId.get(id)));
    const evidence: Evidence[] = [...checked, ...rows.map(loginEvidence), ...(unknown.length > 0 ? [{ kind: 'monitor', blind: false, unknownComponents: unknown } as const] : [])];
    if (input.symptom || input.errorTextClasses.length > 0) evidence.push(symptomEvidence(input));
    // "The services worked" only with evidence from that time for every service the login needs.
    // A partial hop the patient's one working row passes (the chooser lost only the PZ tile) leaves
    // that row's word standing; with several rows (an unknown method) it makes the claim doubtful.
    const only = rows.length === 1 && rows[0]!.works === true ? alternativeViews(config, world.public, [rows[0]!.id])[0] : undefined;
    const unseen = notShownWorking.filter((id) => meaningOf(id) !== 'partial' || only === undefined);
    const doubtful = unknown.length > 0 || unseen.length > 0 || causes.some((c) => c.code !== 'PZ_EXPIRING_SOON');
    const advice = unknown.length > 0 || unseen.some((id) => meaningOf(id) === 'unknown') ? NO_DATA_ADVICE : doubtful ? UNCLEAR_ADVICE : joinAdvice(only ? rowWorksSentence(only.name, world.basis) : null, noCauseAdvice(input));
    causes.push(cause('NO_KNOWN_CAUSE', doubtful ? NO_CAUSE_DOUBTFUL : NO_CAUSE_CONFIDENCE, evidence, advice));
  }
  const order = (c: Cause): number => CAUSE_CODES.indexOf(c.code);
  return causes.sort((a, b) => b.confidence - a.confidence || order(a) - order(b));
}
