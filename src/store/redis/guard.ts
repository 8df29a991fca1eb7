import { randomUUID } from 'node:crypto';
import { ReplyError } from 'ioredis';
import { AppError } from '../../domain/errors.ts';
import type { Store, StoreOutageObserver, StorePorts, Stores } from '../ports.ts';
import { StoreMirror } from './mirror.ts';
import type { SendCommand } from './rate-limit.ts';
import type { RedisStore } from './store.ts';

/** What the guard logs; pino's logger fits. */
export interface GuardLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Knobs of the guard (defaults suit production; tests shorten them). */
export interface GuardOptions {
  logger?: GuardLogger;
  /** How often the store's health (and epoch) is checked. */
  checkEveryMs?: number;
  /** How long one check may take before the store counts as down. */
  checkTimeoutMs?: number;
  /** How long an admin write's readiness ping (and a best-effort raw command) may take. */
  pingTimeoutMs?: number;
  /** How long start-up waits for the first connection before checks may declare an outage. */
  connectWaitMs?: number;
  /** Results and transitions kept in memory during an outage; older ones are dropped and counted. */
  bufferLimit?: number;
}

/** Pipeline writes that may be deferred during an outage and written back later. */
const DEFERRABLE = new Set(['appendResult', 'recordRun', 'setProbeState', 'setComponentStates', 'addTransitions', 'addUptime', 'bookUptime']);
/** Reads the pipeline and the snapshot may serve from the last known copy during an outage. */
const MIRRORED = new Set(['getProbeStates', 'getProbeStatesOf', 'getProbeState', 'getComponentStates', 'getComponentStatesOf', 'getWindows', 'getOverrides', 'getIncidents', 'recentResults']);
/** Raw commands (rate-limit counters) are best-effort: they get the check's short budget, not the command timeout. */
const BEST_EFFORT = new Set(['sendCommand']);
/** Methods that manage the guard itself rather than reading or writing data. */
const OWN = new Set(['ping', 'close', 'flush', 'subscribeChanged', 'publishChanged']);

/**
 * Makes a Redis outage a known state (issue 10, item 3). The shared face fails fast with
 * STORE_UNAVAILABLE (503) while Redis is down or frozen, instead of waiting on it; the local face,
 * used by the probe pipeline and the snapshot, keeps working from memory: reads come from the last
 * known copy, pipeline writes are buffered (bounded) and written back when Redis returns. A
 * periodic check finds both the outage's end and an emptied Redis (the epoch key vanished), which
 * is then re-seeded from memory.
 */
export class RedisGuard {
  /** What createStore hands out: the shared face's ports, the local face and outage events. */
  readonly stores: Stores;
  /** Every method of the store on one object, unguarded (what the faces wrap and the mirror writes to). */
  private readonly target: Store;
  private up = true;
  private epoch: string | null = null;
  private readonly mirror: StoreMirror;
  private readonly listeners = new Set<() => void>();
  private innerSubscribed: Promise<unknown> | null = null;
  private readonly observers: StoreOutageObserver[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private checking: Promise<void> | null = null;
  private readonly opts: Required<Omit<GuardOptions, 'logger'>> & Pick<GuardOptions, 'logger'>;

  constructor(
    private readonly inner: RedisStore,
    opts: GuardOptions = {},
  ) {
    this.opts = { checkEveryMs: 1_000, checkTimeoutMs: 800, pingTimeoutMs: 500, connectWaitMs: 5_000, bufferLimit: 1_000, ...opts };
    this.mirror = new StoreMirror(
      this.opts.bufferLimit,
      (kind, n) => this.observers.forEach((o) => o.dropped(kind, n)),
      (n) => this.observers.forEach((o) => o.writtenBack(n)),
    );
    this.target = inner.flat();
    const local = portsOf(this.face(true));
    this.stores = { ...portsOf(this.face(false)), local, observeOutage: (o) => this.observe(o), operatorRecordsKnown: () => this.mirror.recordsKnown };
    this.timer = setInterval(() => void this.check(), this.opts.checkEveryMs);
    this.timer.unref();
    // Until the first connection settles, commands wait in ioredis's start-up queue rather than fail.
    this.starting = inner.firstConnection(this.opts.connectWaitMs);
    void this.check();
  }

  private readonly starting: Promise<void>;

  /** Whether the store answered the latest check. */
  get available(): boolean {
    return this.up;
  }

  /** Adds an observer of outage events (metrics). */
  observe(observer: StoreOutageObserver): void {
    this.observers.push(observer);
    observer.availability(this.up);
  }

  /** One health check: detects an outage's end (then writes back) and an emptied Redis (then re-seeds). */
  check(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.checking ??= this.runCheck().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    await this.starting;
    let stored: string | null;
    try {
      stored = await this.inner.readEpoch(this.opts.checkTimeoutMs);
    } catch (err) {
      this.markDown(err);
      return;
    }
    try {
      if (stored !== null && stored === this.epoch) this.mirror.verify();
      if (this.epoch === null) this.epoch = await this.inner.claimEpoch(randomUUID());
      else if (stored === null) await this.reseed();
      else if (stored !== this.epoch) {
        // Another replica re-seeded after a flush first; its epoch is now the store's.
        // Another replica re-seeded after a flush first; this one adds what it knows that is missing or newer.
        this.epoch = stored;
        const counts = await this.mirror.reseed(this.target);
        this.opts.logger?.info({ epoch: stored, ...counts }, 'store epoch changed (emptied and re-seeded by another replica); filled in what was missing');
      }
      if (!this.up) await this.writeBack();
      if (this.innerSubscribed === null && this.listeners.size > 0) this.subscribeInner();
    } catch (err) {
      this.markDown(err);
    }
  }

  private async reseed(): Promise<void> {
    this.observers.forEach((o) => o.flushDetected());
    const counts = await this.mirror.reseed(this.target);
    this.epoch = await this.inner.claimEpoch(randomUUID());
    this.opts.logger?.error({ event: 'store_emptied', ...counts }, 'Redis was emptied (FLUSHALL or data loss); state re-seeded from this replica\'s memory');
    await this.target.publishChanged();
  }

  private async writeBack(): Promise<void> {
    const written = await this.mirror.writeBack(this.target);
    this.up = true;
    this.observers.forEach((o) => {
      o.availability(true);
      o.buffered(this.mirror.buffered);
    });
    this.opts.logger?.info({ writtenBack: written, lost: this.mirror.lost }, 'store reachable again; buffered results written back');
    await this.target.publishChanged();
  }

  private markDown(err: unknown): void {
    if (!this.up || this.closed) return;
    this.up = false;
    this.observers.forEach((o) => o.availability(false));
    this.opts.logger?.warn({ err, event: 'store_down' }, 'store unreachable; probing continues and results are kept in memory until it returns');
  }

  /** Builds one face: `local` falls back to memory for pipeline reads and writes. */
  private face(local: boolean): Store {
    const guard = this;
    // Rate-limit counters are best-effort: they get the check's short budget, not the command timeout.
    const send: SendCommand = (...args) => guard.call('sendCommand', args, false, this.inner.coordination.sendCommand as (...a: unknown[]) => unknown) as ReturnType<SendCommand>;
    const rateLimitStore = (limiter: string) => this.inner.coordination.rateLimitStoreVia(limiter, send);
    return new Proxy(this.target, {
      get(target, prop, receiver) {
        if (prop === 'rateLimitStore') return rateLimitStore;
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || typeof value !== 'function') return value;
        if (OWN.has(prop)) return (...args: unknown[]) => guard.own(prop, args);
        return (...args: unknown[]) => guard.call(prop, args, local, (value as (...a: unknown[]) => unknown).bind(target));
      },
    });
  }

  private async call(name: string, args: unknown[], local: boolean, run: (...a: unknown[]) => unknown): Promise<unknown> {
    if (this.up) {
      try {
        const pending = Promise.resolve(run(...args));
        const value = await (BEST_EFFORT.has(name) ? withinMs(pending, this.opts.pingTimeoutMs) : pending);
        this.mirror.remember(name, args, value);
        return value;
      } catch (err) {
        if (!isTransportError(err)) throw err;
        this.markDown(err);
      }
    }
    if (local && DEFERRABLE.has(name)) {
      this.mirror.defer(name, args);
      this.observers.forEach((o) => o.buffered(this.mirror.buffered));
      return undefined;
    }
    if (local && MIRRORED.has(name)) return this.mirror.read(name, args);
    throw new AppError('STORE_UNAVAILABLE', `store unavailable during ${name}`);
  }

  private async own(name: string, args: unknown[]): Promise<unknown> {
    switch (name) {
      case 'ping':
        // Admin writes ask first: while Redis is down or frozen they must fail now, never be sent to be replayed later.
        if (!this.up) throw new AppError('STORE_UNAVAILABLE', 'store unavailable');
        return this.inner.ping(this.opts.pingTimeoutMs).catch((err: unknown) => {
          this.markDown(err);
          throw new AppError('STORE_UNAVAILABLE', 'store ping failed');
        });
      case 'publishChanged':
        if (this.up) {
          const sent = await this.target.publishChanged().then(() => true, () => false);
          if (sent) return;
        }
        // Nobody else can hear it now; this replica's own snapshot still must.
        for (const l of [...this.listeners]) l();
        return;
      case 'subscribeChanged': {
        const listener = args[0] as () => void;
        const entry = (): void => listener();
        this.listeners.add(entry);
        if (this.innerSubscribed === null) this.subscribeInner();
        // Resolve once Redis confirms the subscription (so a publish right after is heard), but
        // never wait on an outage: a failed subscribe is retried by the next check.
        await withinMs(Promise.resolve(this.innerSubscribed), this.opts.checkTimeoutMs).catch(() => undefined);
        return async () => void this.listeners.delete(entry);
      }
      case 'flush':
        return;
      case 'close':
        this.closed = true;
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        this.listeners.clear();
        return this.inner.close();
    }
    return undefined;
  }

  private subscribeInner(): void {
    this.innerSubscribed = this.target
      .subscribeChanged(() => {
        for (const l of [...this.listeners]) l();
      })
      .catch(() => {
        // Retried by the next successful check.
        this.innerSubscribed = null;
      });
  }
}

/** One face as a set of ports (every port is the same guarded object). */
function portsOf(face: Store): StorePorts {
  return { results: face, history: face, windows: face, operator: face, coordination: face, lifecycle: face };
}

/**
 * Whether an error means the store could not be reached (connection closed or refused, command
 * timed out, offline): everything but a reply Redis itself sent and programming errors.
 */
export function isTransportError(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'STORE_UNAVAILABLE';
  if (err instanceof ReplyError) return false;
  return !(err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError);
}

function withinMs<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('store command over its budget'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
