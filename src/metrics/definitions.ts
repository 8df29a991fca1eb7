import { Counter, Gauge, Histogram, collectDefaultMetrics, type Registry } from 'prom-client';

/** Probe runs last from tens of milliseconds to the longest allowed timeout (30 s and a bit). */
export const PROBE_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30];
/** Fire lag: from a millisecond (on time) to a whole 30 s interval (a fire about to be missed). */
export const FIRE_LAG_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Web requests are served from memory: mostly milliseconds. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const LINT_FAILING_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/** The event-driven metrics this replica records itself (store-read gauges live in store-collectors.ts). */
export interface Metrics {
  registry: Registry;
  probeDuration: Histogram<'probe'>;
  probeRuns: Counter<'probe' | 'result' | 'reason'>;
  noticeParseFailures: Counter<'source'>;
  /** Components judged by evaluation passes: a probe result judges only its dependants, so this grows with results, not with results × components. */
  componentEvaluations: Counter;
  /** Journey probes: time per step, and whether each step passed in the latest run (labels come from config). */
  journeyStepDuration: Histogram<'probe' | 'step'>;
  journeyStepSuccess: Gauge<'probe' | 'step'>;
  /** Count a helpdesk triage answer: `metrics.triageRequests.inc({ first_cause })`. */
  triageRequests: Counter<'first_cause'>;
  httpDuration: Histogram<'route' | 'method' | 'status_code'>;
  /** blackbox_exporter's probe_http_status_code: the final response's status of this replica's last run (0: no response). */
  probeHttpStatus: Gauge<'probe'>;
  /** blackbox_exporter's probe_ssl_earliest_cert_expiry: when the final host's certificate expires (Unix seconds). */
  probeSslExpiry: Gauge<'probe'>;
  /** blackbox_exporter's probe_http_duration_seconds: this replica's last successful run of each HTTP probe, by phase. */
  probeHttpPhases: Gauge<'probe' | 'phase'>;
  /** Webhook deliveries finished by this replica: delivered, failed (retries exhausted) or dropped (queue full). */
  webhookDeliveries: Counter<'webhook' | 'outcome'>;
  /** Deliveries dropped before their end, by reason (queue_full, outbox_full, unconfigured). */
  webhookDropped: Counter<'webhook' | 'reason'>;
  /** 1 for each receiver's current circuit state (closed, open, half_open), 0 for the others. */
  webhookCircuit: Gauge<'webhook' | 'state'>;
  /** Admin authentications by result: ok, invalid, throttled (refused without hashing, over the work budget). */
  adminAuth: Counter<'result'>;
  /** Server-Sent Event streams refused, by the limit that was reached (per_client, total). */
  sseRejected: Counter<'limit'>;
  /** Live-event streams open on this replica, and how many it allows in all. */
  sseStreams: Gauge;
  sseStreamsMax: Gauge;
  /** Probe scheduler: how late fires start against their slot, fires dropped by reason, and the adaptive concurrency limit. */
  schedulerFireLag: Histogram;
  schedulerMissedFires: Counter<'reason'>;
  schedulerConcurrencyLimit: Gauge;
}

/** What `createMetrics` labels the build with. */
export interface BuildInfo {
  version: string;
  node: string;
}

/** Registers the event metrics, build info and default process metrics on a private registry. */
export function createMetrics(registry: Registry, build: BuildInfo): Metrics {
  collectDefaultMetrics({ register: registry });
  // These three are gauges named like counters (promtool rejects them); the per-type
  // nodejs_active_handles / _requests / _resources gauges carry the same numbers.
  for (const name of LINT_FAILING_DEFAULTS) registry.removeSingleMetric(name);
  const buildInfo = new Gauge({
    name: 'ikpstatus_build_info',
    help: 'Always 1; labelled with the ikp-status version and the Node.js version.',
    labelNames: ['version', 'node'],
    registers: [registry],
  });
  buildInfo.set({ version: build.version, node: build.node }, 1);
  const metrics: Metrics = {
    registry,
    probeDuration: new Histogram({
      name: 'ikpstatus_probe_duration_seconds',
      help: 'Wall time of probe runs executed by this replica.',
      labelNames: ['probe'],
      buckets: PROBE_DURATION_BUCKETS,
      registers: [registry],
    }),
    probeRuns: new Counter({
      name: 'ikpstatus_probe_runs_total',
      help: 'Probe runs executed by this replica, by result (ok, degraded, failed) and typed reason.',
      labelNames: ['probe', 'result', 'reason'],
      registers: [registry],
    }),
    journeyStepDuration: new Histogram({
      name: 'ikpstatus_journey_step_duration_seconds',
      help: 'Wall time of each journey step run by this replica (probe and step ids from config).',
      labelNames: ['probe', 'step'],
      buckets: PROBE_DURATION_BUCKETS,
      registers: [registry],
    }),
    journeyStepSuccess: new Gauge({
      name: 'ikpstatus_journey_step_success',
      help: '1 when the step passed in the latest journey run on this replica, 0 when it failed; absent when the run stopped before it.',
      labelNames: ['probe', 'step'],
      registers: [registry],
    }),
    noticeParseFailures: new Counter({
      name: 'ikpstatus_notice_parse_failures_total',
      help: 'Notice fetches whose page or feed structure could not be read, by notice source (probe id).',
      labelNames: ['source'],
      registers: [registry],
    }),
    componentEvaluations: new Counter({
      name: 'ikpstatus_engine_component_evaluations_total',
      help: 'Components judged by evaluation passes on this replica (a probe result re-judges only the components that depend on it).',
      registers: [registry],
    }),
    triageRequests: new Counter({
      name: 'ikpstatus_triage_requests_total',
      help: 'Helpdesk triage answers, by the first (most likely) cause.',
      labelNames: ['first_cause'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'ikpstatus_http_request_duration_seconds',
      help: 'Web requests served by this replica, by route template (never a raw path), method and status code.',
      labelNames: ['route', 'method', 'status_code'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    }),
    probeHttpStatus: new Gauge({
      name: 'probe_http_status_code',
      help: 'HTTP status of the final response of the latest run of each HTTP probe on this replica, 0 when none came (as blackbox_exporter).',
      labelNames: ['probe'],
      registers: [registry],
    }),
    probeSslExpiry: new Gauge({
      name: 'probe_ssl_earliest_cert_expiry',
      help: 'Unix time when the certificate of the final host of each HTTPS probe expires, from this replica\'s latest run (as blackbox_exporter).',
      labelNames: ['probe'],
      registers: [registry],
    }),
    probeHttpPhases: new Gauge({
      name: 'probe_http_duration_seconds',
      help: 'Time of the latest successful run of each HTTP probe on this replica by phase: resolve, connect, tls, processing, transfer (as blackbox_exporter).',
      labelNames: ['probe', 'phase'],
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'ikpstatus_webhook_deliveries_total',
      help: 'Webhook deliveries finished by this replica, by configured webhook id and outcome (delivered, failed, dropped).',
      labelNames: ['webhook', 'outcome'],
      registers: [registry],
    }),
    webhookDropped: new Counter({
      name: 'ikpstatus_webhook_dropped_total',
      help: 'Webhook deliveries dropped by this replica, by webhook id and reason (queue_full, outbox_full, unconfigured).',
      labelNames: ['webhook', 'reason'],
      registers: [registry],
    }),
    webhookCircuit: new Gauge({
      name: 'ikpstatus_webhook_circuit_state',
      help: "1 for the current circuit state of each webhook receiver on this replica (closed, open, half_open), 0 for the others.",
      labelNames: ['webhook', 'state'],
      registers: [registry],
    }),
    adminAuth: new Counter({
      name: 'ikpstatus_admin_auth_total',
      help: 'Admin API token checks on this replica, by result (ok, invalid, throttled: refused without hashing over the scrypt budget).',
      labelNames: ['result'],
      registers: [registry],
    }),
    sseRejected: new Counter({
      name: 'ikpstatus_sse_rejected_total',
      help: 'Server-Sent Event streams refused with 503 by this replica, by the limit reached (per_client, total).',
      labelNames: ['limit'],
      registers: [registry],
    }),
    sseStreams: new Gauge({ name: 'ikpstatus_sse_streams', help: 'Server-Sent Event streams open on this replica.', registers: [registry] }),
    sseStreamsMax: new Gauge({ name: 'ikpstatus_sse_streams_max', help: 'Server-Sent Event streams this replica allows in all (server.sse.total or derived from the open-files limit).', registers: [registry] }),
    schedulerFireLag: new Histogram({
      name: 'ikpstatus_scheduler_fire_lag_seconds',
      help: "Time from a probe fire's slot to its start on this replica.",
      buckets: FIRE_LAG_BUCKETS,
      registers: [registry],
    }),
    schedulerMissedFires: new Counter({
      name: 'ikpstatus_scheduler_missed_fires_total',
      help: 'Probe fires this replica dropped because they could not start within their slot, by reason (overlap: previous run still going, queued: still waiting for a concurrency slot, stalled: process stalled past the slot).',
      labelNames: ['reason'],
      registers: [registry],
    }),
    schedulerConcurrencyLimit: new Gauge({
      name: 'ikpstatus_scheduler_concurrency_limit',
      help: 'Probe fires this replica allows at once now (adapts between scheduler.concurrency and scheduler.maxConcurrency).',
      registers: [registry],
    }),
  };
  // Known label values start at 0, so rate() and alerts see the series before the first event.
  for (const result of ['ok', 'invalid', 'throttled']) metrics.adminAuth.inc({ result }, 0);
  for (const limit of ['per_client', 'total']) metrics.sseRejected.inc({ limit }, 0);
  return metrics;
}
