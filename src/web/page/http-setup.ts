import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The helmet configuration: a strict CSP (no inline script or style anywhere, so no 'unsafe-inline'). */
export function helmetOptions(): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // CSP frame-ancestors 'none' forbids framing; X-Frame-Options: SAMEORIGIN would contradict it.
    xFrameOptions: false,
    // HSTS depends on the request (only over TLS), so securityHeaders adds it per request.
    strictTransportSecurity: false,
  };
}

/** HSTS as helmet's default: one year, subdomains included. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** When Strict-Transport-Security is sent: `auto` only on TLS requests (req.secure, so behind a proxy set trustProxy), `always`, or `off`. */
export type HstsMode = 'auto' | 'always' | 'off';

/**
 * Security headers from helmet, computed once: helmet's headers do not depend on the request
 * (no nonces), so one middleware copies the captured list instead of running a dozen per request.
 * HSTS is the one per-request header: a browser ignores it over plain HTTP (RFC 6797 §8.1), and
 * sending it there would only mislead; behind a TLS-terminating proxy, req.secure reads X-Forwarded-Proto.
 */
export function securityHeaders(hsts: HstsMode = 'auto'): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const capture = {
    setHeader: (name: string, value: string) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  helmet(helmetOptions())({} as Request, capture as unknown as Response, () => undefined);
  return (req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    if (hsts === 'always' || (hsts === 'auto' && req.secure)) res.setHeader('Strict-Transport-Security', HSTS_VALUE);
    next();
  };
}

/**
 * On-the-fly gzip for responses that are not prepared (prepared bodies carry their own
 * Content-Encoding, which this middleware leaves alone); event streams are never buffered.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req: Request, res: Response) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      return !type.startsWith('text/event-stream') && compression.filter(req, res);
    },
  });
}
