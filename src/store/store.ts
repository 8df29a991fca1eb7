import type {
  ComponentState,
  ComponentStatus,
  MaintenanceWindow,
  ProbeResult,
  ProbeState,
  StatusTransition,
  UptimeBucket,
} from '../domain/types.ts';
import type { AuditEntry } from '../domain/audit.ts';
import type { Incident } from '../domain/incidents.ts';
import type { Override } from '../domain/overrides.ts';
import type { Reclassification } from '../domain/reclassification.ts';
import type { OutboxEntry } from '../domain/webhook-events.ts';
import type { QuarantinedRecord } from './quarantine.ts';

/**
 * The one storage interface (after Gatus's storage/store). The memory and Redis
 * implementations pass the same contract suite in test/store/contract.ts.
 */
export interface Store {
  /** Appends a probe result, keeping only the newest `keep` results for that probe. */
  appendResult(result: ProbeResult, keep: number): Promise<void>;
  /** Newest-first results of one probe, at most `limit`. */
  recentResults(probeId: string, limit: number): Promise<ProbeResult[]>;

  /** Threshold state of every probe that has run. */
  getProbeStates(): Promise<Map<string, ProbeState>>;
  setProbeState(state: ProbeState): Promise<void>;

  /** Current state of every component that has been evaluated. */
  getComponentStates(): Promise<Map<string, ComponentState>>;
  /** Replaces the given components' states (others are left alone). */
  setComponentStates(states: ComponentState[]): Promise<void>;

  /** Adds `seconds` to a component's bucket for `day` (YYYY-MM-DD, Europe/Warsaw); buckets older than `retainDays` expire. */
  addUptime(component: string, day: string, status: ComponentStatus, seconds: number, retainDays: number): Promise<void>;
  /** Daily buckets for one component from `fromDay` to `toDay` inclusive, oldest first; days with no data are omitted. */
  getUptime(component: string, fromDay: string, toDay: string): Promise<UptimeBucket[]>;

  /** Appends status changes to each component's history; entries older than `retainDays` are dropped. */
  addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void>;
  /** One component's history with `at` in [from, to], oldest first, plus the last entry before `from` (the state that held at `from`). */
  getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]>;

  /** Inserts or replaces windows by id. */
  putWindows(windows: MaintenanceWindow[]): Promise<void>;
  /** Every kept window (announced, withdrawn and cancelled), in no particular order. */
  getWindows(): Promise<MaintenanceWindow[]>;
  /** Drops windows that ended (or were last updated) before `before` (epoch ms). */
  pruneWindows(before: number): Promise<void>;

  /**
   * Moves up to `seconds` of one day's bucket from status `from` to `to`, atomically and never below zero;
   * resolves to the seconds actually moved (0 when the bucket does not exist). Used by reclassification.
   */
  moveUptime(component: string, day: string, from: ComponentStatus, to: ComponentStatus, seconds: number): Promise<number>;

  /** Every kept incident, in no particular order. */
  getIncidents(): Promise<Incident[]>;
  getIncident(id: string): Promise<Incident | null>;
  /**
   * Saves an incident only if the stored one has version `expectedVersion` (0: none may exist yet),
   * so concurrent edits on different replicas cannot overwrite each other; false on a conflict.
   */
  saveIncident(incident: Incident, expectedVersion: number): Promise<boolean>;
  /** Drops resolved incidents resolved before `before` (epoch ms). */
  pruneIncidents(before: number): Promise<void>;

  /** Sets a component's override, replacing any previous one. */
  putOverride(override: Override): Promise<void>;
  /** Every stored override, expired ones included until pruned. */
  getOverrides(): Promise<Override[]>;
  /** Removes a component's override; false when there was none. */
  deleteOverride(component: string): Promise<boolean>;
  /** Drops overrides that expired at or before `now`. */
  pruneOverrides(now: number): Promise<void>;

  /** Records a reclassification (the buckets and history are rewritten separately). */
  addReclassification(r: Reclassification): Promise<void>;
  /** Every recorded reclassification, in no particular order. */
  getReclassifications(): Promise<Reclassification[]>;

  /** Appends an audit entry, keeping the newest `keep`. */
  appendAudit(entry: AuditEntry, keep: number): Promise<void>;
  /** Newest-first audit entries, at most `limit`, skipping the first `offset`. */
  getAudit(limit: number, offset?: number): Promise<AuditEntry[]>;

  /** Inserts or replaces a webhook outbox entry by id. */
  putOutbox(entry: OutboxEntry): Promise<void>;
  /** Every webhook outbox entry, in no particular order. */
  getOutbox(): Promise<OutboxEntry[]>;
  /** Removes a webhook outbox entry (a no-op when there is none). */
  deleteOutbox(id: string): Promise<void>;

  /**
   * Records that failed validation when read (see records.ts): every read skips them and moves
   * them here, logging each once, so one bad record never breaks the rest.
   */
  getQuarantine(): Promise<QuarantinedRecord[]>;
  /** Deletes a quarantined record for good; false when there is none with that id. */
  deleteQuarantined(id: string): Promise<boolean>;

  /** Takes a lease: true for exactly one caller per key until `ttlMs` passes. */
  acquireLease(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a lease up before it expires (for leases used as short locks). */
  releaseLease(key: string): Promise<void>;

  /** Tells every subscriber (on every replica) that state changed. */
  publishChanged(): Promise<void>;
  /** Calls `listener` on every "changed"; returns an unsubscribe function. */
  subscribeChanged(listener: () => void): Promise<() => Promise<void>>;

  /** Resolves when the store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  /** Persists what must survive a restart (a no-op where the backend persists itself). */
  flush(): Promise<void>;
  /** Flushes what must survive a restart and releases connections. */
  close(): Promise<void>;
}
