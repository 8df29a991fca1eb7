import type { Clock } from '../domain/types.ts';
import { MemoryStore } from './memory/store.ts';
import type { Stores } from './ports.ts';
import { RedisGuard, type GuardLogger, type GuardOptions } from './redis/guard.ts';
import { RedisStore } from './redis/store.ts';

/** What `createStore` needs: Redis when `redisUrl` is set, the memory store otherwise. */
export interface CreateStoreOptions {
  redisUrl: string | null;
  keyPrefix: string;
  snapshotFile: string | null;
  clock: Clock;
  logger?: GuardLogger;
  /** Outage handling knobs for Redis (see RedisGuard); tests shorten them. */
  guard?: Omit<GuardOptions, 'logger'>;
}

/**
 * Opens the configured store: the only place the store kind is chosen. Redis comes behind a
 * RedisGuard (its shared face fails fast during an outage; `local` goes on from memory).
 */
export async function createStore(opts: CreateStoreOptions): Promise<Stores> {
  if (opts.redisUrl) {
    const redis = new RedisStore({ url: opts.redisUrl, keyPrefix: opts.keyPrefix, logger: opts.logger, clock: opts.clock });
    opts.logger?.info({ store: 'redis', keyPrefix: opts.keyPrefix }, 'store opened');
    return new RedisGuard(redis, { ...opts.guard, logger: opts.logger }).stores;
  }
  const memory = await MemoryStore.open({ snapshotFile: opts.snapshotFile, clock: opts.clock, logger: opts.logger });
  opts.logger?.info({ store: 'memory', snapshotFile: opts.snapshotFile }, 'store opened');
  return memory;
}
