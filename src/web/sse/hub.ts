import type { Request, Response } from 'express';
import type { StatusSnapshot } from '../snapshot.ts';

/** Timing of the event stream. */
export interface SseOptions {
  /** Comment lines at this interval keep proxies from closing idle streams. */
  heartbeatMs: number;
  /** The `retry:` the browser waits before reconnecting. */
  retryMs: number;
  /** At most one status event per this interval; bursts of rebuilds coalesce into the last one. */
  minGapMs: number;
}

/** Default timings: a heartbeat every 15 s, reconnect after 5 s, at most one event per second. */
export const SSE_DEFAULTS: SseOptions = { heartbeatMs: 15_000, retryMs: 5_000, minGapMs: 1_000 };

/** The JSON carried by each `status` event. */
export interface StatusEvent {
  version: number;
  overall: string;
  blind: boolean;
  builtAt: string;
  /** Fingerprint of what the page says: the live script re-fetches the fragment only when it changes. */
  state: string;
}

/**
 * Server-Sent Events for /api/v1/events: sends the current status on connect and after every
 * snapshot rebuild. Follows the snapshot only while someone listens; `closeAll` ends every
 * stream for a graceful shutdown (browsers then reconnect, to another replica if this one is gone).
 */
export class SseHub {
  private readonly clients = new Set<Response>();
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private cooldown: NodeJS.Timeout | null = null;
  private dirty = false;
  private closed = false;

  constructor(
    private readonly snapshot: Pick<StatusSnapshot, 'current' | 'onUpdate'>,
    private readonly opts: SseOptions = SSE_DEFAULTS,
  ) {}

  /** Open streams. */
  get size(): number {
    return this.clients.size;
  }

  /** Serves one event-stream request. */
  handle(req: Request, res: Response): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    // no-transform also keeps the compression middleware from buffering the stream.
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    req.socket.setNoDelay(true);
    res.write(`retry: ${this.opts.retryMs}\n\n`);
    if (this.closed) {
      res.end();
      return;
    }
    res.write(this.event());
    this.clients.add(res);
    this.follow();
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.unfollow();
    });
  }

  /** Ends every stream and stops following the snapshot; later connections are told to retry. */
  async closeAll(): Promise<void> {
    this.closed = true;
    this.unfollow();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private follow(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.snapshot.onUpdate(() => this.changed());
    this.heartbeat = setInterval(() => this.broadcast(': ping\n\n'), this.opts.heartbeatMs);
    this.heartbeat.unref();
  }

  private unfollow(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const timer of [this.heartbeat, this.cooldown]) if (timer) clearInterval(timer);
    this.heartbeat = null;
    this.cooldown = null;
    this.dirty = false;
  }

  /** Leading-edge send, then at most one trailing send per `minGapMs`. */
  private changed(): void {
    if (this.cooldown) {
      this.dirty = true;
      return;
    }
    this.broadcast(this.event());
    this.cooldown = setTimeout(() => {
      this.cooldown = null;
      if (this.dirty) {
        this.dirty = false;
        this.changed();
      }
    }, this.opts.minGapMs);
    this.cooldown.unref();
  }

  private broadcast(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }

  private event(): string {
    const { view, version, builtAt } = this.snapshot.current();
    const data: StatusEvent = { version, overall: view.overall.status, blind: view.monitor.blind, builtAt: new Date(builtAt).toISOString(), state: view.fingerprint };
    return `id: ${version}\nevent: status\ndata: ${JSON.stringify(data)}\n\n`;
  }
}
