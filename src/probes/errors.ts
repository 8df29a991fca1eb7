import type { ProbeReason } from '../domain/types.ts';

/** A probe failure reason with a short, code-only detail. */
export interface ClassifiedError {
  reason: ProbeReason;
  detail: string;
}

const CODE_REASONS: ReadonlyMap<string, ProbeReason> = new Map<string, ProbeReason>([
  ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
  ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
  ['UND_ERR_BODY_TIMEOUT', 'timeout'],
  ['ETIMEDOUT', 'timeout'],
  ['ENOTFOUND', 'dns'],
  ['EAI_AGAIN', 'dns'],
  ['EAI_NONAME', 'dns'],
  ['EAI_FAIL', 'dns'],
  ['ECONNREFUSED', 'connect_refused'],
  ['ECONNRESET', 'connect_reset'],
  ['EPIPE', 'connect_reset'],
  ['UND_ERR_SOCKET', 'connect_reset'],
  ['UND_ERR_CLOSED', 'connect_reset'],
  ['EHOSTUNREACH', 'network'],
  ['ENETUNREACH', 'network'],
  ['ECONNABORTED', 'network'],
  // A malformed response is the upstream's fault, not ours, so it is not an internal_error.
  ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'network'],
  ['UND_ERR_RES_EXCEEDED_MAX_SIZE', 'too_large'],
  // Headers past undici's limit (16 KB by default): a broken or hostile upstream.
  ['UND_ERR_HEADERS_OVERFLOW', 'protocol_error'],
]);

/** OpenSSL certificate verification codes as surfaced by node:tls. */
const TLS_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function reasonForCode(code: string): ProbeReason | undefined {
  const known = CODE_REASONS.get(code);
  if (known) return known;
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'tls';
  // llhttp parse errors: the upstream sent something that is not HTTP.
  if (code.startsWith('HPE_')) return 'protocol_error';
  return undefined;
}

function reasonForName(name: string): ClassifiedError | undefined {
  if (name === 'TimeoutError') return { reason: 'timeout', detail: 'TimeoutError' };
  if (name === 'AbortError') return { reason: 'timeout', detail: 'aborted' };
  // undici 7 leaves this error's `code` unset (its HPE_ lookup misses), so its class name is the stable mark.
  if (name === 'HTTPParserError') return { reason: 'protocol_error', detail: 'HTTPParserError' };
  return undefined;
}

/** Walks `cause` and AggregateError `errors` breadth-first, outermost first, guarding against cycles. */
function* errorChain(err: unknown): Generator<Record<string, unknown>> {
  const queue: unknown[] = [err];
  const seen = new Set<unknown>();
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const rec = e as Record<string, unknown>;
    yield rec;
    if (Array.isArray(rec.errors)) queue.push(...(rec.errors as unknown[]));
    if ('cause' in rec) queue.push(rec.cause);
  }
}

/**
 * Maps an error thrown while probing to a ProbeReason, looking only at string
 * `code`s and DOMException-style `name`s along the cause chain, never at messages.
 */
export function classifyError(err: unknown): ClassifiedError {
  let firstCode: string | undefined;
  let firstName: string | undefined;
  for (const e of errorChain(err)) {
    // DOMException carries a numeric legacy `code`, so only string codes count.
    if (typeof e.code === 'string') {
      const reason = reasonForCode(e.code);
      if (reason) return { reason, detail: e.code };
      firstCode ??= e.code;
    }
    if (typeof e.name === 'string') {
      const byName = reasonForName(e.name);
      if (byName) return byName;
      firstName ??= e.name;
    }
  }
  return { reason: 'internal_error', detail: firstCode ?? firstName ?? typeof err };
}
