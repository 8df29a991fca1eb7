import { z } from 'zod';
import { componentList, text } from '../admin/fields.ts';
import { bilingual } from '../admin/validation.ts';
import { operatorTime } from '../admin/warsaw-time.ts';

const fields = (known: ReadonlySet<string>) => ({
  components: componentList(known),
  start: operatorTime,
  end: operatorTime,
  title: text(200),
  text: z.string().trim().max(5_000),
  link: z.url({ protocol: /^https?$/ }).nullable(),
});

/** Request bodies of the manual maintenance admin API (times: ISO with offset, or Europe/Warsaw wall clock). */
export function maintenanceInputs(known: ReadonlySet<string>) {
  const f = fields(known);
  return {
    create: z.strictObject({ ...f, text: f.text.default(''), link: f.link.default(null) }),
    edit: z
      .strictObject({
        components: f.components.optional(),
        start: f.start.optional(),
        end: f.end.optional(),
        title: f.title.optional(),
        text: f.text.optional(),
        link: f.link.optional(),
      })
      .refine((p) => Object.values(p).some((v) => v !== undefined), {
        ...bilingual('Podaj co najmniej jedno pole do zmiany.', 'Give at least one field to change.'),
      }),
  };
}
type Inputs = ReturnType<typeof maintenanceInputs>;
export type NewManualWindow = z.output<Inputs['create']>;
export type ManualWindowPatch = z.output<Inputs['edit']>;
