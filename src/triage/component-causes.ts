import type { Config } from '../config/schema.ts';
import type { ComponentState } from '../domain/types.ts';
import { warsawIso } from '../web/window-view.ts';
import { ADVICE, slowAdvice } from './advice.ts';
import type { Relevance } from './paths.ts';
import type { Cause, CauseCode, Evidence, TriageInput, TriageWorld, WorldWindow } from './types.ts';

/** How a component was failing at the time. */
export type Trouble = 'maintenance' | 'outage' | 'outage-notice' | 'degraded';

/** Confidence that a trouble on the login's own path explains the failure. */
export const TROUBLE_CONFIDENCE: Record<Trouble, number> = { maintenance: 0.95, outage: 0.9, 'outage-notice': 0.75, degraded: 0.5 };
/** Components the login may not even use (unknown method, unnamed bank) count for this share. */
export const INDIRECT_WEIGHT = 0.5;
// A failure explained by a failing dependency is more likely a consequence than a cause.
const CONSEQUENCE_WEIGHT = 0.8;
const HINT_BONUS = 0.05;
// A window known only from a notice published after the failure: still evidence, but not as strong as one announced before.
const ANNOUNCED_LATER_WEIGHT = 0.8;

const SERVICE_CODES: Record<string, { maintenance: CauseCode; unavailable: CauseCode }> = {
  ikp: { maintenance: 'IKP_MAINTENANCE', unavailable: 'IKP_UNAVAILABLE' },
  'login-gov': { maintenance: 'LOGIN_GOV_UNAVAILABLE', unavailable: 'LOGIN_GOV_UNAVAILABLE' },
  'profil-zaufany': { maintenance: 'PZ_MAINTENANCE', unavailable: 'PZ_UNAVAILABLE' },
  mojeid: { maintenance: 'MOJEID_UNAVAILABLE', unavailable: 'MOJEID_UNAVAILABLE' },
  mobywatel: { maintenance: 'MOBYWATEL_UNAVAILABLE', unavailable: 'MOBYWATEL_UNAVAILABLE' },
  'e-dowod': { maintenance: 'EDOWOD_UNAVAILABLE', unavailable: 'EDOWOD_UNAVAILABLE' },
};
const BANK_CODES = { maintenance: 'BANK_MAINTENANCE', unavailable: 'BANK_UNAVAILABLE' } as const;

/** The cause code for a trouble of a component; null for components outside the catalogue. */
export function codeFor(id: string, kind: 'service' | 'bank', trouble: Trouble): CauseCode | null {
  // Slow is not "not working": it gets its own code and never the *_UNAVAILABLE wording.
  if (trouble === 'degraded') return 'SERVICE_SLOW';
  const codes = kind === 'bank' ? BANK_CODES : SERVICE_CODES[id];
  if (!codes) return null;
  return trouble === 'maintenance' ? codes.maintenance : codes.unavailable;
}

/** The trouble of one component given its state and the windows in force; null when it was fine or unknown. */
export function troubleOf(state: ComponentState | undefined, windows: WorldWindow[]): Trouble | null {
  if (state?.status === 'maintenance' || windows.some((w) => w.kind === 'maintenance')) return 'maintenance';
  if (state?.status === 'outage') return 'outage';
  if (windows.some((w) => w.kind === 'outage') || (state?.status === 'degraded' && state.reason === 'outage_notice')) return 'outage-notice';
  return state?.status === 'degraded' ? 'degraded' : null;
}

/** Evidence of a component's state. */
export function componentEvidence(id: string, s: ComponentState | undefined): Evidence {
  return {
    kind: 'component',
    component: id,
    status: s?.status ?? 'unknown',
    reason: s?.reason ?? 'no_data',
    since: s && s.since > 0 ? warsawIso(s.since) : null,
    rootCause: s?.rootCause ?? null,
  };
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

/** Causes from failing components relevant to the login, one per code (the strongest wins). */
export function componentCauses(config: Config, input: TriageInput, world: TriageWorld, rel: Relevance): Cause[] {
  const troubles = new Map<string, Trouble>();
  for (const c of config.components) {
    const t = troubleOf(world.states.get(c.id), world.windows.filter((w) => w.components.includes(c.id)));
    if (t && (rel.direct.has(c.id) || rel.indirect.has(c.id))) troubles.set(c.id, t);
  }
  const best = new Map<CauseCode, Cause>();
  for (const c of config.components) {
    const trouble = troubles.get(c.id);
    const code = trouble ? codeFor(c.id, c.kind, trouble) : null;
    if (!trouble || !code) continue;
    const state = world.states.get(c.id);
    let confidence = TROUBLE_CONFIDENCE[trouble] * (rel.direct.has(c.id) ? 1 : INDIRECT_WEIGHT);
    if (state?.rootCause && troubles.has(state.rootCause)) confidence *= CONSEQUENCE_WEIGHT;
    const windows = world.windows.filter((w) => w.components.includes(c.id));
    const onlyLater = windows.length > 0 && windows.every((w) => w.firstSeenAt !== undefined && w.firstSeenAt > world.at);
    if (onlyLater && state?.status !== 'maintenance' && state?.status !== 'outage') confidence *= ANNOUNCED_LATER_WEIGHT;
    if (hinted(input, c.id, c.kind, trouble)) confidence += HINT_BONUS;
    const cause: Cause = {
      code,
      confidence: Math.min(0.99, Math.round(confidence * 100) / 100),
      component: c.id,
      evidence: [componentEvidence(c.id, state), ...windows.map(windowEvidence)],
      advice: trouble === 'degraded' ? slowAdvice(c.name) : ADVICE[code],
    };
    const prev = best.get(code);
    if (!prev || prev.confidence < cause.confidence) best.set(code, cause);
  }
  return [...best.values()];
}
