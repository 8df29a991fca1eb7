// The benchmark's servers, in their own process so the load generator does not share their event loop:
// the real app over a seeded snapshot; the same route handlers alone in a bare Express 5 app (no access log,
// metrics or security headers), to tell handler cost from middleware cost; and the baseline, a bare
// Express 5 app sending the same bytes as precomputed buffers.
import { createWriteStream } from 'node:fs';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { Registry } from 'prom-client';
import { createLogger } from '../src/logging/logger.ts';
import { readBuildInfo } from '../src/metrics/build-info.ts';
import { createMetrics } from '../src/metrics/definitions.ts';
import { createWebApp } from '../src/web/app.ts';
import { publicSite } from '../src/web/routes/public-site.ts';
import { statusRoutes } from '../src/web/routes/status.ts';
import { startWebServer } from '../src/web/server.ts';
import { webFixture } from '../test/web/fixture.ts';
import { BENCH_PATHS } from './targets.ts';

const fixture = await webFixture('outage');
// Production wiring: the access log (info by default, written to /dev/null here) and request metrics.
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const logger = createLogger(logLevel, createWriteStream('/dev/null'));
const metrics = createMetrics(new Registry(), readBuildInfo());
const app = createWebApp({ config: fixture.config, stores: fixture.stores, snapshot: fixture.snapshot, logger, metrics, now: () => Date.now() });
const appServer = await startWebServer(app, 0, '127.0.0.1');

const handlers = express();
handlers.disable('x-powered-by');
handlers.use(statusRoutes(fixture.snapshot, () => Date.now()));
handlers.use(publicSite({ config: fixture.config, stores: fixture.stores, snapshot: fixture.snapshot, logger, now: () => Date.now() }).router);
const handlersServer = await startWebServer(handlers, 0, '127.0.0.1');

const baseline = express();
baseline.disable('x-powered-by');
baseline.set('etag', false);
for (const path of BENCH_PATHS) {
  const res = await fetch(`${appServer.url}${path}`, { headers: { 'accept-encoding': 'identity' } });
  const identity = Buffer.from(await res.arrayBuffer());
  // The same compression the app applies to its prepared bodies, so both send the same number of bytes.
  const gzip = gzipSync(identity, { level: 6 });
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  baseline.get(path, (req, res) => {
    res.type(type);
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) res.set('content-encoding', 'gzip').send(gzip);
    else res.send(identity);
  });
}
const baselineServer = await startWebServer(baseline, 0, '127.0.0.1');

process.stdout.write(`${JSON.stringify({ app: appServer.url, handlers: handlersServer.url, baseline: baselineServer.url, logLevel })}\n`);
process.on('SIGTERM', () => {
  // Keep-alive sockets from the load generator must not hold the exit.
  setTimeout(() => process.exit(0), 2_000).unref();
  void Promise.all([appServer.close(), handlersServer.close(), baselineServer.close(), fixture.close()]).then(() => process.exit(0));
});
