import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import { incidentViews } from './incidents-view.ts';
import { EMPTY_HISTORY, HistoryLoader, type HistoryData } from './page/history-data.ts';
import { buildStatusView, type StatusView, type ViewInputs } from './status-view.ts';

/**
 * In-process read model: rebuilt from the store only when it publishes "changed",
 * so serving a view makes no store call.
 */
export class StatusSnapshot {
  private view: StatusView | null = null;
  /** What the view was built from, so time alone (staleness, window edges) can rebuild it without the store. */
  private inputs: ViewInputs = { states: new Map(), windows: [], incidents: [], overrides: [] };
  private builtAt = 0;
  private history: HistoryData = EMPTY_HISTORY;
  /** Bumped on every rebuild, so caches of rendered bodies know when to re-render. */
  private version = 0;
  private readonly historyLoader: HistoryLoader;
  private unsubscribe: (() => Promise<void>) | null = null;
  private rebuilding: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly listeners = new Set<(view: StatusView) => void>();

  constructor(
    private readonly deps: { config: Config; store: Store; logger: Logger; now: () => number },
  ) {
    this.historyLoader = new HistoryLoader(deps);
  }

  /** Builds the first view and follows "changed" from then on; never blocks longer than `waitMs` on a slow store. */
  async start(waitMs = 3_000): Promise<void> {
    // A store that is down at start still yields a page: everything unknown until it answers.
    this.view = this.build(this.deps.now());
    this.version += 1;
    const subscribed = this.deps.store.subscribeChanged(() => void this.rebuild()).then(
      (unsubscribe) => {
        if (this.stopped) void unsubscribe();
        else this.unsubscribe = unsubscribe;
        // Changes published before the subscription existed would otherwise be missed.
        return this.rebuild();
      },
      (err: unknown) => this.deps.logger.error({ err }, 'cannot subscribe to store changes'),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([subscribed, new Promise((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }

  /** The current view, its uptime/latency history and build version; throws if start() has not finished. */
  current(): { view: StatusView; builtAt: number; version: number; history: HistoryData } {
    if (!this.view) throw new Error('snapshot not started');
    // The public state names the instant time alone changes it (data turning stale, a window starting or ending).
    const next = this.view.public.nextChangeAt;
    const now = this.deps.now();
    if (next !== null && now >= next) {
      this.view = this.build(now);
      this.version += 1;
    }
    return { view: this.view, builtAt: this.builtAt, version: this.version, history: this.history };
  }

  /** Calls `listener` after each rebuild (for live page updates); returns an unsubscribe. */
  onUpdate(listener: (view: StatusView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private build(now: number): StatusView {
    const i = this.inputs;
    return buildStatusView(this.deps.config, i.states, i.windows, now, i.incidents, i.overrides);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.rebuilding;
  }

  /** Coalesces bursts of "changed" into at most one rebuild in flight plus one queued. */
  rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.again = true;
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      do {
        this.again = false;
        try {
          const started = this.deps.now();
          const [states, windows, incidents, overrides, history] = await Promise.all([
            this.deps.store.getComponentStates(),
            this.deps.store.getWindows(),
            this.deps.store.getIncidents(),
            this.deps.store.getOverrides(),
            this.historyLoader.load(started),
          ]);
          this.builtAt = this.deps.now();
          this.inputs = { states, windows, incidents: incidentViews(incidents), overrides };
          this.view = this.build(this.builtAt);
          this.history = history;
          this.version += 1;
          for (const l of this.listeners) l(this.view);
        } catch (err) {
          this.deps.logger.warn({ err }, 'snapshot rebuild failed; serving the previous one');
        }
      } while (this.again);
    })().finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }
}
