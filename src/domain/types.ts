/** Shared domain types: the vocabulary every layer speaks. */

/** The five statuses a component can be in (DESIGN.md §3). */
export const COMPONENT_STATUSES = ['operational', 'degraded', 'maintenance', 'outage', 'unknown'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Why a single probe run failed or was degraded; `ok` when it passed cleanly. */
export const PROBE_REASONS = [
  'ok',
  'slow',
  'timeout',
  'dns',
  'connect_refused',
  'connect_reset',
  'tls',
  'tls_expiring',
  'http_status',
  'body_mismatch',
  'json_mismatch',
  'too_large',
  'redirect_loop',
  'too_many_redirects',
  'parse_error',
  'network',
  /** The upstream answered with something that is not HTTP (parser error, oversized headers). */
  'protocol_error',
  'internal_error',
  // Journey probes (issue 15): a hop of the login path failed, showed a maintenance page,
  // was answered by a WAF instead of the site, or its markup drifted from what we expect.
  'journey_step_failed',
  'maintenance_page',
  'blocked',
  'page_changed',
] as const;
export type ProbeReason = (typeof PROBE_REASONS)[number];

/**
 * Reasons that only the status engine assigns to a component. `awaiting_check`: a maintenance window
 * over it has ended and no check taken since has spoken yet (what was seen during the window is
 * not evidence of anything after it).
 */
export const ENGINE_REASONS = ['no_data', 'stale', 'monitor_offline', 'maintenance', 'outage_notice', 'dependency', 'override', 'awaiting_check'] as const;
export type EngineReason = (typeof ENGINE_REASONS)[number];
export type ComponentReason = ProbeReason | EngineReason;

/** What a prober returns for one run against one target. Never thrown: always returned. */
export interface ProbeOutcome {
  /** True when every check passed (a slow response still counts as ok, see `degraded`). */
  ok: boolean;
  /** True when ok but over the latency threshold or near TLS expiry. */
  degraded: boolean;
  reason: ProbeReason;
  /** Wall time of the whole run in milliseconds. */
  durationMs: number;
  /** Short technical detail for operators (never shown as-is to patients unescaped). */
  detail?: string;
  httpStatus?: number;
  tlsDaysLeft?: number;
  /** Epoch ms when the final host's certificate expires (blackbox_exporter probe_ssl_earliest_cert_expiry). */
  tlsNotAfter?: number;
  /** Where an HTTP run's time went, in ms (blackbox_exporter's probe_http_duration_seconds phases), when measured. */
  phases?: HttpPhases;
  /** Notice items extracted by the `notices` probe kind. */
  notices?: NoticeItem[];
  /** Journey probes: the step that failed and the component it is attributed to. */
  failedStep?: { id: string; component: string };
  /** Journey probes: every step that ran, in order (kept out of the stored history). */
  steps?: JourneyStepResult[];
}

/** One step of a journey run, as reported to operators (URL without its query). */
export interface JourneyStepResult {
  id: string;
  component: string;
  /** Final URL of the step with query and fragment stripped (tokens live there). */
  url: string | null;
  status: number | null;
  durationMs: number;
  ok: boolean;
  /** What was checked, e.g. `status 2xx`, `form loginForm:login,loginForm:hasło`. */
  checks: string[];
  reason?: ProbeReason;
  detail?: string;
}

/** An HTTP run's time by phase in ms: DNS, TCP connect, TLS handshake, waiting for headers, reading the body. */
export interface HttpPhases {
  resolve: number;
  connect: number;
  tls: number;
  processing: number;
  transfer: number;
}

/** A ProbeOutcome tagged with where and when it ran; this is what the store keeps. */
export interface ProbeResult extends ProbeOutcome {
  probeId: string;
  /** Component the probe belongs to, or null for canaries. */
  component: string | null;
  /** Epoch milliseconds of the scheduled fire. */
  at: number;
}

/** One notice item scraped from a page or feed (text is untrusted). */
export interface NoticeItem {
  title: string;
  text: string;
  link: string | null;
  publishedAt: string | null;
}

/** Threshold state of one probe, carried between runs (persisted in the store). */
export interface ProbeState {
  probeId: string;
  status: 'up' | 'degraded' | 'down' | 'unknown';
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  consecutiveSlow: number;
  consecutiveFast: number;
  /** Whether the latest run passed its checks. */
  lastOk: boolean;
  /** Reason of the latest run. */
  lastReason: ProbeReason;
  lastDetail?: string;
  /** Epoch ms of the latest run, null before the first. */
  lastCheckedAt: number | null;
  /** Epoch ms when `status` last changed. */
  since: number;
  lastDurationMs?: number;
  /** Reason of the latest run that agreed with `status`, so a recovering `down` probe still says why it is down. */
  statusReason?: ProbeReason;
  /** Journey probes: the failed step of the latest run that agreed with `status`. */
  failedStep?: { id: string; component: string };
  /**
   * When the latest failed runs were taken (epoch ms, oldest first, at most the failure threshold;
   * kept across passes), so the engine can tell the failures seen during a maintenance window from
   * those after it, and how new a journey's failure is against another journey's pass.
   */
  failedAt?: number[];
  /**
   * Failures not yet counted because no canary has said whether the monitor could see the
   * internet when they were taken (see engine/sight.ts); oldest first, bounded.
   */
  pendingFailures?: ProbeResult[];
}

/** Current state of a component as shown to users. */
export interface ComponentState {
  id: string;
  status: ComponentStatus;
  /** Epoch ms when `status` last changed. */
  since: number;
  /** Epoch ms of the latest probe result behind this state, null if none. */
  lastCheckedAt: number | null;
  reason: ComponentReason;
  /** Component id that explains this one's failure, when it is elsewhere in the graph. */
  rootCause: string | null;
  /** When a journey probe decided this state: which probe and which of its steps failed. */
  journeyStep?: { probe: string; step: string };
}

/**
 * What one period of uptime is booked as: the five statuses, with `degraded` kept for measured
 * slowness and two kinds of trouble booked apart from it, so history never calls them slow:
 * `partial` (some methods or functions fail while others work) and `unverified` (checks blocked,
 * page changed). Buckets written before these existed simply have none of them.
 */
export const UPTIME_CLASSES = [...COMPONENT_STATUSES, 'partial', 'unverified'] as const;
export type UptimeClass = (typeof UPTIME_CLASSES)[number];

/** Per-day time spent in each uptime class, in seconds, for one component. */
export interface UptimeBucket {
  /** Day in Europe/Warsaw, YYYY-MM-DD. */
  day: string;
  seconds: Record<UptimeClass, number>;
}

/** Clock injected everywhere time matters, so tests can drive it. */
export interface Clock {
  now(): number;
}

/** A maintenance or outage window: parsed from a notice, or posted by an operator. */
export interface MaintenanceWindow {
  /** Stable id: `<noticeKey>#<index>` for notices, random for manual windows. */
  id: string;
  /** Notice probe id that found it, or `manual`. */
  source: string;
  /** Identity of the notice within its source (link or normalised title), stable across edits. */
  noticeKey: string;
  kind: 'maintenance' | 'outage';
  components: string[];
  /** Epoch ms. */
  start: number;
  /** Epoch ms; null while open-ended. */
  end: number | null;
  /** Evidence: the notice as published (untrusted text, always escaped on output). */
  title: string;
  text: string;
  link: string | null;
  publishedAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  updatedAt: number;
  /**
   * `withdrawn`: no longer announced by its source; `cancelled`: cancelled (or a suggestion
   * rejected) by an operator; `pending`: parsed with low confidence, a suggestion that changes no
   * status until an operator confirms it (every overlay counts `announced` only).
   */
  state: 'announced' | 'withdrawn' | 'cancelled' | 'pending';
  /** The parser's confidence (0..1); absent on manual windows and windows stored before it existed. */
  confidence?: number;
  /** Phrases behind the parse (kind, window, components), shown to operators reviewing a suggestion. */
  evidence?: string[];
  /** An operator's decision on a suggestion, with what they corrected when they changed the parser's reading. */
  review?: { decision: 'confirmed' | 'rejected'; by: string; at: number; corrected?: NoticeCorrection };
  /**
   * The state a `withdrawn` window had when its source dropped it: a withdrawn suggestion was never
   * public, so nothing is called off. Absent on windows withdrawn before it existed (read as announced).
   */
  withdrawnFrom?: 'announced' | 'pending';
}

/** What a notice announces, as the parser or an operator reads it. */
export const NOTICE_KINDS = ['maintenance', 'outage', 'resolved', 'none'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * An operator's reading of a doubtful notice that replaced the parser's: kept on the window so a
 * re-read of the same notice text does not undo it (`resolved` and `none` announce no window).
 */
export interface NoticeCorrection {
  kind: NoticeKind;
  components: string[];
  /** Epoch ms. */
  start: number;
  /** Epoch ms; null while open-ended. */
  end: number | null;
}

/** One change of a component's status, kept as history for past-time questions. */
export interface StatusTransition {
  component: string;
  /** Epoch ms. */
  at: number;
  status: ComponentStatus;
  reason: ComponentReason;
  rootCause: string | null;
}
