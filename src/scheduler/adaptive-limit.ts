import pLimit, { type LimitFunction } from 'p-limit';

/** Room above Little's law: latency and arrivals vary, and a fire that waits for a slot is late. */
export const HEADROOM = 1.5;
/** Share of the limit kept when the event loop is saturated (multiplicative decrease). */
export const CPU_BACKOFF = 0.75;
/** Weight of the newest run in the latency average. */
const EWMA_ALPHA = 0.2;

/** What one adjustment looks at. */
export interface LimitSample {
  /** The limit in force. */
  limit: number;
  /** `scheduler.concurrency`: the floor while the CPU has room. */
  initial: number;
  /** `scheduler.maxConcurrency`: never more sockets than this. */
  max: number;
  /** Limited fires that arrived per second since the previous adjustment. */
  arrivalsPerSecond: number;
  /** Average run time (EWMA, ms). */
  latencyMs: number;
  /** Fires running right now (they hold their slots whatever the limit says). */
  active: number;
  /** Fires waiting for a slot right now. */
  queued: number;
  /** Event-loop utilisation (0–1) since the previous adjustment. */
  elu: number;
  /** `scheduler.cpuCeiling`: above this utilisation the process is CPU-bound. */
  cpuCeiling: number;
}

/**
 * The next limit. Probes mostly wait on the network, so the concurrency they need follows
 * Little's law: runs in flight ≈ arrival rate × latency. That (with headroom) is the target; fires
 * already queued get slots on top of it. When the event loop is busy above the ceiling, more
 * concurrent runs would only make each one slower (and their timings wrong), so the limit
 * backs off multiplicatively instead, down to 1. Shrinking without CPU pressure goes half-way to
 * the target per adjustment and never below the runs in flight, so one quiet second (or runs
 * that have not finished yet, so their latency is not known) does not undo the capacity a busy one needed.
 */
export function nextLimit(s: LimitSample): number {
  if (s.elu > s.cpuCeiling) return Math.max(1, Math.floor(s.limit * CPU_BACKOFF));
  const needed = Math.ceil(s.arrivalsPerSecond * (s.latencyMs / 1000) * HEADROOM);
  let target = Math.max(s.initial, needed);
  if (s.queued > 0) target = Math.max(target, s.limit + s.queued);
  else if (target < s.limit) target = Math.max(s.active, s.limit - Math.ceil((s.limit - target) / 2));
  return Math.min(s.max, target);
}

export interface AdaptiveLimitOptions {
  initial: number;
  max: number;
  cpuCeiling: number;
  now: () => number;
  /** Event-loop utilisation (0–1) since the previous call; see `eventLoopUtilisation()`. */
  elu: () => number;
  /** How often the limit is re-computed (lazily, on the next arrival or completion). */
  adjustEveryMs?: number;
  /** Told whenever the limit changes (the concurrency-limit gauge). */
  onLimit?: (limit: number) => void;
}

/**
 * A concurrency limiter (p-limit underneath) whose limit follows `nextLimit`. Between adjustments,
 * a fire that finds every slot taken raises the limit to make room for it (up to the ceiling) unless the last
 * sample showed CPU pressure: waiting a whole adjustment period would make it late.
 */
export class AdaptiveLimit {
  private readonly limiter: LimitFunction;
  private latencyMs = 0;
  private arrivals = 0;
  private lastAdjust: number;
  private cpuBound = false;

  constructor(private readonly opts: AdaptiveLimitOptions) {
    this.limiter = pLimit(opts.initial);
    this.lastAdjust = opts.now();
    opts.elu();
    opts.onLimit?.(opts.initial);
  }

  get limit(): number {
    return this.limiter.concurrency;
  }

  get active(): number {
    return this.limiter.activeCount;
  }

  get queued(): number {
    return this.limiter.pendingCount;
  }

  /** Runs `fn` when a slot is free; its run time feeds the latency average. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.arrivals++;
    this.maybeAdjust();
    // This fire plus those already admitted or waiting: if that exceeds the limit, make room now.
    const wanted = this.limiter.activeCount + this.limiter.pendingCount + 1;
    if (wanted > this.limit && !this.cpuBound) this.setLimit(Math.min(this.opts.max, wanted));
    return this.limiter(async () => {
      const start = this.opts.now();
      try {
        return await fn();
      } finally {
        const ms = this.opts.now() - start;
        this.latencyMs = this.latencyMs === 0 ? ms : this.latencyMs + EWMA_ALPHA * (ms - this.latencyMs);
        this.maybeAdjust();
      }
    });
  }

  private maybeAdjust(): void {
    const t = this.opts.now();
    const elapsed = t - this.lastAdjust;
    if (elapsed < (this.opts.adjustEveryMs ?? 1_000)) return;
    const elu = this.opts.elu();
    this.cpuBound = elu > this.opts.cpuCeiling;
    const next = nextLimit({
      limit: this.limit,
      initial: this.opts.initial,
      max: this.opts.max,
      arrivalsPerSecond: (this.arrivals * 1000) / elapsed,
      latencyMs: this.latencyMs,
      active: this.limiter.activeCount,
      queued: this.limiter.pendingCount,
      elu,
      cpuCeiling: this.opts.cpuCeiling,
    });
    this.arrivals = 0;
    this.lastAdjust = t;
    this.setLimit(next);
  }

  private setLimit(limit: number): void {
    if (limit === this.limiter.concurrency) return;
    this.limiter.concurrency = limit;
    this.opts.onLimit?.(limit);
  }
}
