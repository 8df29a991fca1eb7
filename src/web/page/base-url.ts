import type { Request } from 'express';

// A Host header is attacker-controlled: only plain host[:port] names make it into links and cache keys.
const SANE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The absolute base URL of this request (`https://status.example`), for feeds and Statuspage links. */
export function baseUrl(req: Request): string {
  const host = req.get('host') ?? '';
  return `${req.protocol === 'https' ? 'https' : 'http'}://${SANE_HOST.test(host) ? host.toLowerCase() : 'localhost'}`;
}
