import type { Clock } from '../domain/types.ts';
import { MemoryStore } from './memory.ts';
import { RedisStore } from './redis.ts';
import type { StoreLogger } from './snapshot-file.ts';
import type { Store } from './store.ts';

/** What `createStore` needs: Redis when `redisUrl` is set, the memory store otherwise. */
export interface CreateStoreOptions {
  redisUrl: string | null;
  keyPrefix: string;
  snapshotFile: string | null;
  clock: Clock;
  logger?: StoreLogger;
}

/** Opens the configured store (the only place the store kind is chosen). */
export async function createStore(opts: CreateStoreOptions): Promise<Store> {
  if (opts.redisUrl) return new RedisStore({ url: opts.redisUrl, keyPrefix: opts.keyPrefix, logger: opts.logger, clock: opts.clock });
  return MemoryStore.open({ snapshotFile: opts.snapshotFile, clock: opts.clock, logger: opts.logger });
}
