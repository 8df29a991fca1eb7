import type { RunCoordinator } from 'node-cron';
import type { CoordinationPort } from '../store/ports.ts';

/** Told when a fire ran without a lease because the store could not be asked. */
export type FailOpenHook = (key: string, err: unknown) => void;

/**
 * node-cron RunCoordinator backed by the store's lease (SET NX PX on Redis), so each
 * scheduled fire runs on exactly one replica. Leases are left to expire rather than
 * released on completion: a replica whose clock lags must not re-run a finished slot.
 * It fails OPEN: when the store cannot answer, every replica runs the fire. A duplicate probe
 * is harmless; a lost one would blind the monitor exactly when something is broken.
 */
export function leaseCoordinator(leases: Pick<CoordinationPort, 'acquireLease'>, onFailOpen?: FailOpenHook): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) =>
      leases.acquireLease(`cron:${key}`, ttlMs).catch((err: unknown) => {
        onFailOpen?.(key, err);
        return true;
      }),
  };
}
