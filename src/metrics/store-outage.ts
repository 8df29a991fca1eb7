import { Counter, Gauge, type Registry } from 'prom-client';
import type { StoreOutageObserver } from '../store/ports.ts';

/** Metrics of store outages on this replica, and the observer that feeds them. */
export interface StoreOutageMetrics {
  observer: StoreOutageObserver;
  /** Counts a scheduled fire run without a lease because the store did not answer. */
  failOpen(): void;
}

/**
 * Registers the outage metrics (issue 10): what the guard holds in memory, what it gave up on,
 * what it wrote back, emptied stores it found, and fires run without coordination.
 */
export function registerStoreOutageMetrics(registry: Registry): StoreOutageMetrics {
  const buffered = new Gauge({
    name: 'ikpstatus_store_writes_buffered',
    help: 'Probe results and status changes held in memory because the store is unreachable, waiting to be written back.',
    registers: [registry],
  });
  const dropped = new Counter({
    name: 'ikpstatus_store_writes_dropped_total',
    help: 'Writes lost because the outage buffer was full (kind: result or transition).',
    labelNames: ['kind'],
    registers: [registry],
  });
  const writtenBack = new Counter({
    name: 'ikpstatus_store_writes_written_back_total',
    help: 'Buffered writes written back to the store after an outage.',
    registers: [registry],
  });
  const flushes = new Counter({
    name: 'ikpstatus_store_emptied_total',
    help: 'Times the store was found emptied (FLUSHALL or data loss) and re-seeded from this replica.',
    registers: [registry],
  });
  const failOpen = new Counter({
    name: 'ikpstatus_scheduler_fail_open_total',
    help: 'Scheduled fires run without a cross-replica lease because the store did not answer.',
    registers: [registry],
  });
  return {
    observer: {
      availability: () => undefined,
      buffered: (n) => buffered.set(n),
      dropped: (kind, n) => dropped.inc({ kind }, n),
      writtenBack: (n) => writtenBack.inc(n),
      flushDetected: () => flushes.inc(),
    },
    failOpen: () => failOpen.inc(),
  };
}
