import type { RunCoordinator } from 'node-cron';
import type { Store } from '../store/store.ts';

/**
 * node-cron RunCoordinator backed by the store's lease (SET NX PX on Redis), so each
 * scheduled fire runs on exactly one replica. Leases are left to expire rather than
 * released on completion: a replica whose clock lags must not re-run a finished slot.
 */
export function leaseCoordinator(store: Store): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => store.acquireLease(`cron:${key}`, ttlMs),
  };
}
