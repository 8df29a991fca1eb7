import { performance } from 'node:perf_hooks';

/**
 * A source of event-loop utilisation (0–1) since its previous call: the share of time the loop
 * was busy running JavaScript rather than waiting for I/O. Near 1 the process is CPU-bound.
 */
export function eventLoopUtilisation(): () => number {
  let previous = performance.eventLoopUtilization();
  return () => {
    const current = performance.eventLoopUtilization();
    const delta = performance.eventLoopUtilization(current, previous);
    previous = current;
    return delta.utilization;
  };
}
