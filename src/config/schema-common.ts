import { z } from 'zod';
import { parseDuration } from './duration.ts';

/** A duration string (`30s`, `5m`) parsed to milliseconds. */
export const duration = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a duration (use e.g. 500ms, 30s, 5m, 1h)` });
    return z.NEVER;
  }
  return ms;
});

/** A component id: lowercase words, optionally prefixed like `bank:<id>`. */
export const componentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)?$/, 'must be lowercase letters, digits, dashes, optionally prefixed like bank:<id>');

/** An id of a probe, login method or bank. */
export const itemId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');

/** Fields every probe kind shares. */
export const probeBase = {
  id: itemId,
  /** Component this probe measures; omit for canaries and notice sources. */
  component: componentId.optional(),
  /** Canary probes test the monitor's own connectivity (the self-connectivity guard). */
  canary: z.boolean().default(false),
  interval: duration,
  timeout: duration,
  failureThreshold: z.number().int().min(1).max(100).optional(),
  successThreshold: z.number().int().min(1).max(100).optional(),
};

/** A text in Polish and English. */
export const localized = z.strictObject({ pl: z.string().min(1), en: z.string().min(1) });

/** An expected HTTP status: a code or a class like `2xx`. */
export const statusPattern = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/, 'must be a status code or a class like 2xx'),
]);
