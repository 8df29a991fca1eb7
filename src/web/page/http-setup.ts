import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers with a strict CSP: the page has no inline script or style, so nothing
 * needs 'unsafe-inline'. HTTPS upgrades are left to the load balancer that terminates TLS.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
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
  });
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
