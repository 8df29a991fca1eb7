import type { ComponentState, MaintenanceWindow, ProbeState } from '../domain/types.ts';
import type { Incident } from '../incidents/types.ts';
import type { StorePorts } from '../store/ports.ts';

/** Everything the store-read gauges need, read once per scrape. */
export interface StoreReading {
  components: Map<string, ComponentState>;
  probes: Map<string, ProbeState>;
  windows: MaintenanceWindow[];
  incidents: Incident[];
}

/** A scrape must answer well inside Prometheus's timeout even when the store hangs (frozen Redis). */
const READ_BUDGET_MS = 400;

/**
 * Returns a reader that shares one in-flight store read between all gauges collected in
 * the same scrape (prom-client collects them concurrently), so a scrape costs one read.
 * Resolves to null when the store does not answer.
 */
export function sharedStoreReader(stores: Pick<StorePorts, 'results' | 'windows' | 'operator'>, onError: (err: unknown) => void): () => Promise<StoreReading | null> {
  let inFlight: Promise<StoreReading | null> | null = null;
  return () =>
    (inFlight ??= withinBudget(Promise.all([stores.results.getComponentStates(), stores.results.getProbeStates(), stores.windows.getWindows(), stores.operator.getIncidents()]))
      .then(
        ([components, probes, windows, incidents]): StoreReading | null => ({ components, probes, windows, incidents }),
        (err: unknown) => {
          onError(err);
          return null;
        },
      )
      .finally(() => {
        inFlight = null;
      }));
}

function withinBudget<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('store read over the scrape budget'), { code: 'ETIMEDOUT' })), READ_BUDGET_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
