import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

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

/** Sends a prepared body: 304 when the client's ETag matches, the gzip variant when accepted. */
export function sendPrepared(req: Request, res: Response, prepared: PreparedBody, opts: SendOptions = {}): void {
  const wantsGzip = prepared.body.length >= GZIP_MIN_BYTES && acceptsGzip(req.headers['accept-encoding']);
  const chosen = wantsGzip ? prepared.gzip() : { body: prepared.body, etag: prepared.etag };
  res.setHeader('Cache-Control', opts.cacheControl ?? SHORT_CACHE);
  res.setHeader('Vary', opts.vary ? `Accept-Encoding, ${opts.vary}` : 'Accept-Encoding');
  res.setHeader('ETag', chosen.etag);
  if (matches(req.headers['if-none-match'], [prepared.etag, prepared.gzipEtag])) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', prepared.type);
  res.setHeader('Content-Length', chosen.body.length);
  if (wantsGzip) res.setHeader('Content-Encoding', 'gzip');
  res.end(req.method === 'HEAD' ? undefined : chosen.body);
}

/** Whether Accept-Encoding allows gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

function matches(header: string | undefined, etags: string[]): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => etags.includes(tag.trim().replace(/^W\//, '')));
}
