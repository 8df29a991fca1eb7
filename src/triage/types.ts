import type { Meaning, PublicState } from '../domain/public-state.ts';
import type { ComponentStatus, MaintenanceWindow } from '../domain/types.ts';

/** Login methods a patient can name; `unknown` when they cannot tell. */
export const METHODS = ['profil-zaufany', 'pz-bank', 'mojeid', 'mobywatel', 'e-dowod', 'unknown'] as const;
/** A login method id. */
export type Method = (typeof METHODS)[number];

/** Documented symptom codes (what the patient saw). */
export const SYMPTOMS = [
  'cannot-open-page',
  'error-after-method',
  'bank-login-fails',
  'no-sms-code',
  'profile-expired-message',
  'wrong-password',
  'other',
] as const;
/** A symptom code. */
export type Symptom = (typeof SYMPTOMS)[number];

/** Stable cause codes, in tie-break order (earlier wins at equal confidence). */
export const CAUSE_CODES = [
  'IKP_MAINTENANCE',
  'LOGIN_GOV_UNAVAILABLE',
  'PZ_MAINTENANCE',
  'BANK_MAINTENANCE',
  'PZ_EXPIRED',
  'PZ_EXPIRY_CONFLICT',
  'IKP_UNAVAILABLE',
  'PZ_UNAVAILABLE',
  'MOJEID_UNAVAILABLE',
  'BANK_UNAVAILABLE',
  'MOBYWATEL_UNAVAILABLE',
  'EDOWOD_UNAVAILABLE',
  'SERVICE_PARTIAL',
  'SERVICE_SLOW',
  'SERVICE_UNVERIFIED',
  'MONITOR_BLIND',
  'NO_KNOWN_CAUSE',
  'PZ_EXPIRING_SOON',
] as const;
/** A stable cause code. */
export type CauseCode = (typeof CAUSE_CODES)[number];

/** Trusted-profile dates as the patient gave them (Warsaw calendar dates, YYYY-MM-DD). */
export interface ProfileDates {
  validUntil?: string;
  confirmedAt?: string;
  extendedAt?: string;
}

/** Validated triage input; `bank` is a bare bank id (no `bank:` prefix). */
export interface TriageInput {
  method: Method;
  bank: string | null;
  /** Epoch ms. */
  occurredAt: number;
  symptom: Symptom | null;
  /** Keyword classes found in the patient's error text; the text itself is dropped at validation. */
  errorTextClasses: ErrorTextClass[];
  profile: ProfileDates | null;
}

/** Keyword classes of a free error text. */
export const ERROR_TEXT_CLASSES = ['profile-expired', 'wrong-password', 'sms', 'maintenance', 'unavailable', 'bank', 'account-exists'] as const;
/** A keyword class of an error text. */
export type ErrorTextClass = (typeof ERROR_TEXT_CLASSES)[number];

/** A maintenance or outage window as the triage needs it (times in epoch ms). */
export type WorldWindow = Pick<MaintenanceWindow, 'id' | 'kind' | 'components' | 'start' | 'end' | 'title' | 'link'> & {
  /** Epoch ms the notice was first seen; a window announced only after `at` is weaker evidence. */
  firstSeenAt?: number;
};

/**
 * The monitored world at one instant: the public state the page shows (live), or the one it
 * showed then (history), and the windows in force. Triage reads statuses, meanings, root causes,
 * failing hops, login rows and their alternatives from `public` and never re-derives them.
 */
export interface TriageWorld {
  /** Epoch ms the world describes. */
  at: number;
  /** `live`: the in-process snapshot; `history`: stored transitions and windows. */
  basis: 'live' | 'history';
  /** The public state at `at`: one component per configured component, one row per login method (and bank). */
  public: PublicState;
  /** Windows in force at `at` (see history.ts for the withdrawn-window rule). */
  windows: WorldWindow[];
  /** True when the monitor could not trust its own probes at `at` (not merely: no history kept then). */
  blind: boolean;
}

/** One piece of evidence behind a cause. */
export type Evidence =
  | {
      kind: 'component';
      component: string;
      status: ComponentStatus;
      /** What the status means (slow, partial, unverified, …), as the page says it. */
      meaning: Meaning;
      reason: string;
      since: string | null;
      rootCause: string | null;
      /** The journey step where logging in stops, when a journey decided the status. */
      step: { probe: string; step: string } | null;
    }
  | {
      kind: 'login';
      /** The public login row (`method` or `method:bank`). */
      row: string;
      works: boolean | null;
      meaning: Meaning;
      blockedBy: string | null;
      /** Announced end of the blocker's trouble, ISO-8601 Warsaw. */
      until: string | null;
      unknownOn: string[];
    }
  | { kind: 'window'; windowId: string; windowKind: 'maintenance' | 'outage'; components: string[]; start: string; end: string | null; link: string | null; title: string }
  | { kind: 'profile'; basis: 'validUntil' | 'confirmedAt' | 'extendedAt'; lastValidDay: string; validThrough: string; daysLeft: number }
  | { kind: 'symptom'; symptom: Symptom | null; errorTextClasses: ErrorTextClass[] }
  | { kind: 'monitor'; blind: boolean; unknownComponents: string[] };

/** A ranked, evidenced likely cause. */
export interface Cause {
  code: CauseCode;
  /** 0..1, how strongly the evidence points here. */
  confidence: number;
  /** The component blamed, when there is one. */
  component: string | null;
  evidence: Evidence[];
  advice: { pl: string; en: string };
}

/** A login row the public state lists as an alternative at `occurredAt`. */
export interface Alternative {
  id: string;
  method: string;
  bank: string | null;
  name: { pl: string; en: string };
}

/** The whole triage answer (the body of POST /api/v1/triage). */
export interface TriageResult {
  occurredAt: string;
  basis: 'live' | 'history';
  method: Method;
  bank: string | null;
  monitor: { blind: boolean };
  causes: Cause[];
  /**
   * Exactly the public login row's alternatives (for several candidate rows, those of the rows that
   * do not work, as the page's method line lists them). null: nothing to say (the login works, or we
   * cannot tell); []: no other method is known to work.
   */
  alternatives: Alternative[] | null;
  whereToCheck: { url: string; label: { pl: string; en: string } }[];
  /** The trusted profile judged at `occurredAt`, with its validity in words (said once per face). */
  profile: (ProfileVerdict & { text: { pl: string; en: string } }) | null;
  escalation: Escalation;
}

/** The trusted profile judged at `occurredAt`. */
export interface ProfileVerdict {
  basis: 'validUntil' | 'confirmedAt' | 'extendedAt';
  lastValidDay: string;
  validThrough: string;
  status: 'valid' | 'expiring-soon' | 'expired';
  /** Whole Warsaw calendar days from `occurredAt`'s day to the last valid day (negative once expired). */
  daysLeft: number;
}

/** What the helpdesk needs, ready to send; never holds PESEL, passwords, SMS codes or health data. */
export interface Escalation {
  /** False when a known cause explains the trouble and a ticket would not help. */
  recommended: boolean;
  to: string;
  phone: string;
  subject: { pl: string; en: string };
  text: { pl: string; en: string };
  mailto: { pl: string; en: string };
}
