import type {
  Clock,
  ComponentState,
  ComponentStatus,
  MaintenanceWindow,
  ProbeResult,
  ProbeState,
  StatusTransition,
  UptimeBucket,
} from '../domain/types.ts';
import { Journal } from './journal.ts';
import { MemoryOperatorData, type OperatorOp } from './memory-operator.ts';
import { readSnapshot, writeSnapshot, type MemorySnapshot, type RawSnapshot, type StoreLogger } from './snapshot-file.ts';
import { emptySeconds, isUptimeDay, retentionCutoff, type DaySeconds } from './uptime-days.ts';
import type { Store } from './store.ts';

/** Options of the in-process store. */
export interface MemoryStoreOptions {
  /** JSON file that keeps state across a clean restart; null keeps nothing. */
  snapshotFile: string | null;
  clock: Clock;
  logger?: StoreLogger;
}

const DAY_MS = 86_400_000;

/**
 * The embedded single-replica store: Maps in memory, saved to a JSON snapshot on flush/close.
 * Operators' writes (incidents, overrides, windows, reclassifications, audit, webhook outbox) are
 * also appended to a journal before they resolve, so a `kill -9` between flushes loses none.
 */
export class MemoryStore extends MemoryOperatorData implements Store {
  private readonly results = new Map<string, ProbeResult[]>();
  private readonly probeStates = new Map<string, ProbeState>();
  private readonly componentStates = new Map<string, ComponentState>();
  /** component -> day -> seconds per status. */
  private readonly uptime = new Map<string, Map<string, DaySeconds>>();
  private newestUptimeDay: string | null = null;
  /** Cutoff of the last full prune, so pruning runs once per new day rather than on every write. */
  private prunedBelow: string | null = null;
  /** component -> transitions sorted by `at`, at most one per instant. */
  private readonly transitions = new Map<string, StatusTransition[]>();
  private readonly windows = new Map<string, MaintenanceWindow>();
  /** lease key -> epoch ms when it expires. */
  private readonly leases = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  /** Serialises flushes so two writers never race on the same temp file. */
  private flushChain: Promise<void> = Promise.resolve();
  private readonly journal: Journal | null;

  constructor(private readonly opts: MemoryStoreOptions) {
    super(opts.clock, opts.logger);
    this.journal = opts.snapshotFile === null ? null : new Journal(opts.snapshotFile);
  }

  /**
   * Creates a store, loads its snapshot file and replays the journal written since (a corrupt
   * snapshot is kept aside and logged; malformed records are quarantined), then compacts the
   * journal into a fresh snapshot.
   */
  static async open(opts: MemoryStoreOptions): Promise<MemoryStore> {
    const store = new MemoryStore(opts);
    if (opts.snapshotFile !== null && store.journal !== null) {
      const snapshot = await readSnapshot(opts.snapshotFile, opts.logger, opts.clock.now());
      if (snapshot) store.load(snapshot, opts.snapshotFile);
      const { entries, torn } = await store.journal.readAll();
      if (torn > 0) opts.logger?.warn({ torn, file: store.journal.path }, 'journal lines cut short by a crash were skipped');
      for (const entry of entries) store.replay(entry, store.journal.path);
      if (entries.length > 0) await store.flush();
    }
    return store;
  }

  protected persist(op: OperatorOp): Promise<void> {
    return this.journal ? this.journal.append(op) : Promise.resolve();
  }

  protected override apply(op: OperatorOp): boolean {
    if (op.op === 'windows') {
      for (const w of op.windows) this.windows.set(w.id, w);
      return true;
    }
    if (op.op === 'pruneWindows') {
      for (const [id, w] of this.windows) if ((w.end ?? w.updatedAt) < op.before) this.windows.delete(id);
      return true;
    }
    return super.apply(op);
  }

  async appendResult(result: ProbeResult, keep: number): Promise<void> {
    const list = this.results.get(result.probeId) ?? [];
    list.unshift(structuredClone(result));
    list.length = Math.min(list.length, Math.max(keep, 0));
    this.results.set(result.probeId, list);
  }

  async recentResults(probeId: string, limit: number): Promise<ProbeResult[]> {
    return (this.results.get(probeId) ?? []).slice(0, Math.max(limit, 0)).map((r) => structuredClone(r));
  }

  async getProbeStates(): Promise<Map<string, ProbeState>> {
    return new Map([...this.probeStates].map(([id, s]) => [id, structuredClone(s)]));
  }

  async setProbeState(state: ProbeState): Promise<void> {
    this.probeStates.set(state.probeId, structuredClone(state));
  }

  async getComponentStates(): Promise<Map<string, ComponentState>> {
    return new Map([...this.componentStates].map(([id, s]) => [id, structuredClone(s)]));
  }

  async setComponentStates(states: ComponentState[]): Promise<void> {
    for (const s of states) this.componentStates.set(s.id, structuredClone(s));
  }

  async addUptime(component: string, day: string, status: ComponentStatus, seconds: number, retainDays: number): Promise<void> {
    // A malformed day would sort after every real one and prune all history.
    if (!isUptimeDay(day)) throw new RangeError(`uptime day must be YYYY-MM-DD, got "${day}"`);
    if (this.newestUptimeDay === null || day > this.newestUptimeDay) this.newestUptimeDay = day;
    const cutoff = retentionCutoff(this.newestUptimeDay, retainDays);
    if (cutoff !== this.prunedBelow) this.pruneUptime(cutoff);
    if (day < cutoff) return;
    let days = this.uptime.get(component);
    if (!days) {
      days = new Map();
      this.uptime.set(component, days);
    }
    const bucket = days.get(day) ?? emptySeconds();
    bucket[status] += seconds;
    days.set(day, bucket);
  }

  async getUptime(component: string, fromDay: string, toDay: string): Promise<UptimeBucket[]> {
    const days = this.uptime.get(component);
    if (!days) return [];
    return [...days]
      .filter(([day]) => day >= fromDay && day <= toDay)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, seconds]) => ({ day, seconds: { ...seconds } }));
  }

  async moveUptime(component: string, day: string, from: ComponentStatus, to: ComponentStatus, seconds: number): Promise<number> {
    const bucket = this.uptime.get(component)?.get(day);
    const moved = bucket && from !== to ? Math.max(0, Math.min(bucket[from], seconds)) : 0;
    if (bucket && moved > 0) [bucket[from], bucket[to]] = [bucket[from] - moved, bucket[to] + moved];
    return moved;
  }

  async addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void> {
    if (transitions.length === 0) return;
    // Retention counts from the newest entry written, the same rule as RedisStore (which has no clock).
    const cutoff = transitions.reduce((max, t) => Math.max(max, t.at), -Infinity) - retainDays * DAY_MS;
    for (const t of transitions) {
      // One entry per component and instant, as in RedisStore: a later write at the same instant replaces the earlier one.
      const list = (this.transitions.get(t.component) ?? []).filter((e) => e.at !== t.at);
      list.push(structuredClone(t));
      this.transitions.set(t.component, list);
    }
    for (const component of new Set(transitions.map((t) => t.component))) {
      const kept = (this.transitions.get(component) ?? []).filter((t) => t.at >= cutoff).sort((a, b) => a.at - b.at);
      if (kept.length > 0) this.transitions.set(component, kept);
      else this.transitions.delete(component);
    }
  }

  async getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]> {
    const list = this.transitions.get(component) ?? [];
    const inForce = list.filter((t) => t.at < from).slice(-1);
    const within = list.filter((t) => t.at >= from && t.at <= to);
    return [...inForce, ...within].map((t) => structuredClone(t));
  }

  async putWindows(windows: MaintenanceWindow[]): Promise<void> {
    if (windows.length > 0) await this.write({ op: 'windows', windows: structuredClone(windows) });
  }

  async getWindows(): Promise<MaintenanceWindow[]> {
    return [...this.windows.values()].map((w) => structuredClone(w));
  }

  async pruneWindows(before: number): Promise<void> {
    if ([...this.windows.values()].some((w) => (w.end ?? w.updatedAt) < before)) await this.write({ op: 'pruneWindows', before });
  }

  async acquireLease(key: string, ttlMs: number): Promise<boolean> {
    const now = this.opts.clock.now();
    const expiresAt = this.leases.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.leases.set(key, now + ttlMs);
    return true;
  }

  async releaseLease(key: string): Promise<void> {
    this.leases.delete(key);
  }

  async publishChanged(): Promise<void> {
    for (const listener of [...this.listeners]) {
      queueMicrotask(() => {
        try {
          listener();
        } catch (err) {
          this.opts.logger?.warn({ err }, 'store "changed" listener threw');
        }
      });
    }
  }

  async subscribeChanged(listener: () => void): Promise<() => Promise<void>> {
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const entry = (): void => listener();
    this.listeners.add(entry);
    return async () => {
      this.listeners.delete(entry);
    };
  }

  async ping(): Promise<void> {}

  /** Writes the snapshot file now and drops the journal it covers (no-op without a file). */
  async flush(): Promise<void> {
    const file = this.opts.snapshotFile;
    const journal = this.journal;
    if (file === null || journal === null) return;
    const next = this.flushChain.then(async () => {
      // The rotation and the snapshot must happen in one tick with no append in flight, so the
      // snapshot covers exactly the rotated journal generation.
      do await journal.settle();
      while (journal.busy);
      journal.rotate();
      await writeSnapshot(file, this.toSnapshot());
      await journal.dropRotated();
    });
    this.flushChain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.flush();
    await this.journal?.close();
  }

  private pruneUptime(cutoff: string): void {
    this.prunedBelow = cutoff;
    for (const [component, days] of this.uptime) {
      for (const day of days.keys()) if (day < cutoff) days.delete(day);
      if (days.size === 0) this.uptime.delete(component);
    }
  }

  private toSnapshot(): MemorySnapshot {
    const uptime: MemorySnapshot['uptime'] = {};
    for (const [component, days] of this.uptime) uptime[component] = Object.fromEntries(days);
    return {
      version: 1,
      savedAt: this.opts.clock.now(),
      results: Object.fromEntries(this.results),
      probeStates: [...this.probeStates.values()],
      componentStates: [...this.componentStates.values()],
      uptime,
      transitions: Object.fromEntries(this.transitions),
      windows: [...this.windows.values()],
      ...this.operatorSnapshot(),
    };
  }

  /** Loads a snapshot read from disk, validating each record (a malformed one is quarantined and skipped). */
  private load(snapshot: RawSnapshot, file: string): void {
    for (const [probeId, list] of Object.entries(snapshot.results))
      this.results.set(probeId, list.filter((r) => this.admit('probeResult', `${file}#results`, r)) as ProbeResult[]);
    for (const s of snapshot.probeStates) if (this.admit('probeState', `${file}#probeStates`, s)) this.probeStates.set((s as ProbeState).probeId, s as ProbeState);
    for (const s of snapshot.componentStates) if (this.admit('componentState', `${file}#componentStates`, s)) this.componentStates.set((s as ComponentState).id, s as ComponentState);
    for (const [component, days] of Object.entries(snapshot.uptime)) {
      const map = new Map<string, DaySeconds>();
      for (const [day, seconds] of Object.entries(days)) {
        // Uptime buckets are plain numbers: a bad one is dropped and logged (nothing to mend by hand).
        if (!isUptimeDay(day) || !isSecondsRecord(seconds)) {
          this.opts.logger?.warn({ component, file }, 'malformed uptime bucket dropped from the snapshot');
          continue;
        }
        map.set(day, { ...emptySeconds(), ...seconds });
        if (this.newestUptimeDay === null || day > this.newestUptimeDay) this.newestUptimeDay = day;
      }
      this.uptime.set(component, map);
    }
    for (const [component, list] of Object.entries(snapshot.transitions)) {
      const valid = list.filter((t) => this.admit('transition', `${file}#transitions`, t)) as StatusTransition[];
      this.transitions.set(component, valid.sort((a, b) => a.at - b.at));
    }
    for (const w of snapshot.windows) if (this.admit('window', `${file}#windows`, w)) this.windows.set((w as MaintenanceWindow).id, w as MaintenanceWindow);
    this.loadOperator(snapshot, file);
  }
}

function isSecondsRecord(v: unknown): v is Record<ComponentStatus, number> {
  return typeof v === 'object' && v !== null && Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n));
}
