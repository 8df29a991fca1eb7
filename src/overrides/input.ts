import { z } from 'zod';
import { componentField, text } from '../admin/fields.ts';
import { bilingual } from '../admin/validation.ts';
import { operatorTime } from '../admin/warsaw-time.ts';
import { parseDuration } from '../config/duration.ts';
import { COMPONENT_STATUSES } from '../domain/types.ts';

const durationField = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms !== null && ms > 0) return ms;
  ctx.addIssue({ code: 'custom', ...bilingual('Podaj czas trwania, np. 30m, 2h, 1d.', 'Give a duration such as 30m, 2h or 1d.') });
  return z.NEVER;
});

/** Request body of POST /api/v1/admin/overrides: an end time (`until`) or a duration (`for`), not both. */
export function overrideInput(known: ReadonlySet<string>) {
  return z
    .strictObject({
      component: componentField(known),
      status: z.enum(COMPONENT_STATUSES),
      reason: text(500).min(3),
      until: operatorTime.optional(),
      for: durationField.optional(),
    })
    .superRefine((o, ctx) => {
      if ((o.until === undefined) === (o.for === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['until'], ...bilingual('Podaj dokładnie jedno z pól: until albo for.', 'Give exactly one of until or for.') });
      }
    });
}
export type OverrideInput = z.output<ReturnType<typeof overrideInput>>;
