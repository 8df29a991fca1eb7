import { z } from 'zod';
import { noticesProbeSchema } from './notices-schema.ts';
import { adminSchema, incidentsSchema, webhookSchema } from './operator-schema.ts';
import { journeyProbeSchema } from './journey-schema.ts';
import { componentId, duration, itemId, localized, probeBase, statusPattern } from './schema-common.ts';

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);


/** Body condition: a substring or a regular expression. */
const bodyMatch = z
  .strictObject({ contains: z.string().min(1).optional(), regex: regexString.optional() })
  .refine((m) => (m.contains === undefined) !== (m.regex === undefined), { message: 'give exactly one of contains or regex' });


export const httpCheckSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  expectStatus: z.array(statusPattern).min(1).default(['2xx']),
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  bodyMustMatch: bodyMatch.optional(),
  bodyMustNotMatch: bodyMatch.optional(),
  json: z
    .strictObject({
      path: z.string().min(1),
      equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
      matches: regexString.optional(),
      exists: z.boolean().optional(),
    })
    .optional(),
  degradedAfter: duration.optional(),
  connectTimeout: duration.optional(),
  maxBodyBytes: z.number().int().positive().default(2 * 1024 * 1024),
  tls: z
    .strictObject({
      minDaysLeft: z.number().int().min(0).default(14),
      caFile: z.string().optional(),
    })
    .default({ minDaysLeft: 14 }),
});
export type HttpCheck = z.infer<typeof httpCheckSchema>;

export const probeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...probeBase, kind: z.literal('http'), http: httpCheckSchema }),
  noticesProbeSchema,
  journeyProbeSchema,
]);
export type ProbeConfig = z.infer<typeof probeSchema>;
export type ProbeKind = ProbeConfig['kind'];

export const componentSchema = z.strictObject({
  id: componentId,
  kind: z.enum(['service', 'bank']).default('service'),
  name: localized,
  /** Where patients read official notices for this component. */
  homepage: z.url().optional(),
  dependsOn: z.array(componentId).default([]),
});
export type ComponentConfig = z.infer<typeof componentSchema>;

export const loginMethodSchema = z.strictObject({
  id: itemId,
  name: localized,
  /** Components a login travels through, in order. The token `bank` stands for each listed bank. */
  path: z.array(z.union([componentId, z.literal('bank')])).min(1),
  /** Bank ids (without the `bank:` prefix) that offer this method; required when the path has `bank`. */
  banks: z.array(itemId).optional(),
});
export type LoginMethodConfig = z.infer<typeof loginMethodSchema>;

const SSE_LIMIT_DEFAULTS = { perClient: 32, total: null, fdReserve: 256, retryAfter: 30_000 };
const sseSchema = z
  .strictObject({
    /** Streams per client IP (as seen after trust proxy); offices behind one NAT address need room. */
    perClient: z.number().int().min(1).max(10_000).default(32),
    /** Streams in all; null derives it from the open-files soft limit minus `fdReserve`. */
    total: z.number().int().min(0).max(1_000_000).nullable().default(null),
    /** File descriptors kept free for probes, the store and ordinary requests. */
    fdReserve: z.number().int().min(0).max(1_000_000).default(256),
    /** What Retry-After tells a refused client. */
    retryAfter: duration.default(30_000),
  })
  .default(SSE_LIMIT_DEFAULTS);

export const configSchema = z.strictObject({
  server: z
    .strictObject({
      port: z.number().int().min(0).max(65535).default(8080),
      host: z.string().default('0.0.0.0'),
      /** Express `trust proxy`: set it behind a load balancer so rate limits see the client's IP. */
      trustProxy: z.union([z.boolean(), z.number().int().min(0), z.string().min(1)]).default(false),
      /**
       * The public base URL of the page (`https://status.example`), used for absolute links in feeds,
       * Statuspage JSON and calendars. Without it links follow the (attacker-controlled) Host header.
       */
      publicUrl: z.url({ protocol: /^https?$/ }).optional(),
      /** Strict-Transport-Security: `auto` sends it on TLS requests only (set trustProxy behind a TLS proxy), `always`, or `off`. */
      hsts: z.enum(['auto', 'always', 'off']).default('auto'),
      /** Caps on live-event streams (/api/v1/events), answered with 503 and Retry-After. */
      sse: sseSchema,
    })
    .default({ port: 8080, host: '0.0.0.0', trustProxy: false, hsts: 'auto', sse: SSE_LIMIT_DEFAULTS }),
  log: z
    .strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
    .default({ level: 'info' }),
  store: z
    .strictObject({
      redisUrl: z.string().nullable().default(null),
      keyPrefix: z.string().default('ikp:'),
      /** Empty or null: the embedded store keeps nothing across restarts. */
      snapshotFile: z
        .string()
        .nullable()
        .default('data/state.json')
        .transform((v) => (v === '' ? null : v)),
      snapshotEvery: duration.default(60_000),
      resultsPerProbe: z.number().int().min(1).max(10_000).default(30),
      uptimeDays: z.number().int().min(90).max(400).default(100),
    })
    .default({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: 'data/state.json', snapshotEvery: 60_000, resultsPerProbe: 30, uptimeDays: 100 }),
  engine: z
    .strictObject({
      failureThreshold: z.number().int().min(1).max(100).default(3),
      successThreshold: z.number().int().min(1).max(100).default(2),
      staleAfterIntervals: z.number().int().min(2).max(100).default(3),
      evaluateEvery: duration.default(15_000),
      /** Results younger than this are never called stale, however fast their probe (a late evaluation is not an outage of data). */
      minFreshness: duration.default(60_000),
    })
    .default({ failureThreshold: 3, successThreshold: 2, staleAfterIntervals: 3, evaluateEvery: 15_000, minFreshness: 60_000 }),
  scheduler: z
    .strictObject({
      /** Probe fires running at once per replica at start, and the floor the adaptive limit returns to. */
      concurrency: z.number().int().min(1).max(256).default(8),
      /** Ceiling of the adaptive limit: never more probe sockets at once than this. */
      maxConcurrency: z.number().int().min(1).max(4096).default(256),
      /** Event-loop utilisation (0–1) above which the limit backs off: the process is CPU-bound. */
      cpuCeiling: z.number().gt(0).max(1).default(0.85),
      userAgent: z.string().min(1).default('ikp-status/0.1 (+https://github.com/ikp-status/ikp-status; status monitor)'),
      shutdownGrace: duration.default(10_000),
    })
    .default({ concurrency: 8, maxConcurrency: 256, cpuCeiling: 0.85, userAgent: 'ikp-status/0.1 (+https://github.com/ikp-status/ikp-status; status monitor)', shutdownGrace: 10_000 }),
  components: z.array(componentSchema).min(1),
  loginMethods: z.array(loginMethodSchema).default([]),
  probes: z.array(probeSchema).default([]),
  admin: adminSchema,
  webhooks: z.array(webhookSchema).default([]),
  incidents: incidentsSchema,
  /** How parsed notices act on status (see docs/configuration.md). */
  notices: z
    .strictObject({
      /** Below this parser confidence a notice is only a suggestion for operators (state `pending`). */
      confidenceThreshold: z.number().min(0).max(1).default(0.6),
      /** Show pending suggestions on the public page as "komunikat do weryfikacji". */
      showPending: z.boolean().default(false),
    })
    .default({ confidenceThreshold: 0.6, showPending: false }),
});
export type Config = z.infer<typeof configSchema>;
/** The config as written in YAML, before defaults and transforms. */
export type ConfigInput = z.input<typeof configSchema>;
