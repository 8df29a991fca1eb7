import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Ikp-Signature` value for a body: `sha256=` + hex HMAC-SHA256 of the raw body bytes. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether a received signature header matches the raw body (constant-time); for receivers and tests. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signBody(secret, body));
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
