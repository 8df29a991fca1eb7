import http from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import type { Express } from 'express';

/** A listening HTTP server and how to stop it. */
export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the app on host:port (port 0 picks a free one). */
export async function startWebServer(app: Express, port: number, host: string): Promise<WebServer> {
  const server = http.createServer(app);
  // Long-lived SSE streams must not hold shutdown hostage.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  // An IPv6 literal needs brackets in a URL (RFC 3986 §3.2.2): http://[::1]:8080.
  return {
    url: `http://${isIPv6(shownHost) ? `[${shownHost}]` : shownHost}:${addr.port}`,
    port: addr.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
