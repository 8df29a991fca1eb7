import { DateTime } from 'luxon';
import { SYSTEM_ACTOR } from '../admin/actor.ts';
import type { ComponentConfig } from '../config/schema.ts';
import type { ComponentState } from '../domain/types.ts';
import { planAutoIncidents } from '../incidents/auto.ts';
import { createIncident, resolveIncident } from '../incidents/service.ts';
import type { LocalizedText } from '../incidents/types.ts';
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
    const created = await createIncident(deps, SYSTEM_ACTOR, { title: title(c), body: openedText(c, o.since), impact: 'major', components: o.components }, { id: o.id, automatic: true });
    if (created) deps.logger.info({ incident: o.id, component: o.component }, 'automatic incident opened');
  }
  for (const r of plan.resolve) {
    const names = r.components.flatMap((id) => byId.get(id) ?? []);
    // A person may have resolved it a moment ago; that is not an error.
    await resolveIncident(deps, SYSTEM_ACTOR, r.id, recoveredText(names)).then(
      () => deps.logger.info({ incident: r.id }, 'automatic incident resolved'),
      (err: unknown) => deps.logger.warn({ err, incident: r.id }, 'automatic incident not resolved'),
    );
  }
}

function title(c: ComponentConfig): LocalizedText {
  return { pl: `Awaria: ${c.name.pl}`, en: `Outage: ${c.name.en}` };
}

function openedText(c: ComponentConfig, since: number): LocalizedText {
  const at = DateTime.fromMillis(since, { zone: 'Europe/Warsaw' });
  const when = at.toFormat('d.MM.yyyy, HH:mm');
  return {
    pl: `Wykryte automatycznie: ${c.name.pl} nie działa od ${when} (czasu polskiego). Sprawdzamy przyczynę.`,
    en: `Detected automatically: ${c.name.en} has been down since ${when} (Polish time). We are looking into it.`,
  };
}

function recoveredText(components: ComponentConfig[]): LocalizedText {
  const pl = components.map((c) => c.name.pl).join(', ') || 'Usługa';
  const en = components.map((c) => c.name.en).join(', ') || 'The service';
  return { pl: `Wykryte automatycznie: ${pl} znów działa.`, en: `Detected automatically: ${en} works again.` };
}
