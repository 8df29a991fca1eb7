import { setMaxListeners } from 'node:events';
import { Registry } from 'prom-client';
import type { Config } from './config/schema.ts';
import { intervalToCron } from './config/duration.ts';
import { systemClock } from './domain/clock.ts';
import type { Clock } from './domain/types.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { readBuildInfo } from './metrics/build-info.ts';
import { createMetrics, type Metrics } from './metrics/definitions.ts';
import { preinitialiseCounters } from './metrics/preinit.ts';
import { createBrowserRenderer, usesBrowser } from './probes/journey/browser.ts';
import { runProbeOnce } from './probes/once.ts';
import { metricsObserver } from './metrics/pipeline-observer.ts';
import { webhookMetricsHooks } from './metrics/webhook-observer.ts';
import { registerPublicStateCollectors } from './metrics/public-collectors.ts';
import { registerStoreCollectors } from './metrics/store-collectors.ts';
import { registerStoreOutageMetrics } from './metrics/store-outage.ts';
import type { PipelineDeps } from './pipeline/context.ts';
import { Evaluator } from './pipeline/evaluator.ts';
import { runProbeFire } from './pipeline/probe-job.ts';
import { evaluationTick } from './pipeline/uptime-tick.ts';
import { leaseCoordinator } from './scheduler/lease-coordinator.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { combineSchedulers, type Stoppable } from './scheduler/combined.ts';
import { eventLoopUtilisation } from './scheduler/elu.ts';
import { ProbeScheduler } from './scheduler/probe-scheduler.ts';
import { schedulerMetricsObserver } from './metrics/scheduler-observer.ts';
import type { OperatorDeps } from './admin/context.ts';
import { TokenVerifier } from './auth/verifier.ts';
import { reevaluate } from './pipeline/reevaluate.ts';
import { createStore } from './store/create.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';
import type { LifecyclePort, Stores } from './store/ports.ts';
import { createWebApp } from './web/app.ts';
import { startWebServer } from './web/server.ts';
import { StatusSnapshot } from './status/snapshot.ts';
import { ParsePool } from './workers/parse-pool.ts';

/** How long start-up waits for the parse workers before notice probes start firing. */
const PARSER_START_MS = 30_000;

/** Optional overrides; tests inject a clock, logger or store (opened by createStore). */
export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  stores?: Stores;
  /** Skip the scheduler (read-only replicas and web tests). */
  probing?: boolean;
}

/** A running monitor. */
export interface RunningApp {
  url: string;
  port: number;
  stores: Stores;
  snapshot: StatusSnapshot;
  /** Probe slots and engine ticks together: `busy` fires and a bounded `stop(graceMs)`. */
  scheduler: Stoppable;
  logger: Logger;
  /** This app's private Prometheus registry and event metrics. */
  metrics: Metrics;
  /** Graceful stop: no new fires, in-flight fires finish (bounded), then everything closes. */
  stop(): Promise<void>;
}

/** Wires config → scheduler → probes → engine → store → web, and starts it all. */
export async function startApp(config: Config, opts: AppOptions = {}): Promise<RunningApp> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger(config.log.level);
  const stores =
    opts.stores ??
    (await createStore({
      redisUrl: config.store.redisUrl,
      keyPrefix: config.store.keyPrefix,
      snapshotFile: config.store.snapshotFile,
      clock,
      logger,
    }));
  // The pipeline and the snapshot use the local face: during a Redis outage they go on from memory.
  const local = stores.local;
  const metrics = createMetrics(new Registry(), readBuildInfo());
  preinitialiseCounters(metrics, config);
  const outage = registerStoreOutageMetrics(metrics.registry);
  stores.observeOutage(outage.observer);
  registerStoreCollectors(metrics.registry, {
    config,
    stores,
    now: () => clock.now(),
    onError: (err) => logger.warn({ err }, 'metrics scrape could not read the store'),
  });
  // Webhooks deliver off the probe path; with none configured nothing is queued at all.
  const webhooks = config.webhooks.length === 0 ? undefined : new WebhookDispatcher({
    webhooks: config.webhooks,
    stores,
    logger,
    now: () => clock.now(),
    names: new Map(config.components.map((c) => [c.id, c.name.pl])),
    userAgent: config.scheduler.userAgent,
    ...webhookMetricsHooks(metrics, config.webhooks.map((w) => w.id)),
  });
  // The browser runner exists only when some journey step asks for it (none does in the shipped config).
  const renderer = usesBrowser(config) ? createBrowserRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }) : undefined;
  // Untrusted pages are parsed on worker threads, so a hostile one cannot block the event loop.
  const parser = new ParsePool();
  const probing = opts.probing !== false;
  if (probing && config.probes.some((p) => p.kind === 'notices') && !(await parser.ready(PARSER_START_MS))) {
    logger.warn({ waitedMs: PARSER_START_MS }, 'parse workers not ready yet; early notice fires may time out');
  }
  const deps: PipelineDeps = { config, stores: local, clock, logger, observer: metricsObserver(metrics), events: webhooks, parser, ...(renderer ? { renderer } : {}) };
  // Results are judged in batches, each re-evaluating only the components it can change.
  deps.evaluator = new Evaluator(deps);
  const ops: OperatorDeps = { config, stores, clock, events: webhooks, reevaluate: () => reevaluate(deps) };
  // `draining` refuses fires that were queued but not started when a stop began; `shutdown` aborts running ones after the grace.
  const draining = new AbortController();
  const shutdown = new AbortController();
  // Every running fire listens on these two signals; thousands at once are expected, not a leak.
  setMaxListeners(0, draining.signal, shutdown.signal);
  // Leases run each fire once across replicas (a lone embedded store grants them in-process).
  const coordinator = leaseCoordinator(stores.coordination, failOpenLog(logger, outage.failOpen, () => clock.now()));
  // Engine ticks stay on node-cron; probes fire at their own slots from the probe scheduler.
  const cronScheduler = new Scheduler({ logger, concurrency: config.scheduler.concurrency, now: () => clock.now(), coordinator });
  const probeScheduler = new ProbeScheduler({
    logger,
    now: () => clock.now(),
    coordinator,
    observer: schedulerMetricsObserver(metrics),
    concurrency: config.scheduler.concurrency,
    maxConcurrency: config.scheduler.maxConcurrency,
    cpuCeiling: config.scheduler.cpuCeiling,
    elu: eventLoopUtilisation(),
  });
  const scheduler = combineSchedulers(probeScheduler, cronScheduler);
  if (probing) scheduleJobs(cronScheduler, probeScheduler, deps, draining.signal, shutdown.signal);

  const snapshot = new StatusSnapshot({ config, stores: local, logger, now: () => clock.now(), recordsKnown: () => stores.operatorRecordsKnown() });
  await snapshot.start();
  // The status gauge formats the snapshot every other face serves: derived once, never re-read at scrape time.
  registerPublicStateCollectors(metrics.registry, config, () => snapshot.current().view.public);
  const closers: (() => Promise<void> | void)[] = [];
  // Rate-limit counters live in the store, so every replica sharing it enforces one budget.
  const limiterStore = (limiter: string) => stores.coordination.rateLimitStore(limiter);
  const verifier = new TokenVerifier(config.admin.tokens, {
    // No `now`: the scrypt budget counts real seconds of CPU work, not the injected clock.
    scryptPerSecond: config.admin.scryptPerSecond,
    onResult: (result) => metrics.adminAuth.inc({ result }),
  });
  const web = createWebApp({
    config,
    stores,
    snapshot,
    logger,
    now: () => clock.now(),
    metrics,
    onShutdown: (close) => void closers.push(close),
    admin: { ops, verifier, rateLimitStore: limiterStore('admin'), consoleRateLimitStore: limiterStore('console'), runProbe: (id) => runProbeOnce(config, id, { signal: shutdown.signal, clock, parser, ...(renderer ? { renderer } : {}) }) },
    triage: {
      onTriage: (firstCause) => metrics.triageRequests.inc({ first_cause: firstCause }),
      rateLimitStore: limiterStore('triage'),
    },
  });
  const server = await startWebServer(web, config.server.port, config.server.host);
  const flushTimer = periodicFlush(stores.lifecycle, config.store.snapshotEvery, logger);
  logger.info({ url: server.url, probes: config.probes.length }, 'ikp-status started');

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      draining.abort();
      clearInterval(flushTimer);
      const finished = await scheduler.stop(config.scheduler.shutdownGrace);
      if (!finished) {
        logger.warn('probe fires still running after the grace period; aborting them');
        shutdown.abort();
        await scheduler.stop(1_000);
      }
      await webhooks?.stop(2_000);
      await renderer?.close();
      await parser.close();
      // Live streams (SSE) end before the server closes, so clients reconnect to another replica.
      await Promise.all(closers.map(async (close) => close())).catch((err: unknown) => logger.warn({ err }, 'closing live streams failed'));
      await snapshot.stop();
      await server.close();
      // A snapshot that cannot be written is logged, not thrown: the stop must still finish and exit cleanly.
      await stores.lifecycle.close().catch((err: unknown) => logger.error({ err }, 'store could not be closed cleanly (snapshot not written)'));
      await verifier.close();
      logger.info('ikp-status stopped');
    })());

  return { url: server.url, port: server.port, stores, snapshot, scheduler, logger, metrics, stop };
}

function scheduleJobs(scheduler: Scheduler, probes: ProbeScheduler, deps: PipelineDeps, draining: AbortSignal, shutdown: AbortSignal): void {
  const { config } = deps;
  probes.start(
    config.probes.map((probe) => ({
      id: probe.id,
      intervalMs: probe.interval,
      unlimited: probe.canary,
      run: (fireAt: number) => (draining.aborted ? Promise.resolve() : runProbeFire(deps, probe, fireAt, shutdown)),
    })),
  );
  const tick = config.engine.evaluateEvery;
  scheduler.add({
    name: 'engine:evaluate',
    cron: intervalToCron(tick)!,
    leaseMs: tick,
    // The scheduled fire names the uptime period, the same on every replica that runs it.
    run: (fireAt) => evaluationTick(deps, tick, fireAt),
  });
}

/** Counts every fire run without a lease, and logs the first of each outage (not one line per fire). */
function failOpenLog(logger: Logger, count: () => void, now: () => number): (key: string, err: unknown) => void {
  let lastLogged = -Infinity;
  return (key, err) => {
    count();
    const t = now();
    if (t - lastLogged < 60_000) return;
    lastLogged = t;
    logger.warn({ err, key }, 'store cannot coordinate fires; running them on this replica anyway (fail open)');
  };
}

function periodicFlush(lifecycle: LifecyclePort, everyMs: number, logger: Logger): NodeJS.Timeout {
  const timer = setInterval(() => {
    lifecycle.flush().catch((err: unknown) => logger.warn({ err }, 'snapshot flush failed'));
  }, everyMs);
  timer.unref();
  return timer;
}
