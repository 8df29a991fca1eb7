import { Redis, type RedisOptions } from 'ioredis';
import { DateTime } from 'luxon';
import { COMPONENT_STATUSES } from '../domain/types.ts';
import type { ComponentState, ComponentStatus, MaintenanceWindow, ProbeResult, ProbeState, StatusTransition, UptimeBucket } from '../domain/types.ts';
import { systemClock } from '../domain/clock.ts';
import type { Clock } from '../domain/types.ts';
import { redisKeys } from './keys.ts';
import { RedisQuarantine } from './redis-quarantine.ts';
import { RedisHistory } from './redis-history.ts';
import { RedisOperatorData } from './redis-operator.ts';
import type { StoreLogger } from './snapshot-file.ts';
import type { Store } from './store.ts';

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

/** Longest day range one `getUptime` call reads, so a bad query cannot fan out into thousands of keys. */
const MAX_UPTIME_RANGE_DAYS = 1000;

/** The production store shared by every replica; key names come from keys.ts. */
export class RedisStore extends RedisOperatorData implements Store {
  private readonly history: RedisHistory;
  private readonly listeners = new Set<() => void>();
  /** Dedicated connection in subscriber mode, created on the first subscribe. */
  private subscriber: Redis | null = null;
  private subscribed: Promise<void> | null = null;

  /** Sends one raw command; only for libraries that keep their own keys in Redis (rate-limit counters). */
  sendCommand(command: string, ...args: string[]): Promise<unknown> {
    return this.redis.call(command, ...args);
  }

  constructor(opts: RedisStoreOptions) {
    const redis = 'client' in opts ? opts.client : new Redis(opts.url, { ...FAIL_FAST_OPTIONS, ...opts.redisOptions });
    const keys = redisKeys(opts.keyPrefix);
    super(redis, keys, opts.logger, new RedisQuarantine(redis, keys, opts.clock ?? systemClock, opts.logger));
    if (!('client' in opts)) {
      const offlineQueueOff = (): void => {
        this.redis.options.enableOfflineQueue = false;
      };
      this.redis.once('ready', offlineQueueOff);
      this.redis.once('error', offlineQueueOff);
    }
    this.history = new RedisHistory(this.redis, this.keys, <T>(json: string, where: string) => this.parse<T>(json, where));
    // One line per outage, not one per reconnect attempt.
    let reported = false;
    this.redis.on('ready', () => (reported = false));
    this.redis.on('error', (err: Error) => {
      if (reported) return;
      reported = true;
      this.logger?.warn({ err }, 'redis connection error');
    });
  }

  async appendResult(result: ProbeResult, keep: number): Promise<void> {
    const key = this.keys.results(result.probeId);
    // LTRIM 0 -1 would keep everything, so "keep none" is a delete.
    if (keep <= 0) {
      await this.redis.del(key);
      return;
    }
    await this.redis.multi().lpush(key, JSON.stringify(result)).ltrim(key, 0, keep - 1).exec();
  }

  async recentResults(probeId: string, limit: number): Promise<ProbeResult[]> {
    if (limit <= 0) return [];
    const raw = await this.redis.lrange(this.keys.results(probeId), 0, limit - 1);
    return raw.flatMap((json) => this.parse<ProbeResult>(json, this.keys.results(probeId)));
  }

  async getProbeStates(): Promise<Map<string, ProbeState>> {
    return this.readHash<ProbeState>(this.keys.probeStates);
  }

  async setProbeState(state: ProbeState): Promise<void> {
    await this.redis.hset(this.keys.probeStates, state.probeId, JSON.stringify(state));
  }

  async getComponentStates(): Promise<Map<string, ComponentState>> {
    return this.readHash<ComponentState>(this.keys.componentStates);
  }

  async setComponentStates(states: ComponentState[]): Promise<void> {
    if (states.length === 0) return;
    await this.redis.hset(this.keys.componentStates, Object.fromEntries(states.map((s) => [s.id, JSON.stringify(s)])));
  }

  async addUptime(component: string, day: string, status: ComponentStatus, seconds: number, retainDays: number): Promise<void> {
    const start = parseDay(day);
    // Expiry follows the bucket's own day, not the write time, so re-writing an old day never extends it.
    const expireAt = Math.floor(start.plus({ days: retainDays + 1 }).toSeconds());
    const key = this.keys.uptime(component, day);
    await this.redis.multi().hincrbyfloat(key, status, seconds).expireat(key, expireAt).exec();
  }

  async getUptime(component: string, fromDay: string, toDay: string): Promise<UptimeBucket[]> {
    const days = daysBetween(parseDay(fromDay), parseDay(toDay));
    if (days.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const day of days) pipeline.hgetall(this.keys.uptime(component, day));
    const replies = (await pipeline.exec()) ?? [];
    const buckets: UptimeBucket[] = [];
    replies.forEach(([err, value], i) => {
      if (err) throw err;
      const fields = value as Record<string, string>;
      const day = days[i];
      if (day === undefined || Object.keys(fields).length === 0) return;
      const seconds = Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, Number(fields[s] ?? 0)])) as Record<ComponentStatus, number>;
      buckets.push({ day, seconds });
    });
    return buckets;
  }

  addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void> {
    return this.history.addTransitions(transitions, retainDays);
  }

  getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]> {
    return this.history.getTransitions(component, from, to);
  }

  putWindows(windows: MaintenanceWindow[]): Promise<void> {
    return this.history.putWindows(windows);
  }

  getWindows(): Promise<MaintenanceWindow[]> {
    return this.history.getWindows();
  }

  pruneWindows(before: number): Promise<void> {
    return this.history.pruneWindows(before);
  }

  async acquireLease(key: string, ttlMs: number): Promise<boolean> {
    const reply = await this.redis.set(this.keys.lease(key), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return reply === 'OK';
  }

  async releaseLease(key: string): Promise<void> {
    await this.redis.del(this.keys.lease(key));
  }

  async publishChanged(): Promise<void> {
    await this.redis.publish(this.keys.changedChannel, '1');
  }

  async subscribeChanged(listener: () => void): Promise<() => Promise<void>> {
    await this.ensureSubscriber();
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const entry = (): void => listener();
    this.listeners.add(entry);
    return async () => {
      this.listeners.delete(entry);
    };
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
    this.listeners.clear();
    const connections = [this.redis, this.subscriber];
    this.subscriber = null;
    this.subscribed = null;
    await Promise.all(connections.map((c) => (c ? quietQuit(c) : undefined)));
  }

  private ensureSubscriber(): Promise<void> {
    if (this.subscribed) return this.subscribed;
    // The subscriber's own SUBSCRIBE must wait for its connection (the main client's queue is off
    // once it has connected); a subscriber is re-subscribed by ioredis after each reconnect.
    const sub = this.redis.duplicate({ enableOfflineQueue: true });
    sub.on('error', (err: Error) => this.logger?.warn({ err }, 'redis subscriber connection error'));
    sub.on('message', (channel: string) => {
      if (channel !== this.keys.changedChannel) return;
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (err) {
          this.logger?.warn({ err }, 'store "changed" listener threw');
        }
      }
    });
    this.subscriber = sub;
    this.subscribed = sub.subscribe(this.keys.changedChannel).then(
      () => undefined,
      // A failed subscribe must not poison later attempts.
      async (err: unknown) => {
        if (this.subscriber === sub) {
          this.subscriber = null;
          this.subscribed = null;
        }
        await quietQuit(sub);
        throw err;
      },
    );
    return this.subscribed;
  }

  private async readHash<T>(key: string): Promise<Map<string, T>> {
    const fields = await this.redis.hgetall(key);
    const out = new Map<string, T>();
    for (const [id, json] of Object.entries(fields)) {
      const [value] = this.parse<T>(json, key);
      if (value !== undefined) out.set(id, value);
    }
    return out;
  }
}

/** Rejects with code ETIMEDOUT when `p` has not settled within `ms`. */
async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(message), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Quits a connection, tolerating one that is already closed or never connected. */
async function quietQuit(conn: Redis): Promise<void> {
  if (conn.status === 'end') return;
  // QUIT on a connection that is not up would wait for a reconnect that may never come.
  if (conn.status !== 'ready') {
    conn.disconnect();
    return;
  }
  try {
    await conn.quit();
  } catch {
    conn.disconnect();
  }
}

function parseDay(day: string): DateTime {
  const dt = DateTime.fromFormat(day, 'yyyy-MM-dd', { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`uptime day must be YYYY-MM-DD, got "${day}"`);
  return dt;
}

/** Days from `from` to `to` inclusive; an over-long range keeps its newest MAX_UPTIME_RANGE_DAYS days. */
function daysBetween(from: DateTime, to: DateTime): string[] {
  const earliest = to.minus({ days: MAX_UPTIME_RANGE_DAYS - 1 });
  const days: string[] = [];
  for (let d = from < earliest ? earliest : from; d <= to; d = d.plus({ days: 1 })) days.push(d.toFormat('yyyy-MM-dd'));
  return days;
}
