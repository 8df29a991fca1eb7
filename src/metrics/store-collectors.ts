import { Gauge, type Registry } from 'prom-client';
import type { Config } from '../config/schema.ts';
import type { ComponentState } from '../domain/types.ts';
import { isActive, isUpcoming } from '../domain/windows.ts';
import type { StorePorts } from '../store/ports.ts';
import { sharedStoreReader, type StoreReading } from './store-reading.ts';

/** What the store-read gauges need. */
export interface StoreCollectorDeps {
  config: Config;
  stores: Pick<StorePorts, 'results' | 'windows' | 'operator'>;
  now: () => number;
  /** Called when a scrape cannot read the store (the gauges are then left empty). */
  onError: (err: unknown) => void;
}

type Fill<L extends string> = (gauge: Gauge<L>, reading: StoreReading, now: number) => void;

/**
 * Registers the gauges read from the store at collect time (DESIGN.md §4): every replica
 * reports the same values whichever replica ran the probes. Label values come from the
 * config only, so they stay bounded.
 */
export function registerStoreCollectors(registry: Registry, deps: StoreCollectorDeps): void {
  const { config } = deps;
  const read = sharedStoreReader(deps.stores, deps.onError);
  const add = <L extends string>(name: string, help: string, labelNames: L[], fill: Fill<L>): void => {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const reading = await read();
        this.reset();
        if (reading) fill(this, reading, deps.now());
      },
    });
  };

  new Gauge({
    name: 'ikpstatus_store_up',
    help: 'Whether this replica could read the store during the scrape (the store-read gauges are empty when 0; ikpstatus_component_status still shows what the page shows).',
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });

  add('ikpstatus_monitor_blind', '1 while no canary succeeds and every component is unknown/monitor_offline.', [], (g, r) => {
    // The same rule as the status API: the guard marks components monitor_offline all at once.
    g.set(config.components.some((c) => stateOf(r, c.id).reason === 'monitor_offline') ? 1 : 0);
  });

  add('ikpstatus_maintenance_active', '1 while an announced maintenance window covers the component.', ['component'], (g, r, now) => {
    for (const c of config.components) {
      const active = r.windows.some((w) => w.kind === 'maintenance' && w.components.includes(c.id) && isActive(w, now));
      g.set({ component: c.id }, active ? 1 : 0);
    }
  });

  add(
    'ikpstatus_maintenance_next_start_timestamp_seconds',
    'Start of the next announced maintenance window per component; absent when none is announced.',
    ['component'],
    (g, r, now) => {
      for (const c of config.components) {
        const starts = r.windows.filter((w) => w.kind === 'maintenance' && w.components.includes(c.id) && isUpcoming(w, now)).map((w) => w.start);
        if (starts.length > 0) g.set({ component: c.id }, Math.min(...starts) / 1000);
      }
    },
  );

  add('ikpstatus_incident_open', '1 while an unresolved incident (posted or automatic) names the component.', ['component'], (g, r) => {
    for (const c of config.components) {
      g.set({ component: c.id }, r.incidents.some((i) => i.state !== 'resolved' && i.components.includes(c.id)) ? 1 : 0);
    }
  });

  add('ikpstatus_probe_success', 'Whether the latest run of the probe passed its checks (blackbox_exporter probe_success).', ['probe', 'component'], (g, r) => {
    for (const p of config.probes) {
      const st = r.probes.get(p.id);
      if (st?.lastCheckedAt != null) g.set({ probe: p.id, component: p.component ?? '' }, st.lastOk ? 1 : 0);
    }
  });

  add('ikpstatus_last_probe_timestamp_seconds', 'When the probe last ran, on any replica.', ['probe'], (g, r) => {
    for (const p of config.probes) {
      const at = r.probes.get(p.id)?.lastCheckedAt;
      if (at != null) g.set({ probe: p.id }, at / 1000);
    }
  });

  const interval = new Gauge({
    name: 'ikpstatus_probe_interval_seconds',
    help: 'Configured interval of the probe (staleness alerts compare the last run against it).',
    labelNames: ['probe'],
    registers: [registry],
  });
  for (const p of config.probes) interval.set({ probe: p.id }, p.interval / 1000);
}

function stateOf(r: StoreReading, id: string): Pick<ComponentState, 'status' | 'reason' | 'lastCheckedAt'> {
  // A component never evaluated is unknown, exactly as the status API shows it.
  return r.components.get(id) ?? { status: 'unknown', reason: 'no_data', lastCheckedAt: null };
}
