import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { Store } from '../store/store.ts';
import { incidentViews } from './incidents-view.ts';
import { EMPTY_HISTORY, HistoryLoader, type HistoryData } from './page/history-data.ts';
import { staleLimits } from '../engine/index.ts';
import { presentStaleness, staleKey } from './stale-view.ts';
import { buildStatusView, type StatusView } from './status-view.ts';

/** How often the view is re-judged for staleness when no store event comes (during an outage none does). */
const STALE_CHECK_MS = 1_000;

/**
 * In-process read model: rebuilt from the store only when it publishes "changed",
 * so serving a view makes no store call. It knows how old its data is: what it serves is the
 * built view with staleness applied at the current instant (see stale-view.ts), re-judged on
 * every read and once a second, so no face says "operational" about data past the stale limit.
 */
export class StatusSnapshot {
  /** The view as built from the store; `view` is what is served. */
  private built: StatusView | null = null;
  private view: StatusView | null = null;
  private stale = '';
  private storeReadAt: number | null = null;
  private historyFailing = false;
  private readonly limits: Map<string, number>;
  private timer: NodeJS.Timeout | null = null;
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
    this.limits = staleLimits(deps.config.probes, deps.config.engine.staleAfterIntervals);
  }

  /** Builds the first view and follows "changed" from then on; never blocks longer than `waitMs` on a slow store. */
  async start(waitMs = 3_000): Promise<void> {
    // A store that is down at start still yields a page: everything unknown until it answers.
    this.setBuilt(buildStatusView(this.deps.config, new Map(), [], this.deps.now()));
    this.timer = setInterval(() => this.restale(true), STALE_CHECK_MS);
    this.timer.unref();
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
    this.restale(false);
    return { view: this.view, builtAt: this.builtAt, version: this.version, history: this.history };
  }

  /** Calls `listener` after each rebuild (for live page updates); returns an unsubscribe. */
  onUpdate(listener: (view: StatusView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.rebuilding;
  }

  /** Takes a freshly built view and presents it at the current instant. */
  private setBuilt(view: StatusView): void {
    const now = this.deps.now();
    this.built = { ...view, monitor: { ...view.monitor, dataAsOf: view.monitor.lastCheckedAt, storeReadAt: this.storeReadAt === null ? null : new Date(this.storeReadAt).toISOString() } };
    this.stale = staleKey(this.built, now, this.limits);
    this.view = presentStaleness(this.built, now, this.limits, this.deps.config);
    this.version += 1;
  }

  /** Re-judges staleness; when the verdict changed, the served view and its version change too (listeners hear it from the timer). */
  private restale(notify: boolean): void {
    if (!this.built) return;
    const now = this.deps.now();
    const key = staleKey(this.built, now, this.limits);
    if (key === this.stale) return;
    this.stale = key;
    this.view = presentStaleness(this.built, now, this.limits, this.deps.config);
    this.version += 1;
    const view = this.view;
    if (notify) for (const l of this.listeners) l(view);
    else queueMicrotask(() => this.listeners.forEach((l) => l(view)));
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
          const [states, windows, incidents, history] = await Promise.all([
            this.deps.store.getComponentStates(),
            this.deps.store.getWindows(),
            this.deps.store.getIncidents(),
            // History (uptime bars, latency) is decoration: failing to read it keeps the previous one.
            this.historyLoader.load(started).then(
              (h) => {
                this.historyFailing = false;
                return h;
              },
              (err: unknown) => {
                // Once per outage, not once per rebuild.
                if (!this.historyFailing) this.deps.logger.warn({ err }, 'snapshot history not read; keeping the previous one');
                this.historyFailing = true;
                return this.history;
              },
            ),
          ]);
          this.builtAt = this.deps.now();
          this.storeReadAt = this.builtAt;
          this.history = history;
          this.setBuilt(buildStatusView(this.deps.config, states, windows, this.builtAt, incidentViews(incidents)));
          for (const l of this.listeners) l(this.view!);
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
