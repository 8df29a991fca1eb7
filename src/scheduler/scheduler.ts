import cron, { type Logger as CronLogger, type RunCoordinator, type ScheduledTask } from 'node-cron';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from '../logging/logger.ts';

/** A recurring job: `run` gets the scheduled fire time (epoch ms). */
export interface Job {
  name: string;
  cron: string;
  /** How long a fire's lease is held across replicas (normally the interval). */
  leaseMs: number;
  run: (fireAt: number) => Promise<void>;
}

export interface SchedulerDeps {
  logger: Logger;
  /** Present when several replicas share a store: each fire then runs on one replica only. */
  coordinator?: RunCoordinator;
  /** Global cap on jobs running at once. */
  concurrency: number;
  now: () => number;
}

/**
 * Runs the few cron jobs (the engine's evaluation tick) on node-cron with noOverlap, a concurrency
 * limit and optional cross-replica coordination. Probes fire from ProbeScheduler at their own slots.
 */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly limit: LimitFunction;
  private stopping = false;
  private readonly cronLogger: CronLogger;

  constructor(private readonly deps: SchedulerDeps) {
    this.limit = pLimit(deps.concurrency);
    this.cronLogger = cronLogger(deps.logger);
  }

  /** Registers and starts a job. */
  add(job: Job): void {
    const task = cron.createTask(job.cron, (ctx) => this.fire(job, ctx.date.getTime()), {
      name: job.name,
      noOverlap: true,
      distributed: this.deps.coordinator !== undefined,
      runCoordinator: this.deps.coordinator,
      distributedLease: job.leaseMs,
      // The fire's outcome is logged by fire(); node-cron's own missed-run warning is noise under load.
      suppressMissedWarning: true,
      // node-cron's default logger writes coloured lines to the console; ours writes JSON.
      logger: this.cronLogger,
    });
    this.tasks.push(task);
    void task.start();
  }

  /** Jobs currently executing. */
  get busy(): number {
    return this.inFlight.size;
  }

  /** Stops new fires, then waits up to `graceMs` for fires in flight; returns whether all finished. */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    await Promise.all(this.tasks.map((t) => t.destroy()));
    const all = Promise.all([...this.inFlight]).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), graceMs);
    });
    const done = await Promise.race([all, timeout]);
    clearTimeout(timer);
    return done;
  }

  private fire(job: Job, fireAt: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const p = this.limit(() => job.run(fireAt)).catch((err: unknown) => {
      this.deps.logger.error({ err, job: job.name }, 'job failed');
    });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }
}

/** node-cron's Logger interface on top of ours, so its messages are JSON lines like every other. */
export function cronLogger(logger: Logger): CronLogger {
  const child = logger.child({ source: 'node-cron' });
  const split = (m: string | Error, err?: Error): [object, string] =>
    m instanceof Error ? [{ err: m }, m.message] : [err ? { err } : {}, m];
  return {
    info: (m) => child.info(m),
    warn: (m) => child.warn(m),
    error: (m, err) => child.error(...split(m, err)),
    debug: (m, err) => child.debug(...split(m, err)),
  };
}
