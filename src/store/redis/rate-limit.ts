import { RedisStore as RateLimitRedisStore, type RedisReply } from 'rate-limit-redis';
import type { RateLimitStore } from '../ports.ts';

/** Sends one raw Redis command (e.g. ioredis `(...args) => client.call(...args)`). */
export type SendCommand = (...args: string[]) => Promise<RedisReply>;

/** A rate-limit store whose counters live in Redis under `prefix`, so every replica enforces one budget. */
export function redisRateLimitStore(sendCommand: SendCommand, prefix: string): RateLimitStore {
  return new RateLimitRedisStore({ sendCommand, prefix });
}
