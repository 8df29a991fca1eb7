import type { Store as RateLimitStore } from 'express-rate-limit';
import type { AuditEntry } from '../domain/audit.ts';
import type { Incident } from '../domain/incidents.ts';
import type { Override } from '../domain/overrides.ts';
import type { QuarantinedRecord } from '../domain/quarantine.ts';
import type { Reclassification } from '../domain/reclassification.ts';
import type {
  ComponentState,
  MaintenanceWindow,
  ProbeResult,
  ProbeState,
  StatusTransition,
  UptimeBucket,
  UptimeClass,
} from '../domain/types.ts';
import type { OutboxEntry } from '../domain/webhook-events.ts';

/**
 * The store, one port per concern. Each port has a memory and a Redis implementation (store/memory/,
 * store/redis/) passing the same contract suite (test/store/contract/). Callers depend on the
 * narrowest ports they use; nothing outside store/ knows which backend is behind them.
 */

/** Probe results and the current probe and component states (the probe pipeline's hot path). */
export interface ResultsPort {
  /** Appends a probe result, keeping only the newest `keep` results for that probe. */
  appendResult(result: ProbeResult, keep: number): Promise<void>;
  /** Newest-first results of one probe, at most `limit`. */
  recentResults(probeId: string, limit: number): Promise<ProbeResult[]>;
  /** Appends a result (keeping the newest `keep`) and writes its probe's state, in one round trip. */
  recordRun(result: ProbeResult, state: ProbeState, keep: number): Promise<void>;

  /** Threshold state of every probe that has run. */
  getProbeStates(): Promise<Map<string, ProbeState>>;
  /** Threshold states of the given probes (one round trip); ids never run are absent from the map. */
  getProbeStatesOf(ids: readonly string[]): Promise<Map<string, ProbeState>>;
  /** One probe's threshold state, or null when it has not run. */
  getProbeState(id: string): Promise<ProbeState | null>;
  setProbeState(state: ProbeState): Promise<void>;

  /** Current state of every component that has been evaluated. */
  getComponentStates(): Promise<Map<string, ComponentState>>;
  /** States of the given components (one round trip); ids never evaluated are absent from the map. */
  getComponentStatesOf(ids: readonly string[]): Promise<Map<string, ComponentState>>;
  /** Replaces the given components' states (others are left alone). */
  setComponentStates(states: ComponentState[]): Promise<void>;
}

/** Daily uptime buckets and status-change history of components. */
export interface HistoryPort {
  /** Adds `seconds` to a component's bucket for `day` (YYYY-MM-DD, Europe/Warsaw); buckets older than `retainDays` expire. */
  addUptime(component: string, day: string, status: UptimeClass, seconds: number, retainDays: number): Promise<void>;
  /**
   * Books `slots.seconds` to `status` for each slot `slots.from`..`slots.to` of `day` that nobody
   * booked before (slot n starts n × seconds after the day's start), so the same evaluation period
   * counts once however many replicas book it, and a write-back may be retried. The first booking
   * of a slot wins, whatever its status.
   */
  bookUptime(component: string, day: string, status: UptimeClass, slots: UptimeSlots, retainDays: number): Promise<void>;
  /** Daily buckets for one component from `fromDay` to `toDay` inclusive, oldest first; days with no data are omitted. */
  getUptime(component: string, fromDay: string, toDay: string): Promise<UptimeBucket[]>;
  /**
   * Moves up to `seconds` of one day's bucket from status `from` to `to`, atomically and never below zero;
   * resolves to the seconds actually moved (0 when the bucket does not exist). Used by reclassification.
   */
  moveUptime(component: string, day: string, from: UptimeClass, to: UptimeClass, seconds: number): Promise<number>;
  /** Appends status changes to each component's history; entries older than `retainDays` are dropped. */
  addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void>;
  /** One component's history with `at` in [from, to], oldest first, plus the last entry before `from` (the state that held at `from`). */
  getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]>;
}

/** Consecutive evaluation periods of one day: slots `from`..`to` (inclusive), each `seconds` long. */
export interface UptimeSlots {
  seconds: number;
  from: number;
  to: number;
}

/** Maintenance windows and notices (announced, withdrawn, cancelled). */
export interface WindowsPort {
  /** Inserts or replaces windows by id. */
  putWindows(windows: MaintenanceWindow[]): Promise<void>;
  /** Every kept window, in no particular order. */
  getWindows(): Promise<MaintenanceWindow[]>;
  /** Drops windows that ended (or were last updated) before `before` (epoch ms). */
  pruneWindows(before: number): Promise<void>;
}

/** Operators' records: incidents, overrides, reclassifications, the audit trail, the webhook outbox and the quarantine. */
export interface OperatorPort {
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
}

/** What replicas share to act as one: leases, the "changed" signal and rate-limit budgets. */
export interface CoordinationPort {
  /**
   * Takes a lease: true for exactly one caller per key until `ttlMs` passes (in-process on the
   * memory store). With `owner`, a caller that already holds the lease under that token gets true
   * again: a claim whose reply was lost (timed out, yet applied) can be retried without losing it.
   */
  acquireLease(key: string, ttlMs: number, owner?: string): Promise<boolean>;
  /** Gives a lease up before it expires (for leases used as short locks). */
  releaseLease(key: string): Promise<void>;
  /** Tells every subscriber (on every replica) that state changed. */
  publishChanged(): Promise<void>;
  /** Calls `listener` on every "changed"; returns an unsubscribe function. */
  subscribeChanged(listener: () => void): Promise<() => Promise<void>>;
  /**
   * A fresh express-rate-limit store for the limiter named `limiter` (e.g. `admin`), whose budget
   * every replica on this store shares. Build one per limiter.
   */
  rateLimitStore(limiter: string): RateLimitStore;
}

/** Readiness and shutdown. */
export interface LifecyclePort {
  /** Resolves when the store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  /** Persists what must survive a restart (a no-op where the backend persists itself). */
  flush(): Promise<void>;
  /** Flushes what must survive a restart and releases connections. */
  close(): Promise<void>;
}

/** Every port together, for the few places that truly need all of them (the outage mirror, contract helpers). */
export type Store = ResultsPort & HistoryPort & WindowsPort & OperatorPort & CoordinationPort & LifecyclePort;

/** One set of ports. */
export interface StorePorts {
  results: ResultsPort;
  history: HistoryPort;
  windows: WindowsPort;
  operator: OperatorPort;
  coordination: CoordinationPort;
  lifecycle: LifecyclePort;
}

/** Outage events for the metrics (the store never imports prom-client); must not throw. */
export interface StoreOutageObserver {
  availability(up: boolean): void;
  /** Writes held in memory for write-back, right now. */
  buffered(count: number): void;
  /** Writes given up on (the buffer was full): `kind` is `result` or `transition`. */
  dropped(kind: string, count: number): void;
  writtenBack(count: number): void;
  flushDetected(): void;
}

/** What `createStore` opens: the ports every caller uses, the pipeline's face and outage events. */
export interface Stores extends StorePorts {
  /**
   * The face for the probe pipeline and the snapshot: while a shared store is unreachable it goes
   * on from memory (last known reads, buffered writes). Elsewhere it is the same set of ports.
   */
  readonly local: StorePorts;
  /** Adds an observer of outage events (metrics); told the current availability at once. */
  observeOutage(observer: StoreOutageObserver): void;
  /**
   * Whether what `local` serves for the operator records (windows, incidents, overrides) is known:
   * read from the store, or a copy once read from it. False only while a shared store has been
   * unreachable since this replica started: the empty lists it then serves mean "not known".
   */
  operatorRecordsKnown(): boolean;
}

export type { RateLimitStore };
