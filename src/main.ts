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
import { registerStoreCollectors } from './metrics/store-collectors.ts';
import { registerStoreOutageMetrics } from './metrics/store-outage.ts';
import type { PipelineDeps } from './pipeline/context.ts';
import { Evaluator } from './pipeline/evaluator.ts';
import { runProbeFire } from './pipeline/probe-job.ts';
import { evaluationTick } from './pipeline/uptime-tick.ts';
import { leaseCoordinator } from './scheduler/lease-coordinator.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import type { OperatorDeps } from './admin/context.ts';
import { TokenVerifier } from './auth/verifier.ts';
import { reevaluate } from './pipeline/reevaluate.ts';
import { createStore } from './store/create.ts';
import { redisKeys } from './store/keys.ts';
import { RedisStore } from './store/redis.ts';
import { guardOf, localFaceOf } from './store/redis-guard.ts';
import { createRateLimitStore, type SendCommand } from './web/rate-limit.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';
import type { Store } from './store/store.ts';
import { createWebApp } from './web/app.ts';
import { startWebServer } from './web/server.ts';
import { StatusSnapshot } from './web/snapshot.ts';
import { ParsePool } from './workers/parse-pool.ts';

/** How long start-up waits for the parse workers before notice probes start firing. */
const PARSER_START_MS = 30_000;

/** Optional overrides; tests inject a clock, logger or store. */
export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  /** Skip the scheduler (read-only replicas and web tests). */
  probing?: boolean;
}

/** A running monitor. */
export interface RunningApp {
  url: string;
  port: number;
  store: Store;
  snapshot: StatusSnapshot;
  scheduler: Scheduler;
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
  const store =
    opts.store ??
    (await createStore({
      redisUrl: config.store.redisUrl,
      keyPrefix: config.store.keyPrefix,
      snapshotFile: config.store.snapshotFile,
      clock,
      logger,
    }));
  // The pipeline and the snapshot use the local face: during a Redis outage they go on from memory.
  const local = localFaceOf(store);
  const metrics = createMetrics(new Registry(), readBuildInfo());
  preinitialiseCounters(metrics, config);
  const outage = registerStoreOutageMetrics(metrics.registry);
  guardOf(store)?.observe(outage.observer);
  registerStoreCollectors(metrics.registry, {
    config,
    store,
    now: () => clock.now(),
    onError: (err) => logger.warn({ err }, 'metrics scrape could not read the store'),
  });
  // Webhooks deliver off the probe path; with none configured nothing is queued at all.
  const webhooks = config.webhooks.length === 0 ? undefined : new WebhookDispatcher({
    webhooks: config.webhooks,
    store,
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
  const deps: PipelineDeps = { config, store: local, clock, logger, observer: metricsObserver(metrics), events: webhooks, parser, ...(renderer ? { renderer } : {}) };
  // Results are judged in batches, each re-evaluating only the components it can change.
  deps.evaluator = new Evaluator(deps);
  const ops: OperatorDeps = { config, store, clock, events: webhooks, reevaluate: () => reevaluate(deps) };
  // `draining` refuses fires that were queued but not started when a stop began; `shutdown` aborts running ones after the grace.
  const draining = new AbortController();
  const shutdown = new AbortController();
  // Every running fire listens on these two signals; thousands at once are expected, not a leak.
  setMaxListeners(0, draining.signal, shutdown.signal);
  const scheduler = new Scheduler({
    logger,
    concurrency: config.scheduler.concurrency,
    now: () => clock.now(),
    // Only a shared store needs coordination; a lone memory-store process is its own leader.
    coordinator: config.store.redisUrl ? leaseCoordinator(store, failOpenLog(logger, outage.failOpen, () => clock.now())) : undefined,
  });
  if (probing) scheduleJobs(scheduler, deps, draining.signal, shutdown.signal);

  const snapshot = new StatusSnapshot({ config, store: local, logger, now: () => clock.now() });
  await snapshot.start();
  const closers: (() => Promise<void> | void)[] = [];
  // Rate-limit counters live in Redis when there is one, so every replica enforces one budget.
  const sendCommand = store instanceof RedisStore ? ((...a: string[]) => store.sendCommand(a[0]!, ...a.slice(1))) as SendCommand : null;
  const keys = redisKeys(config.store.keyPrefix);
  const verifier = new TokenVerifier(config.admin.tokens, {
    // No `now`: the scrypt budget counts real seconds of CPU work, not the injected clock.
    scryptPerSecond: config.admin.scryptPerSecond,
    onResult: (result) => metrics.adminAuth.inc({ result }),
  });
  const web = createWebApp({
    config,
    store,
    snapshot,
    logger,
    now: () => clock.now(),
    metrics,
    onShutdown: (close) => void closers.push(close),
    admin: { ops, verifier, rateLimitStore: createRateLimitStore(sendCommand, keys.rateLimitPrefix('admin')), consoleRateLimitStore: createRateLimitStore(sendCommand, keys.rateLimitPrefix('console')), runProbe: (id) => runProbeOnce(config, id, { signal: shutdown.signal, clock, parser, ...(renderer ? { renderer } : {}) }) },
    triage: {
      onTriage: (firstCause) => metrics.triageRequests.inc({ first_cause: firstCause }),
      rateLimitStore: createRateLimitStore(sendCommand, keys.rateLimitPrefix('triage')),
    },
  });
  const server = await startWebServer(web, config.server.port, config.server.host);
  const flushTimer = periodicFlush(store, config.store.snapshotEvery, logger);
  logger.info({ url: server.url, store: config.store.redisUrl ? 'redis' : 'memory', probes: config.probes.length }, 'ikp-status started');

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
      await store.close();
      await verifier.close();
      logger.info('ikp-status stopped');
    })());

  return { url: server.url, port: server.port, store, snapshot, scheduler, logger, metrics, stop };
}

function scheduleJobs(scheduler: Scheduler, deps: PipelineDeps, draining: AbortSignal, shutdown: AbortSignal): void {
  const { config } = deps;
  for (const probe of config.probes) {
    scheduler.add({
      name: `probe:${probe.id}`,
      cron: intervalToCron(probe.interval, spread(probe.id))!,
      leaseMs: probe.interval,
      intervalMs: probe.interval,
      runOnStart: true,
      unlimited: probe.canary,
      run: (fireAt) => (draining.aborted ? Promise.resolve() : runProbeFire(deps, probe, fireAt, shutdown)),
    });
  }
  const tick = config.engine.evaluateEvery;
  scheduler.add({
    name: 'engine:evaluate',
    cron: intervalToCron(tick)!,
    leaseMs: tick,
    run: () => evaluationTick(deps, tick),
  });
}

/** A stable per-probe second offset, so minute-level probes do not all fire at :00. */
function spread(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 60;
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

function periodicFlush(store: Store, everyMs: number, logger: Logger): NodeJS.Timeout {
  const timer = setInterval(() => {
    store.flush().catch((err: unknown) => logger.warn({ err }, 'snapshot flush failed'));
  }, everyMs);
  timer.unref();
  return timer;
}
