import type { StatusSnapshot } from '../../status/snapshot.ts';
import type { PreparedBody } from './prepared.ts';

/** What a body is built from: one snapshot version at one instant. */
export type SnapshotState = ReturnType<StatusSnapshot['current']>;

/** Limits of the cache. */
export interface PreparedCacheOptions {
  /** Re-render after this long even without a new snapshot, so "2 min temu" stays true. */
  maxAgeMs: number;
  /** Keys are bounded (language × host × view); past this many the oldest entry goes. */
  maxEntries: number;
}

/**
 * Rendered bodies per snapshot version: each key is built once per version (or once per
 * `maxAgeMs` for relative times), so every other request is a buffer send. A new snapshot
 * version drops everything; nothing reads the store.
 */
export class PreparedCache {
  private version = -1;
  private readonly entries = new Map<string, { at: number; body: PreparedBody }>();

  constructor(
    private readonly snapshot: Pick<StatusSnapshot, 'current'>,
    private readonly now: () => number,
    private readonly opts: PreparedCacheOptions = { maxAgeMs: 30_000, maxEntries: 128 },
  ) {}

  /** A body built from the current snapshot and never stored (for requests that must not displace cached ones). */
  uncached(build: (state: SnapshotState, now: number) => PreparedBody): PreparedBody {
    return build(this.snapshot.current(), this.now());
  }

  /** The body for `key`, built by `build` when missing or out of date. */
  get(key: string, build: (state: SnapshotState, now: number) => PreparedBody): PreparedBody {
    const state = this.snapshot.current();
    const now = this.now();
    if (state.version !== this.version) {
      this.entries.clear();
      this.version = state.version;
    }
    const hit = this.entries.get(key);
    if (hit && now >= hit.at && now - hit.at < this.opts.maxAgeMs) return hit.body;
    const body = build(state, now);
    this.entries.delete(key);
    if (this.entries.size >= this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { at: now, body });
    return body;
  }
}
