/**
 * The one public state: what every face (page, APIs, Statuspage JSON, badges, feeds, metrics,
 * triage, webhooks) says about the world at one instant. Computed once by
 * `publicState()` (src/status/public-state.ts); faces only format it, never re-derive it.
 */
import type { ComponentReason, ComponentStatus } from './types.ts';

/** Where a component's public status comes from. */
export const CONFIDENCES = ['measured', 'announced', 'operator', 'stale', 'unknown'] as const;
/**
 * - `measured`: fresh probe results;
 * - `announced`: an announced maintenance window or outage notice;
 * - `operator`: an operator override or an open incident;
 * - `stale`: we had data but it is too old to tell (says "nie wiemy", with its age);
 * - `unknown`: never measured, or the monitor is blind.
 */
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * What a status means to a patient, each with its own words (DESIGN.md §3). The status says how
 * bad; the meaning says what kind of trouble, so "wolniej" is said for measured slowness alone.
 * - `works`: checked and fine;
 * - `slow`: measured latency over the threshold, logins still go through;
 * - `partial`: some methods or functions fail while others work (a hop that other journeys pass,
 *   a minor incident, an official notice of trouble that our checks do not see);
 * - `unverified`: we cannot check it (a WAF blocked the check, the page changed): "nie możemy sprawdzić";
 * - `maintenance`, `outage`: as the status says;
 * - `unknown`: no data, stale data or a blind monitor.
 */
export const MEANINGS = ['works', 'slow', 'partial', 'unverified', 'maintenance', 'outage', 'unknown'] as const;
export type Meaning = (typeof MEANINGS)[number];

/** Reasons that mean the check could not be made, not that the target failed. */
export const UNVERIFIED_REASONS: readonly string[] = ['blocked', 'page_changed'];

/**
 * Reasons only the public state adds on top of the engine's. `records_unavailable`: this replica
 * cannot read the operator records (incidents, overrides, maintenance windows) and holds no copy.
 */
export type PublicReason = ComponentReason | 'incident' | 'records_unavailable';

/** Statuspage-compatible page indicator, least to most serious. */
export const INDICATORS = ['none', 'maintenance', 'minor', 'major', 'critical'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Incident impacts (Statuspage vocabulary). */
export type Impact = 'minor' | 'major' | 'critical';

/** An incident as the public state needs it. */
export interface PublicIncidentInput {
  id: string;
  impact: Impact;
  open: boolean;
  components: string[];
  /** Epoch ms. */
  createdAt: number;
}

/** A window as the public state needs it (epoch ms). */
export interface PublicWindowInput {
  id: string;
  kind: 'maintenance' | 'outage';
  /** Only `announced` windows count; pending suggestions, withdrawn and cancelled ones do not. */
  state: string;
  components: string[];
  start: number;
  end: number | null;
}

/** An operator override in force (epoch ms). */
export interface PublicOverrideInput {
  component: string;
  status: ComponentStatus;
  expiresAt: number;
}

/** What a component's status is explained by, when something announced or posted explains it. */
export type Behind =
  | { kind: 'window'; id: string; windowKind: 'maintenance' | 'outage'; start: number; end: number | null; active: boolean }
  | { kind: 'incident'; id: string; impact: Impact; start: number }
  | { kind: 'override'; until: number };

/** One component in the public state. */
export interface PublicComponent {
  id: string;
  status: ComponentStatus;
  /** What the status means to a patient; faces choose their words by it. */
  meaning: Meaning;
  /** Epoch ms when this status began (a window's own start for maintenance), null when unknown. */
  since: number | null;
  /** Epoch ms when it is announced to end (window end, override expiry), else null. */
  until: number | null;
  reason: PublicReason;
  /** Failing component elsewhere in the graph that blocks this one, or null. */
  rootCause: string | null;
  confidence: Confidence;
  /** Epoch ms of the latest probe result, null when never checked. */
  lastCheckedAt: number | null;
  /** Whether `lastCheckedAt` is recent enough to speak about now ("Sprawdzono przed chwilą" only then). */
  fresh: boolean;
  /** The window, incident or override behind the status; the next announced window when none is active. */
  behind: Behind | null;
  upcoming: Extract<Behind, { kind: 'window' }> | null;
  /** When a journey probe decided the status: which probe and which step failed (the page names the step). */
  journeyStep?: { probe: string; step: string };
}

/** One login row (a method, or a method through one bank). */
export interface PublicLogin {
  id: string;
  method: string;
  bank: string | null;
  path: string[];
  /** null: we do not know (some component unknown, none blocking). */
  works: boolean | null;
  /** Worst public status on the path. */
  status: ComponentStatus;
  /**
   * The row in words: `works`/`slow` when it works, `outage`/`maintenance` when it does not,
   * `unverified`/`unknown` when we cannot tell (unverified: some hop could not be checked).
   */
  meaning: Meaning;
  /** Component to blame when `works` is false (a root cause when there is one). */
  blockedBy: string | null;
  /** Status of `blockedBy`. */
  blockedStatus: ComponentStatus | null;
  /** Announced end of the blocker's trouble, epoch ms. */
  until: number | null;
  /** Components on the path we have no current data about. */
  unknownOn: string[];
  /**
   * Row ids of other methods that work, when this one does not work or is unknown.
   * null: not asked (this row works) or we cannot tell (blind, stale, or others unknown and none known to work).
   */
  alternatives: string[] | null;
}

/**
 * Which headline applies, most serious first. `ok` is the only one that says all works; `unverified`
 * and `unknown` say which parts we cannot speak for, `blind` that we cannot speak at all.
 */
export const BANNER_KINDS = ['blind', 'incident', 'outage', 'maintenance', 'partial', 'slow', 'unverified', 'unknown', 'ok'] as const;
export type BannerKind = (typeof BANNER_KINDS)[number];

/** The whole public state at one instant. */
export interface PublicState {
  /** Epoch ms the state describes. */
  at: number;
  /** Epoch ms of the newest probe result behind the data, null when none. */
  dataAsOf: number | null;
  /** `at - dataAsOf`, null when no data. */
  ageMs: number | null;
  /** The monitor cannot trust its probes (blind guard), all data is too old, or the operator records cannot be read. */
  blind: boolean;
  stale: boolean;
  /** Set (true) while the operator records cannot be read and no copy is held: what they say is unknown, so is the rest. */
  recordsUnavailable?: true;
  overall: { status: ComponentStatus; indicator: Indicator; counts: Record<ComponentStatus, number> };
  banner: BannerKind;
  components: PublicComponent[];
  logins: PublicLogin[];
  /** Open incidents, newest first (ids). */
  openIncidents: string[];
  /** Earliest future instant at which time alone changes this state (staleness, window edges, expiry); null if none. */
  nextChangeAt: number | null;
}
