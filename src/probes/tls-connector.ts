import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';

/** Connection phases in ms, summed over every connection of a run (redirects included), as blackbox_exporter does. */
export interface ConnectPhases {
  resolve: number;
  connect: number;
  tls: number;
}

/** An undici connector plus what it saw: certificate expiry (epoch ms) per `host` (URL.host form), and phase times. */
export interface CertCapturingConnector {
  connect: buildConnector.connector;
  certExpiry: Map<string, number>;
  phases: ConnectPhases;
}

/**
 * Builds an undici connector that records each TLS peer's certificate expiry.
 * undici's `request` exposes no socket, so the connector is the only place to see the peer certificate.
 */
export function buildCertCapturingConnector(options: buildConnector.BuildOptions): CertCapturingConnector {
  const inner = buildConnector(options);
  const certExpiry = new Map<string, number>();
  const phases: ConnectPhases = { resolve: 0, connect: 0, tls: 0 };
  const connect: buildConnector.connector = (opts, callback) => {
    const started = performance.now();
    let resolved: number | undefined;
    let connected: number | undefined;
    const socket = inner(opts, (...args) => {
      const done = performance.now();
      const ready = args[1];
      if (args[0] === null) {
        // The socket's own events split the time: DNS (no lookup for an IP literal), TCP, then TLS.
        const tcpFrom = resolved ?? started;
        const tcpTo = connected ?? done;
        phases.resolve += tcpFrom - started;
        phases.connect += tcpTo - tcpFrom;
        phases.tls += done - tcpTo;
      }
      if (args[0] === null && ready instanceof TLSSocket) {
        const validTo = Date.parse(ready.getPeerCertificate().valid_to);
        if (Number.isFinite(validTo)) certExpiry.set(opts.host ?? opts.hostname, validTo);
      }
      callback(...args);
    }) as unknown as Socket | undefined;
    socket?.once?.('lookup', () => (resolved = performance.now()));
    socket?.once?.('connect', () => (connected = performance.now()));
    return socket as never;
  };
  return { connect, certExpiry, phases };
}
