import { JSONPath } from 'jsonpath-plus';
import type { HttpCheck } from '../config/schema.ts';
import type { ProbeReason } from '../domain/types.ts';

/** A failed body check: the reason plus a short operator-facing detail. */
export interface BodyFailure {
  reason: ProbeReason;
  detail: string;
}

/** Result of reading a body under a byte cap: the text (when kept) or the overflow. */
export type CappedBody = { tooLarge: false; bytes: number; text: string | null } | { tooLarge: true; bytes: number };

/**
 * Reads a response body while counting bytes and stops as soon as `maxBytes` is passed,
 * so no more than the cap is ever held. With `keep` false the bytes are counted and dropped.
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number, keep: boolean): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  // Leaving the for-await early destroys the stream, which aborts the transfer.
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) return { tooLarge: true, bytes };
    if (keep) chunks.push(chunk);
  }
  return { tooLarge: false, bytes, text: keep ? Buffer.concat(chunks).toString('utf8') : null };
}

/** Whether any configured check needs the body text. */
export function needsBody(http: HttpCheck): boolean {
  return http.bodyMustMatch !== undefined || http.bodyMustNotMatch !== undefined || http.json !== undefined;
}

type BodyMatch = NonNullable<HttpCheck['bodyMustMatch']>;

function matches(text: string, m: BodyMatch): boolean {
  if (m.contains !== undefined) return text.includes(m.contains);
  return m.regex !== undefined && new RegExp(m.regex).test(text);
}

function describe(m: BodyMatch): string {
  return m.contains !== undefined ? `contains ${JSON.stringify(m.contains)}` : `regex /${m.regex ?? ''}/`;
}

/** Applies bodyMustMatch, bodyMustNotMatch and json conditions; null when all pass. */
export function checkBody(http: HttpCheck, text: string): BodyFailure | null {
  if (http.bodyMustMatch && !matches(text, http.bodyMustMatch)) {
    return { reason: 'body_mismatch', detail: `body does not match: ${describe(http.bodyMustMatch)}` };
  }
  if (http.bodyMustNotMatch && matches(text, http.bodyMustNotMatch)) {
    return { reason: 'body_mismatch', detail: `body matches forbidden: ${describe(http.bodyMustNotMatch)}` };
  }
  if (http.json) return checkJson(http.json, text);
  return null;
}

type JsonCheck = NonNullable<HttpCheck['json']>;

function show(v: unknown): string {
  return (JSON.stringify(v) ?? String(v)).slice(0, 80);
}

/**
 * Evaluates a JSONPath condition. Every value the path selects must satisfy `equals`/`matches`
 * (so `$.services[*].status` equals "ok" means all of them); with no condition the path must exist.
 */
export function checkJson(check: JsonCheck, text: string): BodyFailure | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { reason: 'json_mismatch', detail: 'body is not JSON' };
  }
  if (json === null || typeof json !== 'object') {
    return { reason: 'json_mismatch', detail: 'body is not a JSON object or array' };
  }
  const values = JSONPath({ path: check.path, json, wrap: true }) as unknown[];
  const fail = (what: string): BodyFailure => ({ reason: 'json_mismatch', detail: `${check.path} ${what}` });
  const mustExist = check.exists ?? (check.equals === undefined && check.matches === undefined ? true : undefined);
  if (mustExist === true && values.length === 0) return fail('does not exist');
  if (mustExist === false && values.length > 0) return fail('exists');
  if (check.equals !== undefined) {
    if (values.length === 0) return fail('does not exist');
    const bad = values.findIndex((v) => v !== check.equals);
    if (bad >= 0) return fail(`is ${show(values[bad])}, expected ${show(check.equals)}`);
  }
  if (check.matches !== undefined) {
    if (values.length === 0) return fail('does not exist');
    const re = new RegExp(check.matches);
    const bad = values.findIndex((v) => !((typeof v === 'string' || typeof v === 'number') && re.test(String(v))));
    if (bad >= 0) return fail(`value ${show(values[bad])} does not match /${check.matches}/`);
  }
  return null;
}
