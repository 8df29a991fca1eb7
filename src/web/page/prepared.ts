import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import fresh from 'fresh';
import Negotiator from 'negotiator';

/** Cache-Control of every public view: short, so a change shows within seconds even through caches. */
export const SHORT_CACHE = 'public, max-age=15';

/**
 * A response body serialized once: the identity bytes and their strong ETag, plus a gzip
 * variant compressed on first demand. Sending it is a header write and a buffer write.
 */
export class PreparedBody {
  readonly body: Buffer;
  readonly etag: string;
  /** ETag of the gzip variant, known without compressing. */
  readonly gzipEtag: string;
  private gz: { body: Buffer; etag: string } | null = null;

  constructor(
    readonly type: string,
    content: string | Buffer,
  ) {
    this.body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.etag = `"${createHash('sha1').update(this.body).digest('base64url')}"`;
    this.gzipEtag = `${this.etag.slice(0, -1)}-gz"`;
  }

  /** The gzip variant (its own ETag, since it is another representation). */
  gzip(): { body: Buffer; etag: string } {
    this.gz ??= { body: gzipSync(this.body, { level: 6 }), etag: this.gzipEtag };
    return this.gz;
  }
}

/** Options of one send. */
export interface SendOptions {
  cacheControl?: string;
  /** Extra request headers the body depends on (e.g. Accept-Language when negotiated). */
  vary?: string;
}

// Bodies under this size are not worth a gzip header.
const GZIP_MIN_BYTES = 1024;

/** The coding to send, by RFC 9110 §12.5.3 through negotiator; null when neither gzip nor identity is acceptable. */
export type Coding = 'gzip' | 'identity';

/**
 * Picks the content coding for a body of `size` bytes. Small bodies go out as identity unless
 * the client refuses it (`identity;q=0`); then gzip, if acceptable, beats a 406.
 */
export function chooseCoding(acceptEncoding: string | undefined, size: number): Coding | null {
  const acceptable = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings(['gzip', 'identity']) as Coding[];
  if (acceptable.length === 0) return null;
  if (size < GZIP_MIN_BYTES && acceptable.includes('identity')) return 'identity';
  return acceptable[0]!;
}

/** Sends a prepared body: 304 when the client's copy is fresh, the gzip variant when negotiated, 406 when no coding is acceptable. */
export function sendPrepared(req: Request, res: Response, prepared: PreparedBody, opts: SendOptions = {}): void {
  const coding = chooseCoding(req.headers['accept-encoding'], prepared.body.length);
  res.setHeader('Vary', opts.vary ? `Accept-Encoding, ${opts.vary}` : 'Accept-Encoding');
  if (coding === null) {
    res.statusCode = 406;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : 'Not Acceptable: this resource is available as gzip or identity\n');
    return;
  }
  const chosen = coding === 'gzip' ? prepared.gzip() : { body: prepared.body, etag: prepared.etag };
  res.setHeader('Cache-Control', opts.cacheControl ?? SHORT_CACHE);
  res.setHeader('ETag', chosen.etag);
  // Either variant's ETag validates: both come from the same bytes. `fresh` also honours Cache-Control: no-cache.
  if (fresh(req.headers, { etag: prepared.etag }) || fresh(req.headers, { etag: prepared.gzipEtag })) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', prepared.type);
  res.setHeader('Content-Length', chosen.body.length);
  if (coding === 'gzip') res.setHeader('Content-Encoding', 'gzip');
  res.end(req.method === 'HEAD' ? undefined : chosen.body);
}
