import type { Clock } from '../../domain/types.ts';
import type { LifecyclePort, StoreOutageObserver, Stores } from '../ports.ts';
import { MemoryCoordination } from './coordination.ts';
import { MemoryHistory } from './history.ts';
import { Journal } from './journal.ts';
import { carriedRecords, type OperatorOp, type OpApplier } from './ops.ts';
import { MemoryOperator } from './operator.ts';
import { MemoryQuarantine } from './quarantine.ts';
import { MemoryResults } from './results.ts';
import { readSnapshot, writeSnapshot, type MemorySnapshot, type RawSnapshot, type StoreLogger } from './snapshot-file.ts';
import { MemoryWindows } from './windows.ts';

/** Options of the in-process store. */
export interface MemoryStoreOptions {
  /** JSON file that keeps state across a clean restart; null keeps nothing. */
  snapshotFile: string | null;
  clock: Clock;
  logger?: StoreLogger;
}

/**
 * The embedded single-replica store: one object per port, kept in memory and saved to a JSON
 * snapshot on flush/close. Operators' writes (incidents, overrides, windows, reclassifications,
 * audit, webhook outbox) are also appended to a journal before they resolve, so a `kill -9`
 * between flushes loses none. It never goes out, so its local face is itself.
 */
export class MemoryStore implements Stores, LifecyclePort {
  readonly results = new MemoryResults();
  readonly history: MemoryHistory;
  readonly windows: MemoryWindows;
  readonly operator: MemoryOperator;
  readonly coordination: MemoryCoordination;
  readonly lifecycle: LifecyclePort = this;
  private readonly quarantine: MemoryQuarantine;
  /** The parts that own journaled ops. */
  private readonly appliers: OpApplier[];
  /** Serialises flushes so two writers never race on the same temp file. */
  private flushChain: Promise<void> = Promise.resolve();
  private readonly journal: Journal | null;
  private readonly opts: MemoryStoreOptions;

  constructor(opts: MemoryStoreOptions) {
    // An empty name is "keep nothing", as in the config: used as a path, it wrote `.tmp` and
    // `.journal.1` into the working directory.
    this.opts = { ...opts, snapshotFile: opts.snapshotFile || null };
    const write = (op: OperatorOp): Promise<void> => this.write(op);
    this.journal = this.opts.snapshotFile === null ? null : new Journal(this.opts.snapshotFile);
    this.quarantine = new MemoryQuarantine(opts.clock, opts.logger, write);
    this.history = new MemoryHistory(opts.logger);
    this.windows = new MemoryWindows(write);
    this.operator = new MemoryOperator(write, this.quarantine);
    this.coordination = new MemoryCoordination(opts.clock, opts.logger);
    this.appliers = [this.operator, this.windows, this.quarantine];
  }

  get local(): this {
    return this;
  }

  /** The embedded store holds its records itself: they are always known. */
  operatorRecordsKnown(): boolean {
    return true;
  }

  /** The embedded store cannot be unreachable: an observer only hears that it is up. */
  observeOutage(observer: StoreOutageObserver): void {
    observer.availability(true);
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
    this.coordination.clear();
    await this.flush();
    await this.journal?.close();
  }

  /** Applies a write in memory at once (readers see it), then waits until it is durable. */
  private write(op: OperatorOp): Promise<void> {
    this.apply(op);
    return this.journal ? this.journal.append(op) : Promise.resolve();
  }

  private apply(op: OperatorOp): boolean {
    return this.appliers.some((part) => part.apply(op));
  }

  /** Applies a journaled op read back at start, after validating the records it carries. */
  private replay(op: unknown, location: string): void {
    const o = op as Partial<OperatorOp> | null;
    const carried = carriedRecords(o);
    const admit = this.quarantine.admit;
    if (o?.op === 'windows') {
      // One bad window must not cost the others in the same write.
      this.apply({ op: 'windows', windows: carried.filter(([kind, w]) => admit(kind, location, w)).map(([, w]) => w) as never });
      return;
    }
    if (!carried.every(([kind, value]) => admit(kind, location, value))) return;
    if (o === null || typeof o.op !== 'string' || !this.apply(o as OperatorOp)) this.opts.logger?.warn({ location, op: o?.op }, 'unknown journal entry skipped');
  }

  private toSnapshot(): MemorySnapshot {
    return {
      version: 1,
      savedAt: this.opts.clock.now(),
      ...this.results.snapshot(),
      ...this.history.snapshot(),
      windows: this.windows.snapshot(),
      ...this.operator.snapshot(),
      quarantine: this.quarantine.snapshot(),
    };
  }

  /** Loads a snapshot read from disk, validating each record (a malformed one is quarantined and skipped). */
  private load(snapshot: RawSnapshot, file: string): void {
    const admit = this.quarantine.admit;
    this.results.load(snapshot, file, admit);
    this.history.load(snapshot, file, admit);
    this.windows.load(snapshot.windows, file, admit);
    this.operator.load(snapshot, file, admit);
    this.quarantine.load(snapshot.quarantine);
  }
}
