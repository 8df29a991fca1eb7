import { MemoryStore as RateLimitMemoryStore } from 'express-rate-limit';
import type { Clock } from '../../domain/types.ts';
import type { StoreLogger } from '../logger.ts';
import type { CoordinationPort, RateLimitStore } from '../ports.ts';

/** Leases held at once before expired ones are swept (each scheduled fire takes a fresh key). */
const SWEEP_ABOVE = 1_024;

/**
 * Coordination within one process: leases and "changed" listeners live here, so a lone replica
 * coordinates with itself through the same calls a shared store answers.
 */
export class MemoryCoordination implements CoordinationPort {
  /** lease key -> when it expires (epoch ms) and who holds it. */
  private readonly leases = new Map<string, { expiresAt: number; owner: string | undefined }>();
  private sweepAbove = SWEEP_ABOVE;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: StoreLogger | undefined,
  ) {}

  async acquireLease(key: string, ttlMs: number, owner?: string): Promise<boolean> {
    const now = this.clock.now();
    const held = this.leases.get(key);
    if (held !== undefined && held.expiresAt > now) return owner !== undefined && held.owner === owner;
    this.leases.set(key, { expiresAt: now + ttlMs, owner });
    if (this.leases.size > this.sweepAbove) this.sweep(now);
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
          this.logger?.warn({ err }, 'store "changed" listener threw');
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

  /** express-rate-limit's in-process store: with one replica, its memory is the whole budget. */
  rateLimitStore(_limiter: string): RateLimitStore {
    return new RateLimitMemoryStore();
  }

  /** Drops every "changed" listener (the store is closing). */
  clear(): void {
    this.listeners.clear();
  }

  /** Leases currently kept (expired ones included until swept); for tests. */
  get leaseCount(): number {
    return this.leases.size;
  }

  /** Forgets expired leases, so keys taken once per fire do not pile up for ever. */
  private sweep(now: number): void {
    for (const [key, held] of this.leases) if (held.expiresAt <= now) this.leases.delete(key);
    // Sweep again only once the live set has doubled, so the cost stays linear overall.
    this.sweepAbove = Math.max(SWEEP_ABOVE, this.leases.size * 2);
  }
}
