import { z } from 'zod';
import { bilingual } from './validation.ts';

/** Non-empty trimmed operator text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Text in Polish (required) and English (optional). */
export const localized = (max: number) => z.strictObject({ pl: text(max), en: text(max).optional() });

/** One configured component id. */
export function componentField(known: ReadonlySet<string>) {
  return z.string().superRefine((id, ctx) => {
    if (!known.has(id)) ctx.addIssue({ code: 'custom', ...bilingual(`Nieznany komponent „${id}”.`, `Unknown component "${id}".`) });
  });
}

/** A non-empty list of configured component ids (duplicates are harmless and dropped later). */
export function componentList(known: ReadonlySet<string>) {
  return z.array(componentField(known)).min(1).max(100);
}
