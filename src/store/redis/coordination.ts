import type { Redis } from 'ioredis';
import type { CoordinationPort, RateLimitStore } from '../ports.ts';
import { quietQuit, type RedisContext } from './context.ts';
import { redisRateLimitStore, type SendCommand } from './rate-limit.ts';

/** SET NX PX, or true when the key already holds this owner's token. */
const CLAIM_SCRIPT = `if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
return 0`;

/** Leases (SET NX PX), the "changed" channel (pub/sub on a dedicated connection) and shared rate-limit counters on Redis. */
export class RedisCoordination implements CoordinationPort {
  private readonly listeners = new Set<() => void>();
  /** Dedicated connection in subscriber mode, created on the first subscribe. */
  private subscriber: Redis | null = null;
  private subscribed: Promise<void> | null = null;

  constructor(private readonly ctx: RedisContext) {}

  /** Sends one raw command; only for libraries that keep their own keys in Redis (rate-limit counters). */
  readonly sendCommand: SendCommand = (...args) => this.ctx.redis.call(args[0]!, ...args.slice(1)) as ReturnType<SendCommand>;

  async acquireLease(key: string, ttlMs: number, owner?: string): Promise<boolean> {
    const px = Math.max(1, Math.ceil(ttlMs));
    if (owner === undefined) return (await this.ctx.redis.set(this.ctx.keys.lease(key), '1', 'PX', px, 'NX')) === 'OK';
    // One script, so "taken now" and "already ours" are judged atomically.
    return (await this.ctx.redis.eval(CLAIM_SCRIPT, 1, this.ctx.keys.lease(key), owner, px)) === 1;
  }

  async releaseLease(key: string): Promise<void> {
    await this.ctx.redis.del(this.ctx.keys.lease(key));
  }

  async publishChanged(): Promise<void> {
    await this.ctx.redis.publish(this.ctx.keys.changedChannel, '1');
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

  rateLimitStore(limiter: string): RateLimitStore {
    return this.rateLimitStoreVia(limiter, this.sendCommand);
  }

  /** A rate-limit store whose commands go through `send` (the outage guard passes its best-effort path). */
  rateLimitStoreVia(limiter: string, send: SendCommand): RateLimitStore {
    return redisRateLimitStore(send, this.ctx.keys.rateLimitPrefix(limiter));
  }

  /** Drops the listeners and the subscriber connection. */
  async close(): Promise<void> {
    this.listeners.clear();
    const sub = this.subscriber;
    this.subscriber = null;
    this.subscribed = null;
    if (sub) await quietQuit(sub);
  }

  private ensureSubscriber(): Promise<void> {
    if (this.subscribed) return this.subscribed;
    // The subscriber's own SUBSCRIBE must wait for its connection (the main client's queue is off
    // once it has connected); a subscriber is re-subscribed by ioredis after each reconnect.
    const sub = this.ctx.redis.duplicate({ enableOfflineQueue: true });
    sub.on('error', (err: Error) => this.ctx.logger?.warn({ err }, 'redis subscriber connection error'));
    sub.on('message', (channel: string) => {
      if (channel !== this.ctx.keys.changedChannel) return;
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (err) {
          this.ctx.logger?.warn({ err }, 'store "changed" listener threw');
        }
      }
    });
    this.subscriber = sub;
    this.subscribed = sub.subscribe(this.ctx.keys.changedChannel).then(
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
}
