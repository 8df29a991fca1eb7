import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { AppError, type ErrorCode } from '../../domain/errors.ts';
import { errorBody } from '../errors.ts';
import type { StatusSnapshot } from '../../status/snapshot.ts';

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

/** Which cap refused a stream. */
export type SseLimit = 'per_client' | 'total';

/** How many streams may be open; over a cap a request gets 503 with Retry-After. */
export interface SseLimits {
  perClient: number;
  total: number;
  retryAfterMs: number;
  onReject?: (limit: SseLimit) => void;
  /** Streams open after each change. */
  onCount?: (open: number) => void;
}

/** Effectively uncapped (tests of the stream itself). */
export const NO_SSE_LIMITS: SseLimits = { perClient: Number.MAX_SAFE_INTEGER, total: Number.MAX_SAFE_INTEGER, retryAfterMs: 30_000 };

const LIMIT_ERRORS: Record<SseLimit, ErrorCode> = { per_client: 'STREAMS_PER_CLIENT', total: 'STREAMS_TOTAL' };

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
  /** Open streams per client IP, so one client cannot hold every file descriptor. */
  private readonly perClient = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private cooldown: NodeJS.Timeout | null = null;
  private dirty = false;
  private closed = false;

  constructor(
    private readonly snapshot: Pick<StatusSnapshot, 'current' | 'onUpdate'>,
    private readonly opts: SseOptions = SSE_DEFAULTS,
    private readonly limits: SseLimits = NO_SSE_LIMITS,
  ) {}

  /** Open streams. */
  get size(): number {
    return this.clients.size;
  }

  /** Serves one event-stream request, or refuses it with 503 when a cap is reached. */
  handle(req: Request, res: Response): void {
    // IPv6 clients are counted per /56 (one subscriber's network), or one client could use endless addresses.
    const ip = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const held = this.perClient.get(ip) ?? 0;
    const limit: SseLimit | null = held >= this.limits.perClient ? 'per_client' : this.clients.size >= this.limits.total ? 'total' : null;
    if (limit) {
      this.refuse(res, limit);
      return;
    }
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
    this.perClient.set(ip, held + 1);
    this.limits.onCount?.(this.clients.size);
    this.follow();
    res.on('close', () => {
      this.clients.delete(res);
      const left = (this.perClient.get(ip) ?? 1) - 1;
      if (left > 0) this.perClient.set(ip, left);
      else this.perClient.delete(ip);
      this.limits.onCount?.(this.clients.size);
      if (this.clients.size === 0) this.unfollow();
    });
  }

  /** 503 with Retry-After and a body naming the cap (and its value) in Polish and English. */
  private refuse(res: Response, limit: SseLimit): void {
    this.limits.onReject?.(limit);
    const body = errorBody(new AppError(LIMIT_ERRORS[limit])) as { error: Record<string, unknown> };
    const max = limit === 'per_client' ? this.limits.perClient : this.limits.total;
    res
      .status(503)
      .set('retry-after', String(Math.ceil(this.limits.retryAfterMs / 1000)))
      .set('cache-control', 'no-store')
      .json({ error: { ...body.error, limit: { name: limit, max } } });
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
