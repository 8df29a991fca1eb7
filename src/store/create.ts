import type { Clock } from '../domain/types.ts';
import { MemoryStore } from './memory.ts';
import { RedisGuard, type GuardLogger, type GuardOptions } from './redis-guard.ts';
import { RedisStore } from './redis.ts';
import type { Store } from './store.ts';

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
 * Opens the configured store (the only place the store kind is chosen). Redis comes behind a
 * RedisGuard: this returns its shared face; `localFaceOf` gives the pipeline's face.
 */
export async function createStore(opts: CreateStoreOptions): Promise<Store> {
  if (opts.redisUrl) {
    const redis = new RedisStore({ url: opts.redisUrl, keyPrefix: opts.keyPrefix, logger: opts.logger, clock: opts.clock });
    return new RedisGuard(redis, { ...opts.guard, logger: opts.logger }).shared;
  }
  return MemoryStore.open({ snapshotFile: opts.snapshotFile, clock: opts.clock, logger: opts.logger });
}
