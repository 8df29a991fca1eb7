import { Gauge, type Registry } from 'prom-client';
import type { Config } from '../config/schema.ts';
import type { PublicState } from '../domain/public-state.ts';
import { COMPONENT_STATUSES } from '../domain/types.ts';

/**
 * Registers the gauges that state what the public is told. They format the same public state
 * the page, the APIs, the badges and triage serve (the status snapshot, rebuilt from the shared
 * store on every change), so a scrape can never disagree with the page: it is not a second
 * derivation from a store read taken at another instant. `current` returns null before the
 * snapshot's first build; the gauges are then empty.
 */
export function registerPublicStateCollectors(registry: Registry, config: Config, current: () => PublicState | null): void {
  new Gauge({
    name: 'ikpstatus_component_status',
    help: 'One-hot component status as every face shows it (the public state): 1 for the current status, 0 for the other four.',
    labelNames: ['component', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      const p = current();
      if (p === null) return;
      const byId = new Map(p.components.map((c) => [c.id, c.status]));
      for (const c of config.components) {
        const shown = byId.get(c.id) ?? 'unknown';
        for (const status of COMPONENT_STATUSES) this.set({ component: c.id, status }, status === shown ? 1 : 0);
      }
    },
  });
}
