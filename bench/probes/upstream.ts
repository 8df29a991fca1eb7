// The probe bench's upstream, run in its own process so its CPU is not counted for the monitor:
// answers every GET after a fixed latency with a small 200 body and records, per path, when each
// request arrived (epoch ms, sub-millisecond). Talks to the parent over IPC: sends { port } once
// listening, answers { type: 'log' } with { type: 'log', log }.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const latencyMs = Number(process.argv[2] ?? 200);
const log: Record<string, number[]> = {};
const BODY = Buffer.from('ok\n');

const server = http.createServer((req, res) => {
  // Taken before anything else, so the upstream's own queueing never shows as fire lag.
  const at = performance.timeOrigin + performance.now();
  const path = req.url ?? '/';
  (log[path] ??= []).push(at);
  req.resume();
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
    res.end(BODY);
  }, latencyMs);
});
// Thousands of probes may connect at once (blackbox opens one connection per probe).
server.maxConnections = 65_000;
server.keepAliveTimeout = 65_000;
server.listen({ host: '127.0.0.1', port: 0, backlog: 8192 }, () => {
  const addr = server.address();
  if (addr && typeof addr === 'object') process.send?.({ type: 'ready', port: addr.port });
});

process.on('message', (msg: { type?: string }) => {
  if (msg.type === 'log') process.send?.({ type: 'log', log });
});
// Ends with the parent: the IPC channel closes when the bench exits or dies.
process.on('disconnect', () => process.exit(0));
