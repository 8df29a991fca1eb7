import { z } from 'zod';
import { COMPONENT_STATUSES } from '../domain/types.ts';
import { INCIDENT_IMPACTS, INCIDENT_STATES } from '../domain/incidents.ts';
import type { RecordKind } from '../domain/quarantine.ts';

/**
 * Schemas of every record kind the stores keep, checked when a record is read back: a record
 * written by an older version, edited by hand or cut short must not reach the engine or a page
 * (one incident without a title used to break every snapshot rebuild). They check what readers
 * rely on and let unknown extra fields through, so adding a field never quarantines old records.
 */

const epoch = z.number().finite();
const text = z.looseObject({ pl: z.string(), en: z.string().optional() });
const status = z.enum(COMPONENT_STATUSES);

const incident = z.looseObject({
  id: z.string().min(1),
  version: z.number().int().min(1),
  title: text,
  impact: z.enum(INCIDENT_IMPACTS),
  state: z.enum(INCIDENT_STATES),
  components: z.array(z.string()),
  automatic: z.boolean(),
  draft: z.boolean(),
  createdAt: epoch,
  createdBy: z.string(),
  updatedAt: epoch,
  resolvedAt: epoch.nullable(),
  updates: z.array(z.looseObject({ id: z.string(), at: epoch, state: z.enum(INCIDENT_STATES), body: text, by: z.string() })),
});

const override = z.looseObject({ component: z.string().min(1), status, reason: z.string(), createdBy: z.string(), createdAt: epoch, expiresAt: epoch });

const window = z.looseObject({
  id: z.string().min(1),
  source: z.string(),
  // Kinds and states are open strings: a value added later must not quarantine every window.
  kind: z.string(),
  components: z.array(z.string()),
  start: epoch,
  end: epoch.nullable(),
  title: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  updatedAt: epoch,
  state: z.string(),
});

const reclassification = z.looseObject({ id: z.string().min(1), component: z.string(), from: epoch, to: epoch, reason: z.string(), createdBy: z.string(), createdAt: epoch });

const audit = z.looseObject({
  id: z.string().min(1),
  at: epoch,
  actor: z.string(),
  action: z.string(),
  target: z.looseObject({ kind: z.string(), id: z.string() }),
});

const outbox = z.looseObject({
  id: z.string().min(1),
  webhookId: z.string(),
  event: z.looseObject({ id: z.string(), type: z.string(), at: epoch, data: z.looseObject({}) }),
  attempts: z.number().int().min(0),
  nextAttemptAt: epoch,
  claimedUntil: epoch,
});

const componentState = z.looseObject({ id: z.string().min(1), status, since: epoch, lastCheckedAt: epoch.nullable(), reason: z.string(), rootCause: z.string().nullable() });

const probeState = z.looseObject({
  probeId: z.string().min(1),
  status: z.string(),
  consecutiveFailures: z.number(),
  consecutiveSuccesses: z.number(),
  lastOk: z.boolean(),
  lastReason: z.string(),
  lastCheckedAt: epoch.nullable(),
  since: epoch,
});

const probeResult = z.looseObject({ probeId: z.string().min(1), at: epoch, ok: z.boolean(), reason: z.string() });

const transition = z.looseObject({ component: z.string().min(1), at: epoch, status, reason: z.string(), rootCause: z.string().nullable() });

/** The schema of each record kind, by the name quarantine entries and logs use. */
export const RECORD_SCHEMAS: Record<RecordKind, z.ZodType> = {
  incident,
  override,
  window,
  reclassification,
  audit,
  outbox,
  componentState,
  probeState,
  probeResult,
  transition,
};

export { RECORD_KINDS, type RecordKind } from '../domain/quarantine.ts';

/** What was wrong with a record, as short paths and messages (never the values, which may hold anything). */
export function recordProblems(kind: RecordKind, value: unknown): string[] | null {
  const parsed = RECORD_SCHEMAS[kind].safeParse(value);
  if (parsed.success) return null;
  return parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
}
