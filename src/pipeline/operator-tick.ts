import type { ComponentState } from '../domain/types.ts';
import { runAutoIncidents } from './auto-incidents.ts';
import type { PipelineDeps } from './context.ts';
import { emitMaintenanceEdges } from './maintenance-edges.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The operator steps of a coordinated evaluation tick: automatic incidents, maintenance
 * start/end webhooks, taking over webhook deliveries a dead replica left in the outbox and,
 * once an hour, pruning expired overrides, old resolved incidents and windows older than the
 * uptime history.
 * Each step fails alone (logged), so none can stop the others or the uptime booking.
 */
export async function operatorTick(deps: PipelineDeps, states: ComponentState[], tickMs: number): Promise<void> {
  const now = deps.clock.now();
  await step(deps, 'automatic incidents', () => runAutoIncidents(deps, states));
  await step(deps, 'maintenance webhooks', () => emitMaintenanceEdges(deps, tickMs));
  await step(deps, 'webhook outbox recovery', async () => deps.events?.recoverOrphans?.());
  if (now % HOUR_MS < tickMs) {
    await step(deps, 'pruning', async () => {
      await deps.stores.operator.pruneOverrides(now);
      await deps.stores.operator.pruneIncidents(now - deps.config.store.uptimeDays * DAY_MS);
      // Windows are kept as long as uptime history, so past-time triage can still see them.
      await deps.stores.windows.pruneWindows(now - deps.config.store.uptimeDays * DAY_MS);
    });
  }
}

async function step(deps: PipelineDeps, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    deps.logger.warn({ err, step: name }, 'evaluation tick step failed');
  }
}
