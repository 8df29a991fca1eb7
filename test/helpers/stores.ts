import { systemClock } from '../../src/domain/clock.ts';
import type { Clock } from '../../src/domain/types.ts';
import { createStore, type CreateStoreOptions } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';

/** An embedded store as the app opens it (createStore without Redis); `snapshotFile` null keeps nothing on disk. */
export function memoryStores(clock: Clock = systemClock, snapshotFile: string | null = null): Promise<Stores> {
  return createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile, clock });
}

/** A Redis store as the app opens it (createStore: behind the outage guard). */
export function redisStores(url: string, keyPrefix: string, extra: Partial<Pick<CreateStoreOptions, 'clock' | 'guard' | 'logger'>> = {}): Promise<Stores> {
  return createStore({ redisUrl: url, keyPrefix, snapshotFile: null, clock: systemClock, ...extra });
}
