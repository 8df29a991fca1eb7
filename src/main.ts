import type { Config } from './config/schema.ts';
import { intervalToCron } from './config/duration.ts';
import { systemClock } from './domain/clock.ts';
import type { Clock } from './domain/types.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import type { PipelineDeps } from './pipeline/context.ts';
import { runProbeFire } from './pipeline/probe-job.ts';
import { evaluationTick } from './pipeline/uptime-tick.ts';
import { leaseCoordinator } from './scheduler/lease-coordinator.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { createStore } from './store/create.ts';
import type { Store } from './store/store.ts';
import { createWebApp } from './web/app.ts';
import { startWebServer } from './web/server.ts';
import { StatusSnapshot } from './web/snapshot.ts';

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
  const deps: PipelineDeps = { config, store, clock, logger };
  const shutdown = new AbortController();
  const scheduler = new Scheduler({
    logger,
    concurrency: config.scheduler.concurrency,
    now: () => clock.now(),
    // Only a shared store needs coordination; a lone memory-store process is its own leader.
    coordinator: config.store.redisUrl ? leaseCoordinator(store) : undefined,
  });
  if (opts.probing !== false) scheduleJobs(scheduler, deps, shutdown.signal);

  const snapshot = new StatusSnapshot({ config, store, logger, now: () => clock.now() });
  await snapshot.start();
  const server = await startWebServer(createWebApp({ config, store, snapshot, logger, now: () => clock.now() }), config.server.port, config.server.host);
  const flushTimer = periodicFlush(store, config.store.snapshotEvery, logger);
  logger.info({ url: server.url, store: config.store.redisUrl ? 'redis' : 'memory', probes: config.probes.length }, 'ikp-status started');

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      clearInterval(flushTimer);
      const finished = await scheduler.stop(config.scheduler.shutdownGrace);
      if (!finished) {
        logger.warn('probe fires still running after the grace period; aborting them');
        shutdown.abort();
        await scheduler.stop(1_000);
      }
      await snapshot.stop();
      await server.close();
      await store.close();
      logger.info('ikp-status stopped');
    })());

  return { url: server.url, port: server.port, store, snapshot, scheduler, logger, stop };
}

function scheduleJobs(scheduler: Scheduler, deps: PipelineDeps, shutdown: AbortSignal): void {
  const { config } = deps;
  for (const probe of config.probes) {
    scheduler.add({
      name: `probe:${probe.id}`,
      cron: intervalToCron(probe.interval, spread(probe.id))!,
      leaseMs: probe.interval,
      intervalMs: probe.interval,
      runOnStart: true,
      run: (fireAt) => runProbeFire(deps, probe, fireAt, shutdown),
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

function periodicFlush(store: Store, everyMs: number, logger: Logger): NodeJS.Timeout {
  const flushable = store as Store & { flush?: () => Promise<void> };
  const timer = setInterval(() => {
    flushable.flush?.().catch((err: unknown) => logger.warn({ err }, 'snapshot flush failed'));
  }, everyMs);
  timer.unref();
  return timer;
}
