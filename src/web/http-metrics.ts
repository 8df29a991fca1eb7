import type { FinishedRequest } from './request-context.ts';
import type { Metrics } from '../metrics/definitions.ts';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Records one finished request in `ikpstatus_http_request_duration_seconds` (labels stay bounded). */
export function observeHttpRequest(metrics: Metrics): (r: FinishedRequest) => void {
  return (r) => {
    metrics.httpDuration.observe(
      { route: r.route, method: KNOWN_METHODS.has(r.method) ? r.method : 'OTHER', status_code: String(r.statusCode) },
      r.seconds,
    );
  };
}
