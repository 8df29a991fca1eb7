import type { Logger } from '../logging/logger.ts';

/** Why a delivery was dropped without being attempted to the end. */
export type DropReason = 'queue_full' | 'outbox_full' | 'unconfigured';

export const DROP_REASONS: readonly DropReason[] = ['queue_full', 'outbox_full', 'unconfigured'];

/**
 * Rate-limited warnings for dropped deliveries: the first drop per webhook and reason is logged
 * at once, later ones in the same window only as one summary line with their count, so a
 * flood of drops cannot flood the log (metrics count every drop).
 */
export class DropLog {
  private readonly windows = new Map<string, { timer: NodeJS.Timeout; more: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly windowMs = 10_000,
  ) {}

  note(webhook: string, reason: DropReason, detail: Record<string, unknown>): void {
    const key = `${webhook}\u0000${reason}`;
    const open = this.windows.get(key);
    if (open) {
      open.more += 1;
      return;
    }
    this.logger.warn({ webhook, reason, ...detail }, 'webhook delivery dropped');
    const timer = setTimeout(() => {
      const w = this.windows.get(key);
      this.windows.delete(key);
      if (w && w.more > 0) this.logger.warn({ webhook, reason, dropped: w.more, windowMs: this.windowMs }, 'webhook deliveries dropped');
    }, this.windowMs);
    timer.unref();
    this.windows.set(key, { timer, more: 0 });
  }

  /** Logs what is still counted and stops the timers. */
  stop(): void {
    for (const [key, w] of this.windows) {
      clearTimeout(w.timer);
      const [webhook, reason] = key.split('\u0000');
      if (w.more > 0) this.logger.warn({ webhook, reason, dropped: w.more }, 'webhook deliveries dropped');
    }
    this.windows.clear();
  }
}
