import type { Request } from 'express';

// A Host header is attacker-controlled: only plain host[:port] names make it into links and cache keys.
const SANE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The absolute base URL of this request (`https://status.example`), for feeds and Statuspage links. */
export function baseUrl(req: Request): string {
  const host = req.get('host') ?? '';
  return `${req.protocol === 'https' ? 'https' : 'http'}://${SANE_HOST.test(host) ? host.toLowerCase() : 'localhost'}`;
}

/** How many Host-derived base URLs get cached bodies when no public URL is configured. */
const MAX_CACHED_HOSTS = 4;

/** The base URL of one request and the cache-key part for it (null: render without caching). */
export interface RequestBase {
  base: string;
  cacheKey: string | null;
}

/**
 * Base URLs for absolute links. With `server.publicUrl` configured the Host header is ignored
 * entirely. Without it links follow the Host header, but only the first few hosts get cached
 * bodies: random Host headers would otherwise fill the render cache and evict the real page.
 */
export class BaseUrls {
  private readonly hosts = new Set<string>();
  private readonly fixed: string | null;

  constructor(publicUrl: string | undefined) {
    this.fixed = publicUrl ? publicUrl.replace(/\/+$/, '') : null;
  }

  of(req: Request): RequestBase {
    if (this.fixed !== null) return { base: this.fixed, cacheKey: '' };
    const base = baseUrl(req);
    if (!this.hosts.has(base) && this.hosts.size < MAX_CACHED_HOSTS) this.hosts.add(base);
    return { base, cacheKey: this.hosts.has(base) ? base : null };
  }
}
