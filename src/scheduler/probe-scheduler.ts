import TinyQueue from 'tinyqueue';
import type { Logger } from '../logging/logger.ts';
import { AdaptiveLimit } from './adaptive-limit.ts';
import { assignSlots, lastSlotAtOrBefore, nextSlotAtOrAfter } from './slots.ts';

/** One probe to fire every `intervalMs` at its slot; `run` gets the slot time (epoch ms). */
export interface ProbeJob {
  id: string;
  intervalMs: number;
  /** Runs outside the concurrency limit (canaries: they judge the other fires, so those must not starve them). */
  unlimited?: boolean;
  run: (fireAt: number) => Promise<void>;
}

/** Decides which replica runs a fire; the lease coordinator fails open (a duplicate beats a lost fire). */
export interface FireCoordinator {
  shouldRun(key: string, ttlMs: number): boolean | Promise<boolean>;
}

/** Why a fire was dropped: its previous run was still going, it was still waiting for a slot, or the process was stalled past it. */
export type MissReason = 'overlap' | 'queued' | 'stalled';
export const MISS_REASONS: readonly MissReason[] = ['overlap', 'queued', 'stalled'];

/** What the scheduler reports about keeping time (metrics wire it; the scheduler knows no Prometheus). */
export interface SchedulerObserver {
  /** A fire started this long (ms) after its slot. */
  fireStarted(lagMs: number): void;
  /** A fire was dropped without running. */
  fireMissed(reason: MissReason): void;
  /** The adaptive concurrency limit changed. */
  concurrencyLimit(limit: number): void;
}

export interface ProbeSchedulerDeps {
  logger: Logger;
  now: () => number;
  /** Present when several replicas share a store: each fire then runs on one replica only. */
  coordinator?: FireCoordinator;
  observer?: SchedulerObserver;
  /** `scheduler.concurrency`, `scheduler.maxConcurrency`, `scheduler.cpuCeiling`. */
  concurrency: number;
  maxConcurrency: number;
  cpuCeiling: number;
  /** Event-loop utilisation since the previous call (injected so tests control CPU pressure). */
  elu: () => number;
  /** A probe whose first slot is further away than this also fires once at start (default one minute). */
  catchUpAfterMs?: number;
}

interface Entry {
  job: ProbeJob;
  offset: number;
  nextAt: number;
  running: boolean;
  /** Slot time of a fire waiting for a concurrency slot, or null. */
  waiting: number | null;
}

const MISS_LOG_EVERY_MS = 60_000;
/** setTimeout's longest delay; a later fire is reached by re-arming. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Fires probes at their slots (`k × interval + offset` on the epoch clock) from one min-heap of
 * next fire times and one timer for the earliest: no timer per probe, and no cron expression that
 * would put every probe of an interval on the same second. A fire that cannot start within its
 * slot is dropped and counted, never queued behind its successor.
 */
export class ProbeScheduler {
  private readonly heap = new TinyQueue<Entry>([], (a, b) => a.nextAt - b.nextAt);
  private readonly inFlight = new Set<Promise<void>>();
  private readonly limit: AdaptiveLimit;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private lastMissLog = -Infinity;
  private missesSinceLog = 0;

  constructor(private readonly deps: ProbeSchedulerDeps) {
    this.limit = new AdaptiveLimit({
      initial: deps.concurrency,
      max: deps.maxConcurrency,
      cpuCeiling: deps.cpuCeiling,
      now: deps.now,
      elu: deps.elu,
      onLimit: (limit) => deps.observer?.concurrencyLimit(limit),
    });
  }

  /** Computes every probe's slot and starts firing. Call once, with all probes (slots depend on the whole set). */
  start(jobs: readonly ProbeJob[]): void {
    const offsets = assignSlots(jobs.map((j) => ({ id: j.id, intervalMs: j.intervalMs })));
    const now = this.deps.now();
    const catchUpAfter = this.deps.catchUpAfterMs ?? 60_000;
    for (const job of jobs) {
      const offset = offsets.get(job.id)!;
      const entry: Entry = { job, offset, nextAt: nextSlotAtOrAfter(now, job.intervalMs, offset), running: false, waiting: null };
      this.heap.push(entry);
      // A long-interval probe would leave its component without a result for most of an interval:
      // run the slot missed while this process was down, under that slot's lease, so replicas that
      // start together (or one that already ran it) do not repeat it.
      if (entry.nextAt - now > catchUpAfter) this.launch(entry, lastSlotAtOrBefore(now, job.intervalMs, offset), true);
    }
    this.arm();
  }

  /** Fires currently queued or running. */
  get busy(): number {
    return this.inFlight.size;
  }

  /** The current adaptive concurrency limit. */
  get concurrencyLimit(): number {
    return this.limit.limit;
  }

  /** Stops new fires, then waits up to `graceMs` for fires in flight; returns whether all finished. */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), graceMs);
    });
    const done = await Promise.race([Promise.all([...this.inFlight]).then(() => true), timeout]);
    clearTimeout(timer);
    return done;
  }

  private arm(): void {
    const next = this.heap.peek();
    if (this.stopping || next === undefined) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, next.nextAt - this.deps.now()));
    this.timer = setTimeout(() => this.onTimer(), delay);
  }

  private onTimer(): void {
    this.timer = undefined;
    const t = this.deps.now();
    for (let e = this.heap.peek(); e !== undefined && e.nextAt <= t; e = this.heap.peek()) {
      this.heap.pop();
      const interval = e.job.intervalMs;
      // Slots that passed entirely while the process was stalled (GC, CPU starvation, suspend) are lost.
      const latest = lastSlotAtOrBefore(t, interval, e.offset);
      for (let missed = e.nextAt; missed < latest; missed += interval) this.missed(e.job.id, 'stalled');
      this.due(e, latest);
      e.nextAt = latest + interval;
      this.heap.push(e);
    }
    this.arm();
  }

  private due(e: Entry, fireAt: number): void {
    if (this.stopping) return;
    if (e.running) return this.missed(e.job.id, 'overlap');
    if (e.waiting !== null) {
      // The newer fire takes the older one's place in the queue: its result is the fresher one.
      this.missed(e.job.id, 'queued');
      e.waiting = fireAt;
      return;
    }
    this.launch(e, fireAt, false);
  }

  private launch(e: Entry, fireAt: number, catchUp: boolean): void {
    e.waiting = fireAt;
    const go = async (): Promise<void> => {
      const slot = e.waiting ?? fireAt;
      e.waiting = null;
      if (this.stopping) return;
      e.running = true;
      try {
        if (!(await this.leased(e.job, slot))) return;
        const start = this.deps.now();
        // A catch-up fire is not on a slot's time: its lag would only say how long the process was down.
        if (!catchUp) this.deps.observer?.fireStarted(start - slot);
        await e.job.run(catchUp ? start : slot);
      } catch (err) {
        this.deps.logger.error({ err, probe: e.job.id }, 'probe fire failed');
      } finally {
        e.running = false;
      }
    };
    const p = e.job.unlimited ? go() : this.limit.run(go);
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** Whether this replica runs the fire; fails open like the lease coordinator. */
  private async leased(job: ProbeJob, slot: number): Promise<boolean> {
    const coordinator = this.deps.coordinator;
    if (!coordinator) return true;
    try {
      return await coordinator.shouldRun(`probe:${job.id}:${slot}`, job.intervalMs);
    } catch (err) {
      this.deps.logger.warn({ err, probe: job.id }, 'probe fire not coordinated; running it anyway');
      return true;
    }
  }

  private missed(probe: string, reason: MissReason): void {
    this.deps.observer?.fireMissed(reason);
    this.missesSinceLog++;
    const t = this.deps.now();
    if (t - this.lastMissLog < MISS_LOG_EVERY_MS) return;
    this.deps.logger.warn({ probe, reason, missed: this.missesSinceLog }, 'probe fires missed their slot (dropped); counted in ikpstatus_scheduler_missed_fires_total');
    this.lastMissLog = t;
    this.missesSinceLog = 0;
  }
}
