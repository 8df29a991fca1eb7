import type { Config } from '../config/schema.ts';
import type { PublicComponent, PublicLogin } from '../domain/public-state.ts';
import { warsawIso } from '../domain/warsaw.ts';
import { ADVICE, announcedPartialAdvice, blockingPartialAdvice, joinAdvice, slowAdvice, stepSentence, unverifiedAdvice, type Localized } from './advice.ts';
import type { Relevance } from './paths.ts';
import type { Cause, CauseCode, Evidence, TriageInput, TriageWorld, WorldWindow } from './types.ts';

/**
 * How a component troubles the login, read from its public meaning (never from the bare status:
 * "degraded" may be slow, partial or an announcement, and each is told differently).
 * - `maintenance`, `outage`: as the page says;
 * - `blocks`: it works for others, but a login row of the patient stops at it (its `blockedBy`);
 * - `notice`, `incident`: trouble announced by a notice or an operator that our checks do not see;
 * - `slow`: measured latency; `unverified`: we cannot check it.
 */
export type Trouble = 'maintenance' | 'outage' | 'blocks' | 'notice' | 'incident' | 'slow' | 'unverified';

/** Confidence that a trouble on the login's own path explains the failure. */
export const TROUBLE_CONFIDENCE: Record<Trouble, number> = { maintenance: 0.95, outage: 0.9, blocks: 0.9, notice: 0.75, incident: 0.6, slow: 0.5, unverified: 0.4 };
/** Components the login may not even use (unknown method, unnamed bank) count for this share. */
export const INDIRECT_WEIGHT = 0.5;
// A failure explained by a failing dependency is more likely a consequence than a cause.
const CONSEQUENCE_WEIGHT = 0.8;
const HINT_BONUS = 0.05;
// A window known only from a notice published after the failure: still evidence, but not as strong as one announced before.
const ANNOUNCED_LATER_WEIGHT = 0.8;
// Troubles that stop a login (rather than slow it or leave it unchecked): the rows' alternatives are told with them.
const STOPS: ReadonlySet<Trouble> = new Set(['maintenance', 'outage', 'blocks', 'notice', 'incident']);

const SERVICE_CODES: Record<string, { maintenance: CauseCode; unavailable: CauseCode }> = {
  ikp: { maintenance: 'IKP_MAINTENANCE', unavailable: 'IKP_UNAVAILABLE' },
  'login-gov': { maintenance: 'LOGIN_GOV_UNAVAILABLE', unavailable: 'LOGIN_GOV_UNAVAILABLE' },
  'profil-zaufany': { maintenance: 'PZ_MAINTENANCE', unavailable: 'PZ_UNAVAILABLE' },
  mojeid: { maintenance: 'MOJEID_UNAVAILABLE', unavailable: 'MOJEID_UNAVAILABLE' },
  mobywatel: { maintenance: 'MOBYWATEL_UNAVAILABLE', unavailable: 'MOBYWATEL_UNAVAILABLE' },
  'e-dowod': { maintenance: 'EDOWOD_UNAVAILABLE', unavailable: 'EDOWOD_UNAVAILABLE' },
};
const BANK_CODES = { maintenance: 'BANK_MAINTENANCE', unavailable: 'BANK_UNAVAILABLE' } as const;

/** The cause code for a trouble of a component; null for a maintenance or outage of a component outside the catalogue. */
export function codeFor(id: string, kind: 'service' | 'bank', trouble: Trouble): CauseCode | null {
  // Slow, partial and unchecked are not "not working": each has its own code, never the *_UNAVAILABLE wording.
  if (trouble === 'slow') return 'SERVICE_SLOW';
  if (trouble === 'unverified') return 'SERVICE_UNVERIFIED';
  if (trouble === 'blocks' || trouble === 'notice' || trouble === 'incident') return 'SERVICE_PARTIAL';
  const codes = kind === 'bank' ? BANK_CODES : SERVICE_CODES[id];
  if (!codes) return null;
  return trouble === 'maintenance' ? codes.maintenance : codes.unavailable;
}

/**
 * The trouble of one component as the public state means it; null when it works (or we know
 * nothing about it: unknown is evidence of not knowing, see causes.ts). `blocksRow`: some login
 * row of the patient names it as `blockedBy`.
 */
export function troubleOf(c: PublicComponent | undefined, windows: WorldWindow[], blocksRow: boolean): Trouble | null {
  switch (c?.meaning) {
    case 'maintenance':
      return 'maintenance';
    case 'outage':
      return 'outage';
    case 'slow':
      return blocksRow ? 'blocks' : 'slow';
    case 'unverified':
      return 'unverified';
    case 'partial':
      if (blocksRow) return 'blocks';
      if (c.reason === 'outage_notice' || windows.some((w) => w.kind === 'outage')) return 'notice';
      // A minor incident names it; a hop other journeys stop at but this login passes is no cause.
      return c.reason === 'incident' ? 'incident' : null;
    default:
      if (blocksRow) return 'blocks';
      // A notice in force that the state has not taken in yet is still an announcement.
      return windows.some((w) => w.kind === 'outage') ? 'notice' : null;
  }
}

/** The configured plain-language name of a journey step, if it has one. */
export function stepName(config: Config, step: { probe: string; step: string } | undefined): { pl: string; en: string } | null {
  if (!step) return null;
  const probe = config.probes.find((p) => p.id === step.probe);
  return probe?.kind === 'journey' ? (probe.journey.steps.find((s) => s.id === step.step)?.name ?? null) : null;
}

/** Evidence of a component's public state. */
export function componentEvidence(id: string, c: PublicComponent | undefined): Evidence {
  return {
    kind: 'component',
    component: id,
    status: c?.status ?? 'unknown',
    meaning: c?.meaning ?? 'unknown',
    reason: c?.reason ?? 'no_data',
    since: c?.since ? warsawIso(c.since) : null,
    rootCause: c?.rootCause ?? null,
    step: c?.journeyStep ?? null,
  };
}

/** Evidence of a public login row. */
export function loginEvidence(r: PublicLogin): Evidence {
  return { kind: 'login', row: r.id, works: r.works, meaning: r.meaning, blockedBy: r.blockedBy, until: r.until === null ? null : warsawIso(r.until), unknownOn: [...r.unknownOn] };
}

/** Evidence of a window: its times and notice link. */
export function windowEvidence(w: WorldWindow): Evidence {
  return {
    kind: 'window',
    windowId: w.id,
    windowKind: w.kind,
    components: w.components,
    start: warsawIso(w.start),
    end: w.end === null ? null : warsawIso(w.end),
    link: w.link,
    title: w.title,
  };
}

// What the patient saw that points at a component (a small nudge, never a cause by itself).
function hinted(input: TriageInput, id: string, kind: 'service' | 'bank', trouble: Trouble): boolean {
  const s = input.symptom;
  const c = input.errorTextClasses;
  return (
    (s === 'cannot-open-page' && id === 'ikp') ||
    (s === 'bank-login-fails' && kind === 'bank') ||
    (s === 'no-sms-code' && id === 'profil-zaufany') ||
    (s === 'error-after-method' && id !== 'ikp') ||
    (c.includes('maintenance') && trouble === 'maintenance') ||
    (c.includes('unavailable') && trouble !== 'maintenance') ||
    (c.includes('bank') && kind === 'bank')
  );
}

/** What the patient should read for one trouble of one component. */
function adviceFor(code: CauseCode, trouble: Trouble, name: { pl: string; en: string }, c: PublicComponent | undefined, step: { pl: string; en: string } | null): Localized {
  switch (trouble) {
    case 'slow':
      return slowAdvice(name);
    case 'unverified':
      return unverifiedAdvice(name, c?.reason ?? 'no_data');
    case 'blocks':
      return blockingPartialAdvice(name, step);
    case 'notice':
      return announcedPartialAdvice(name, 'notice');
    case 'incident':
      return announcedPartialAdvice(name, 'incident');
    default:
      // A journey that stops at this service names the step, as the page does.
      return joinAdvice(ADVICE[code], step ? stepSentence(step) : null);
  }
}

/** What component causes are computed from: the world, the patient's rows and what the rows say about other methods. */
export interface ComponentCauseInput {
  config: Config;
  input: TriageInput;
  world: TriageWorld;
  rel: Relevance;
  /** The public login rows the patient may be using (see rows.ts). */
  rows: PublicLogin[];
  /** Said after every cause that stops the login (see `alternativesSentence`). */
  alternatives: Localized | null;
  /** Announced end of the rows' blocker, written for people; said with the blocker's cause. */
  until: { component: string; text: Localized } | null;
}

/** Causes from troubled components relevant to the login, one per code (the strongest wins). */
export function componentCauses(x: ComponentCauseInput): Cause[] {
  const { config, input, world, rel, rows } = x;
  const byId = new Map(world.public.components.map((c) => [c.id, c]));
  const windowsOf = (id: string): WorldWindow[] => world.windows.filter((w) => w.components.includes(id));
  const blockedRows = (id: string): PublicLogin[] => rows.filter((r) => r.works === false && r.blockedBy === id);
  const troubles = new Map<string, Trouble>();
  for (const c of config.components) {
    const blocks = blockedRows(c.id).length > 0;
    const t = troubleOf(byId.get(c.id), windowsOf(c.id), blocks);
    if (t && (blocks || rel.direct.has(c.id) || rel.indirect.has(c.id))) troubles.set(c.id, t);
  }
  const best = new Map<CauseCode, Cause>();
  for (const c of config.components) {
    const trouble = troubles.get(c.id);
    const code = trouble ? codeFor(c.id, c.kind, trouble) : null;
    if (!trouble || !code) continue;
    const pub = byId.get(c.id);
    const blocked = blockedRows(c.id);
    // A blocker of every candidate row surely is on the login's path; of some rows, only maybe.
    const direct = trouble === 'blocks' ? blocked.length === rows.length : rel.direct.has(c.id);
    let confidence = TROUBLE_CONFIDENCE[trouble] * (direct ? 1 : INDIRECT_WEIGHT);
    if (pub?.rootCause && pub.rootCause !== c.id && troubles.has(pub.rootCause)) confidence *= CONSEQUENCE_WEIGHT;
    const windows = windowsOf(c.id);
    const onlyLater = windows.length > 0 && windows.every((w) => w.firstSeenAt !== undefined && w.firstSeenAt > world.at);
    // Weaker only when the status rests on that announcement alone (not on our own checks or an operator).
    if (onlyLater && pub?.confidence === 'announced') confidence *= ANNOUNCED_LATER_WEIGHT;
    if (hinted(input, c.id, c.kind, trouble)) confidence += HINT_BONUS;
    const stops = STOPS.has(trouble);
    // A consequence names its cause, as the page's card does ("Przyczyna: …").
    const root = pub?.rootCause && pub.rootCause !== c.id ? config.components.find((k) => k.id === pub.rootCause) : undefined;
    const advice = joinAdvice(
      adviceFor(code, trouble, c.name, pub, stepName(config, pub?.journeyStep)),
      root ? { pl: `Przyczyna: ${root.name.pl}.`, en: `Cause: ${root.name.en}.` } : null,
      x.until?.component === c.id ? x.until.text : null,
      stops ? x.alternatives : null,
    );
    const cause: Cause = {
      code,
      confidence: Math.min(0.99, Math.round(confidence * 100) / 100),
      component: c.id,
      evidence: [componentEvidence(c.id, pub), ...blocked.map(loginEvidence), ...windows.map(windowEvidence)],
      advice,
    };
    const prev = best.get(code);
    if (!prev || prev.confidence < cause.confidence) best.set(code, cause);
  }
  return [...best.values()];
}
