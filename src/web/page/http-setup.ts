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
  };
}

/**
 * Security headers from helmet, computed once: helmet's headers do not depend on the request
 * (no nonces), so one middleware copies the captured list instead of running a dozen per request.
 * HTTPS upgrades are left to the load balancer that terminates TLS.
 */
export function securityHeaders(): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const capture = {
    setHeader: (name: string, value: string) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  helmet(helmetOptions())({} as Request, capture as unknown as Response, () => undefined);
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
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
