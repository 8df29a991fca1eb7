import type { Config } from '../config/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { StorePorts } from '../store/ports.ts';
import { incidentArchive } from './incident-archive.ts';
import { incidentViews } from './incidents-view.ts';
import type { IncidentView } from './incident-view.ts';
import { EMPTY_HISTORY, HISTORY_DAYS, HistoryLoader, type HistoryData } from './history-data.ts';
import { buildStatusView, type StatusView, type ViewInputs } from './status-view.ts';

/** How often the view is re-judged for staleness when no store event comes (during an outage none does). */
const STALE_CHECK_MS = 1_000;
/**
 * How long a "changed" waits before the rebuild it asks for, so that a burst of them (thousands of
 * probes report every few milliseconds) costs one store read instead of one each. A rebuild costs
 * about 10 µs per component (50 ms at 5,000), so the wait grows with the monitor: 1 ms per
 * component, at least 100 ms and at most 2 s. Every face, the metrics status gauge included,
 * formats this snapshot, so the wait delays them all alike and never sets one face against another.
 */
export function rebuildDelayMs(components: number): number {
  return Math.min(2_000, Math.max(100, components));
}

/**
 * Uptime bars and latency charts are decoration: they are re-read at most this often (statuses
 * follow every rebuild). A re-read costs about 0.13 ms of CPU per component on Redis (three reads
 * each: 10 % of all CPU at 1,000 components when it ran every 10 s), so the wait is 60 ms per
 * component: 5 s up to 83 components, a minute from 1,000 on.
 */
export function historyMaxAgeMs(components: number): number {
  return Math.min(60_000, Math.max(5_000, components * 60));
}

/** How far back the incident archive reaches: the history page's 90 days plus a day, so it can cut at its own instant between rebuilds. */
const ARCHIVE_MS = (HISTORY_DAYS + 1) * 86_400_000;

/**
 * In-process read model: rebuilt from the store only when it publishes "changed",
 * so serving a view makes no store call. It knows how old its data is: what it serves is the
 * public state at the current instant (src/status/public-state.ts), re-judged on
 * every read and once a second, so no face says "operational" about data past the stale limit.
 */
export class StatusSnapshot {
  /** The view as built from the store; `view` is what is served. */
  private built: StatusView | null = null;
  private view: StatusView | null = null;
  private stale = '';
  private storeReadAt: number | null = null;
  private historyFailing = false;
  /** What the view was built from, so time alone (staleness, window edges) re-computes the public state without the store. */
  private inputs: ViewInputs = { states: new Map(), windows: [], incidents: [], overrides: [] };
  private timer: NodeJS.Timeout | null = null;
  private builtAt = 0;
  private history: HistoryData = EMPTY_HISTORY;
  /** Public incidents of the history period, read with everything else (the live view keeps only the newest resolved ones). */
  private archive: IncidentView[] = [];
  /** Bumped on every rebuild, so caches of rendered bodies know when to re-render. */
  private version = 0;
  private readonly historyLoader: HistoryLoader;
  private unsubscribe: (() => Promise<void>) | null = null;
  private rebuilding: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private delayed: NodeJS.Timeout | null = null;
  private rebuildCount = 0;
  private readonly listeners = new Set<(view: StatusView) => void>();

  constructor(
    private readonly deps: {
      config: Config;
      stores: Pick<StorePorts, 'results' | 'history' | 'windows' | 'operator' | 'coordination'>;
      logger: Logger;
      now: () => number;
      rebuildDelayMs?: number;
      /** Whether the operator records the stores served are known (Stores.operatorRecordsKnown); default: always. */
      recordsKnown?: () => boolean;
    },
  ) {
    this.historyLoader = new HistoryLoader({ ...deps, maxAgeMs: historyMaxAgeMs(deps.config.components.length) });
  }

  /** Builds the first view and follows "changed" from then on; never blocks longer than `waitMs` on a slow store. */
  async start(waitMs = 3_000): Promise<void> {
    // A store that is down at start still yields a page: everything unknown until it answers.
    this.setBuilt(this.deps.now());
    this.timer = setInterval(() => {
      this.restale(true);
      // No "changed" may come when the records become readable (Redis's pub/sub is re-subscribed after its write-back): ask again.
      if (this.inputs.recordsUnavailable) void this.rebuild();
    }, STALE_CHECK_MS);
    this.timer.unref();
    const subscribed = this.deps.stores.coordination.subscribeChanged(() => this.rebuildSoon()).then(
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

  /** The current view, its uptime/latency history, the incident archive and build version; throws if start() has not finished. */
  current(): { view: StatusView; builtAt: number; version: number; history: HistoryData; incidentArchive: IncidentView[] } {
    if (!this.view) throw new Error('snapshot not started');
    this.restale(false);
    return { view: this.view, builtAt: this.builtAt, version: this.version, history: this.history, incidentArchive: this.archive };
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
    if (this.delayed) clearTimeout(this.delayed);
    this.delayed = null;
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.rebuilding;
  }

  /** Computes the public state from the kept inputs at `now` and serves it (staleness is part of the public state). */
  private setBuilt(now: number): void {
    const i = this.inputs;
    const view = buildStatusView(this.deps.config, i.states, i.windows, now, i.incidents, i.overrides, i.recordsUnavailable);
    this.built = view;
    this.view = { ...view, monitor: { ...view.monitor, dataAsOf: view.monitor.lastCheckedAt, storeReadAt: this.storeReadAt === null ? null : new Date(this.storeReadAt).toISOString() } };
    this.stale = view.fingerprint;
    this.version += 1;
  }

  /** When time alone changes the answer (data past its limit, a window starting or ending), re-computes it; listeners hear it when what faces say changed. */
  private restale(notify: boolean): void {
    if (!this.built) return;
    const next = this.built.public.nextChangeAt;
    if (next === null || this.deps.now() < next) return;
    const before = this.stale;
    this.setBuilt(this.deps.now());
    if (this.stale === before) return;
    const view = this.view!;
    if (notify) for (const l of this.listeners) l(view);
    else queueMicrotask(() => this.listeners.forEach((l) => l(view)));
  }

  /** Answers a "changed": at most one rebuild per rebuildDelayMs(), however many changes come. */
  private rebuildSoon(): void {
    if (this.delayed || this.stopped) return;
    this.delayed = setTimeout(() => {
      this.delayed = null;
      void this.rebuild();
    }, this.deps.rebuildDelayMs ?? rebuildDelayMs(this.deps.config.components.length));
    this.delayed.unref();
  }

  /** How many rebuilds have read the store (tests count them). */
  get rebuilds(): number {
    return this.rebuildCount;
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
        this.rebuildCount += 1;
        try {
          const started = this.deps.now();
          const [states, windows, incidents, overrides, history] = await Promise.all([
            this.deps.stores.results.getComponentStates(),
            this.deps.stores.windows.getWindows(),
            this.deps.stores.operator.getIncidents(),
            this.deps.stores.operator.getOverrides(),
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
          // Asked after the reads: false means some of them came from a copy that was never filled, so their emptiness proves nothing.
          const recordsUnavailable = !(this.deps.recordsKnown?.() ?? true);
          this.inputs = { states, windows, incidents: incidentViews(incidents), overrides, recordsUnavailable };
          this.archive = incidentArchive(incidents, this.builtAt - ARCHIVE_MS);
          this.setBuilt(this.builtAt);
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
