import type { SchedulerObserver } from '../scheduler/probe-scheduler.ts';
import type { Metrics } from './definitions.ts';

/** Turns the probe scheduler's timekeeping events into this replica's scheduler metrics. */
export function schedulerMetricsObserver(metrics: Metrics): SchedulerObserver {
  return {
    fireStarted: (lagMs) => metrics.schedulerFireLag.observe(Math.max(0, lagMs) / 1000),
    fireMissed: (reason) => metrics.schedulerMissedFires.inc({ reason }),
    concurrencyLimit: (limit) => metrics.schedulerConcurrencyLimit.set(limit),
  };
}
