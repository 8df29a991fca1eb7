import { z } from 'zod';
import { componentField, text } from '../admin/fields.ts';
import { operatorTime } from '../admin/warsaw-time.ts';

/** Request body of POST /api/v1/admin/reclassify. */
export function reclassifyInput(known: ReadonlySet<string>) {
  return z.strictObject({ component: componentField(known), from: operatorTime, to: operatorTime, reason: text(500).min(3) });
}
export type ReclassifyInput = z.output<ReturnType<typeof reclassifyInput>>;
