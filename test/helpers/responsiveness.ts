import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What a watcher saw while a fault was going on. */
export interface Responsiveness {
  /** Longest /healthz round trip, ms. */
  slowestHealthzMs: number;
  healthzAnswers: number;
  /** Longest event-loop stall, ms (perf_hooks histogram). */
  maxLoopDelayMs: number;
}

/**
 * Asks `${url}/healthz` back to back (every `everyMs`) and watches this process's event-loop
 * delay until `stop()`, which returns the worst of both. The app runs in this process, so a
 * blocked loop shows up in both figures.
 */
export function watchResponsiveness(url: string, everyMs = 100): { stop: () => Promise<Responsiveness> } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let running = true;
  let slowest = 0;
  let answers = 0;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.text();
      if (res.status === 200) answers++;
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      histogram.disable();
      return { slowestHealthzMs: slowest, healthzAnswers: answers, maxLoopDelayMs: histogram.max / 1e6 };
    },
  };
}
