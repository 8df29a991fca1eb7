import { z } from 'zod';
import { componentList, localized } from '../admin/fields.ts';
import { bilingual } from '../admin/validation.ts';
import { INCIDENT_IMPACTS, INCIDENT_STATES } from './types.ts';

const TITLE_MAX = 200;
const BODY_MAX = 5_000;

/** Request bodies of the incident admin API, checked against the configured components. */
export function incidentInputs(known: ReadonlySet<string>) {
  const components = componentList(known);
  return {
    create: z.strictObject({
      title: localized(TITLE_MAX),
      body: localized(BODY_MAX),
      impact: z.enum(INCIDENT_IMPACTS),
      components,
      state: z.enum(['investigating', 'identified', 'monitoring']).optional(),
    }),
    update: z.strictObject({ state: z.enum(INCIDENT_STATES), body: localized(BODY_MAX) }),
    resolve: z.strictObject({ body: localized(BODY_MAX).optional() }),
    edit: z
      .strictObject({ title: localized(TITLE_MAX).optional(), impact: z.enum(INCIDENT_IMPACTS).optional(), components: components.optional() })
      .refine((p) => p.title !== undefined || p.impact !== undefined || p.components !== undefined, {
        ...bilingual('Podaj co najmniej jedno z pól: title, impact, components.', 'Give at least one of: title, impact, components.'),
      }),
  };
}
