import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** Handles one request to a route of a test upstream. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP(S) server on 127.0.0.1 with an ephemeral port, routed by exact path. */
export interface Upstream {
  /** `http://127.0.0.1:<port>` or `https://…`, no trailing slash. */
  origin: string;
  port: number;
  /** Absolute URL for a path on this upstream. */
  url(path: string): string;
  /** Registers (or replaces) the handler for an exact path; unknown paths answer 404. */
  route(path: string, handler: RouteHandler): void;
  /** Destroys open sockets (including hung requests) and stops listening. */
  close(): Promise<void>;
}

/** Options for `startUpstream`; pass `tls` to serve HTTPS. */
export interface UpstreamOptions {
  tls?: { key: string; cert: string };
}

/** Starts a local upstream for tests; always close it in `afterAll`/`afterEach`. */
export async function startUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  const routes = new Map<string, RouteHandler>();
  const sockets = new Set<Socket>();
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://upstream').pathname;
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Clients that bail out mid-handshake are expected in tests; they must not crash the run.
  server.on('tlsClientError', () => undefined);
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A 127.0.0.1 port that nothing listens on (bound once, then released). */
export async function closedPort(): Promise<number> {
  const up = await startUpstream();
  await up.close();
  return up.port;
}
