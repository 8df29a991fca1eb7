import { Redis, type RedisOptions } from 'ioredis';
import { systemClock } from '../../domain/clock.ts';
import type { Clock } from '../../domain/types.ts';
import { redisKeys, type RedisKeys } from '../keys.ts';
import type { StoreLogger } from '../logger.ts';
import type { LifecyclePort, Store, StoreOutageObserver, Stores } from '../ports.ts';
import { quietQuit, withTimeout, type RedisContext } from './context.ts';
import { RedisCoordination } from './coordination.ts';
import { RedisHistory } from './history.ts';
import { RedisOperator } from './operator.ts';
import { RedisQuarantine } from './quarantine.ts';
import { RedisResults } from './results.ts';
import { RedisWindows } from './windows.ts';

const PING_TIMEOUT_MS = 2_000;

/**
 * Fail fast instead of queueing (issue 10): a command gets one second, is not retried on a new
 * connection and is not resent after a reconnect, so a write that timed out is never replayed
 * later. The offline queue is on only until the first connection attempt settles (start-up
 * commands such as rate-limit-redis's SCRIPT LOAD need it), then off.
 */
export const FAIL_FAST_OPTIONS: RedisOptions = {
  commandTimeout: 1_000,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  connectTimeout: 2_000,
  retryStrategy: (times: number) => Math.min(times * 100, 1_000),
};

/** Options of the Redis store: a URL, or an existing client (which the store then owns and closes). */
export type RedisStoreOptions = { keyPrefix: string; logger?: StoreLogger; clock?: Clock } & (
  | { url: string; redisOptions?: RedisOptions }
  | { client: Redis }
);

/**
 * The production store shared by every replica: one object per port over one connection (plus a
 * subscriber connection for "changed"); key names come from keys.ts. createStore puts it behind
 * a RedisGuard; unguarded, its local face is itself.
 */
export class RedisStore implements Stores, LifecyclePort {
  readonly results: RedisResults;
  readonly history: RedisHistory;
  readonly windows: RedisWindows;
  readonly operator: RedisOperator;
  readonly coordination: RedisCoordination;
  readonly lifecycle: LifecyclePort = this;
  private readonly redis: Redis;
  private readonly keys: RedisKeys;

  constructor(opts: RedisStoreOptions) {
    const redis = 'client' in opts ? opts.client : new Redis(opts.url, { ...FAIL_FAST_OPTIONS, ...opts.redisOptions });
    const keys = redisKeys(opts.keyPrefix);
    this.redis = redis;
    this.keys = keys;
    const quarantine = new RedisQuarantine(redis, keys, opts.clock ?? systemClock, opts.logger);
    const ctx: RedisContext = { redis, keys, logger: opts.logger, parse: <T>(json: string, where: string) => quarantine.check<T>(json, where) };
    this.results = new RedisResults(ctx);
    this.history = new RedisHistory(ctx);
    this.windows = new RedisWindows(ctx);
    this.operator = new RedisOperator(ctx, quarantine);
    this.coordination = new RedisCoordination(ctx);
    if (!('client' in opts)) {
      const offlineQueueOff = (): void => {
        redis.options.enableOfflineQueue = false;
      };
      redis.once('ready', offlineQueueOff);
      redis.once('error', offlineQueueOff);
    }
    // One line per outage, not one per reconnect attempt.
    let reported = false;
    redis.on('ready', () => (reported = false));
    redis.on('error', (err: Error) => {
      if (reported) return;
      reported = true;
      opts.logger?.warn({ err }, 'redis connection error');
    });
  }

  get local(): this {
    return this;
  }

  /** Unguarded, every read goes to Redis (or fails): nothing is served from a copy that might be empty. */
  operatorRecordsKnown(): boolean {
    return true;
  }

  /** Unguarded, nobody watches for outages: an observer only hears the start state. */
  observeOutage(observer: StoreOutageObserver): void {
    observer.availability(true);
  }

  /** Every port's methods on one object (bound), for the outage guard and its mirror. */
  flat(): Store {
    const flat: Record<string, unknown> = {};
    for (const port of [this.results, this.history, this.windows, this.operator, this.coordination, this.lifecycle]) {
      let proto: object | null = Object.getPrototypeOf(port) as object;
      while (proto && proto !== Object.prototype) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          const fn = (port as unknown as Record<string, unknown>)[name];
          if (name !== 'constructor' && typeof fn === 'function' && !(name in flat)) flat[name] = (fn as (...a: unknown[]) => unknown).bind(port);
        }
        proto = Object.getPrototypeOf(proto) as object | null;
      }
    }
    return flat as unknown as Store;
  }

  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<void> {
    // Readiness must answer promptly even while ioredis keeps reconnecting in the background.
    await withTimeout(this.redis.ping(), timeoutMs, 'redis ping timed out');
  }

  /** Resolves once the first connection is ready, or after `timeoutMs` (whichever comes first). */
  firstConnection(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.redis.once('ready', done);
    });
  }

  /** The store's epoch id (see keys.ts), or null when Redis holds none (new, or emptied). */
  readEpoch(timeoutMs = PING_TIMEOUT_MS): Promise<string | null> {
    return withTimeout(this.redis.get(this.keys.epoch), timeoutMs, 'redis epoch read timed out');
  }

  /** Writes `id` as the epoch unless one exists; resolves to the epoch now stored. */
  async claimEpoch(id: string): Promise<string> {
    await this.redis.set(this.keys.epoch, id, 'NX');
    return (await this.redis.get(this.keys.epoch)) ?? id;
  }

  /** Redis persists on its own, so there is nothing to write. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    await Promise.all([this.coordination.close(), quietQuit(this.redis)]);
  }
}
