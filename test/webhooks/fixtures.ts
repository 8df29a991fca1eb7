import { webhookSchema, type WebhookConfig } from '../../src/config/operator-schema.ts';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { openIncident } from '../../src/incidents/lifecycle.ts';
import { componentChanged, incidentChanged, maintenanceEdge } from '../../src/domain/event-builders.ts';
import type { WebhookEvent } from '../../src/webhooks/types.ts';

export const T = Date.parse('2026-03-28T22:00:00+01:00');
export const SECRET = 'a-very-long-shared-secret';
export const NAMES = new Map([['ikp', 'IKP'], ['profil-zaufany', 'Profil Zaufany'], ['login-gov', 'login.gov.pl']]);

/** A webhook config as the schema would produce it. */
export function webhook(extra: Record<string, unknown> = {}): WebhookConfig {
  return webhookSchema.parse({ id: 'ops', kind: 'generic', url: 'http://127.0.0.1:9/hook', secret: SECRET, ...extra });
}

export const window: MaintenanceWindow = {
  id: 'manual-1',
  source: 'manual',
  noticeKey: 'manual-1',
  kind: 'maintenance',
  components: ['profil-zaufany'],
  start: T,
  end: T + 8 * 3_600_000,
  title: 'Prace <serwisowe> & aktualizacja',
  text: 'Profil Zaufany będzie niedostępny.',
  link: null,
  publishedAt: T - 86_400_000,
  firstSeenAt: T - 86_400_000,
  lastSeenAt: T,
  updatedAt: T,
  state: 'announced',
};

/** One event of each kind family. */
export function events(): Record<'component' | 'incident' | 'maintenance', WebhookEvent> {
  const incident = openIncident('inc-1', { title: { pl: 'Awaria e-recept' }, body: { pl: 'Trwa awaria e-recept, pracujemy nad rozwiązaniem.' }, impact: 'critical', components: ['ikp'] }, { updateId: 'u1', by: 'alice', at: T });
  return {
    component: componentChanged(
      { id: 'ikp', status: 'operational', since: T - 3_600_000, lastCheckedAt: T, reason: 'ok', rootCause: null },
      { id: 'ikp', status: 'outage', since: T, lastCheckedAt: T, reason: 'timeout', rootCause: 'login-gov' },
      T,
    ),
    incident: incidentChanged(incident, T),
    maintenance: maintenanceEdge('maintenance.started', window, T),
  };
}
