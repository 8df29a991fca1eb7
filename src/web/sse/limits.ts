import type { WebDeps } from '../deps.ts';
import { derivedStreamCap, fdSoftLimit } from './fd-limit.ts';
import type { SseLimits } from './hub.ts';

/** The stream caps from config; the total, unless configured, leaves `fdReserve` descriptors for probes. */
export function sseLimits(deps: Pick<WebDeps, 'config' | 'logger' | 'metrics'>, softLimit: () => number | null = fdSoftLimit): SseLimits {
  const { perClient, total, fdReserve, retryAfter } = deps.config.server.sse;
  const fds = total === null ? softLimit() : null;
  const cap = total ?? derivedStreamCap(fds, fdReserve);
  deps.logger.info({ perClient, total: cap, fdSoftLimit: fds, fdReserve: total === null ? fdReserve : undefined }, 'live-event streams capped');
  if (cap === 0) deps.logger.warn({ fdSoftLimit: fds, fdReserve }, 'the open-files limit leaves nothing for live-event streams; raise ulimit -n or lower server.sse.fdReserve');
  deps.metrics?.sseStreamsMax.set(cap);
  return {
    perClient,
    total: cap,
    retryAfterMs: retryAfter,
    onReject: (limit) => deps.metrics?.sseRejected.inc({ limit }),
    onCount: (open) => deps.metrics?.sseStreams.set(open),
  };
}
