import { z } from 'zod';
import { ADMIN_ROLES } from '../domain/actor.ts';
import { parseTokenHash } from '../domain/token-hash.ts';
import { duration, itemId } from './schema-common.ts';

/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'component.status_changed',
  'incident.created',
  'incident.updated',
  'incident.resolved',
  'maintenance.started',
  'maintenance.ended',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const tokenHash = z.string().superRefine((s, ctx) => {
  const parsed = parseTokenHash(s);
  if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
});

/** One admin API token: only its salted hash is configured, never the token. */
export const adminTokenSchema = z.strictObject({
  name: itemId,
  role: z.enum(ADMIN_ROLES),
  hash: tokenHash,
});
export type AdminTokenConfig = z.infer<typeof adminTokenSchema>;

const CONSOLE_DEFAULTS = { idleTimeout: 1_800_000, maxAge: 43_200_000, signInRateLimit: 10 };

const consoleSchema = z
  .strictObject({
    /** A session ends after this long without a request. */
    idleTimeout: duration.default(CONSOLE_DEFAULTS.idleTimeout),
    /** A session ends this long after sign-in, however busy. */
    maxAge: duration.default(CONSOLE_DEFAULTS.maxAge),
    /** Key that signs session cookies; shared by every replica. Defaults to one derived from the token hashes. Sessions stay bound to their token either way. */
    sessionSecret: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Failed sign-ins per client IP per minute (successful ones do not count; on top of the admin rate limit). */
    signInRateLimit: z.number().int().min(1).max(1_000).default(CONSOLE_DEFAULTS.signInRateLimit),
  })
  .default(CONSOLE_DEFAULTS);

export const adminSchema = z
  .strictObject({
    tokens: z.array(adminTokenSchema).default([]),
    /** Requests per client IP and window on /api/v1/admin (per replica). */
    rateLimit: z
      .strictObject({ window: duration.default(60_000), max: z.number().int().min(1).max(100_000).default(120) })
      .default({ window: 60_000, max: 120 }),
    /** Audit entries kept (oldest dropped first). */
    auditKeep: z.number().int().min(100).max(1_000_000).default(10_000),
    /** scrypt derivations per second for the whole process (one per configured token per unknown token); beyond it 429 without hashing. */
    scryptPerSecond: z.number().int().min(1).max(1_000).default(10),
    /** The web console at /admin: signed session cookies, so every replica accepts them. */
    console: consoleSchema,
  })
  .default({ tokens: [], rateLimit: { window: 60_000, max: 120 }, auditKeep: 10_000, scryptPerSecond: 10, console: CONSOLE_DEFAULTS });
export type AdminConfig = z.infer<typeof adminSchema>;

/** One webhook endpoint. Slack and Teams carry their secret in the URL; generic ones are signed with `secret`. */
export const webhookSchema = z.strictObject({
  id: itemId,
  kind: z.enum(['generic', 'slack', 'teams']),
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16, 'must be at least 16 characters').optional(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).default([...WEBHOOK_EVENT_TYPES]),
  timeout: duration.default(5_000),
  /** Attempts in all, the first included. */
  maxAttempts: z.number().int().min(1).max(20).default(6),
  /** Delay before the first retry; it doubles each time (with jitter), capped at 10 minutes. */
  backoff: duration.default(2_000),
  /** Deliveries waiting for this receiver (queued or between retries); more are dropped and counted. Default 500. */
  queueSize: z.number().int().min(1).max(100_000).optional(),
  /** Requests in flight to this receiver at once. Default 2. */
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Circuit breaker: after `failures` consecutive failed attempts, wait `cooldown` (doubling up to 10 min) before one probe. */
  circuit: z.strictObject({ failures: z.number().int().min(1).max(1_000).default(5), cooldown: duration.default(30_000) }).optional(),
});
export type WebhookConfig = z.infer<typeof webhookSchema>;

export const incidentsSchema = z
  .strictObject({
    /** Open an automatic draft incident for a component in outage at least this long. */
    autoOpen: z.boolean().default(true),
    autoOpenAfter: duration.default(600_000),
  })
  .default({ autoOpen: true, autoOpenAfter: 600_000 });
export type IncidentsConfig = z.infer<typeof incidentsSchema>;
