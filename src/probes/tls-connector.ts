import { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';

/** An undici connector plus what it saw: certificate expiry (epoch ms) per `host` (URL.host form). */
export interface CertCapturingConnector {
  connect: buildConnector.connector;
  certExpiry: Map<string, number>;
}

/**
 * Builds an undici connector that records each TLS peer's certificate expiry.
 * undici's `request` exposes no socket, so the connector is the only place to see the peer certificate.
 */
export function buildCertCapturingConnector(options: buildConnector.BuildOptions): CertCapturingConnector {
  const inner = buildConnector(options);
  const certExpiry = new Map<string, number>();
  const connect: buildConnector.connector = (opts, callback) => {
    inner(opts, (...args) => {
      const socket = args[1];
      if (args[0] === null && socket instanceof TLSSocket) {
        const validTo = Date.parse(socket.getPeerCertificate().valid_to);
        if (Number.isFinite(validTo)) certExpiry.set(opts.host ?? opts.hostname, validTo);
      }
      callback(...args);
    });
  };
  return { connect, certExpiry };
}
