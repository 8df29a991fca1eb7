/** What the app needs of a scheduler when it stops: how many fires are in flight, and a bounded drain. */
export interface Stoppable {
  readonly busy: number;
  /** Stops new fires, then waits up to `graceMs` for fires in flight; resolves whether all finished. */
  stop(graceMs: number): Promise<boolean>;
}

/** Several schedulers (probe slots, engine cron) seen as one for shutdown. */
export function combineSchedulers(...parts: Stoppable[]): Stoppable {
  return {
    get busy() {
      return parts.reduce((n, p) => n + p.busy, 0);
    },
    stop: async (graceMs) => (await Promise.all(parts.map((p) => p.stop(graceMs)))).every(Boolean),
  };
}
