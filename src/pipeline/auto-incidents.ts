import { SYSTEM_ACTOR } from '../domain/actor.ts';
import type { ComponentState } from '../domain/types.ts';
import { planAutoIncidents } from '../incidents/auto.ts';
import { autoIncidentText, autoRecoveredText } from '../incidents/auto-text.ts';
import { createIncident, resolveIncident } from '../incidents/service.ts';
import type { PipelineDeps } from './context.ts';

/**
 * Opens a draft automatic incident for each component in outage longer than
 * `incidents.autoOpenAfter`, and resolves automatic incidents whose components recovered.
 * Runs on the coordinated evaluation tick (one replica per tick); incident ids are deterministic,
 * so a second replica racing it cannot open a duplicate.
 */
export async function runAutoIncidents(deps: PipelineDeps, states: ComponentState[]): Promise<void> {
  const { config, stores, clock } = deps;
  if (!config.incidents.autoOpen) return;
  const now = clock.now();
  const plan = planAutoIncidents(states, await stores.operator.getIncidents(), now, config.incidents.autoOpenAfter);
  const byId = new Map(config.components.map((c) => [c.id, c]));
  for (const o of plan.open) {
    const c = byId.get(o.component);
    if (!c) continue;
    const dependants = o.components.filter((id) => id !== o.component).flatMap((id) => byId.get(id)?.name ?? []);
    // The planner opens incidents for outages only: the outage words, never "wolniej".
    const text = autoIncidentText('outage', c.name, dependants, o.since);
    const created = await createIncident(deps, SYSTEM_ACTOR, { ...text, components: o.components }, { id: o.id, automatic: true });
    if (created) deps.logger.info({ incident: o.id, component: o.component }, 'automatic incident opened');
  }
  for (const r of plan.resolve) {
    const names = r.components.flatMap((id) => byId.get(id)?.name ?? []);
    // A person may have resolved it a moment ago; that is not an error.
    await resolveIncident(deps, SYSTEM_ACTOR, r.id, autoRecoveredText(names)).then(
      () => deps.logger.info({ incident: r.id }, 'automatic incident resolved'),
      (err: unknown) => deps.logger.warn({ err, incident: r.id }, 'automatic incident not resolved'),
    );
  }
}
