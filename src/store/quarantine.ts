import { createHash } from 'node:crypto';
import type { QuarantinedRecord, RecordKind } from '../domain/quarantine.ts';

export type { QuarantinedRecord };

/** Longest raw text kept per quarantined record. */
export const MAX_RAW = 16_384;

/** The quarantine id of a raw record found at `location`. */
export function quarantineId(location: string, raw: string): string {
  return createHash('sha256').update(location).update('\0').update(raw).digest('hex').slice(0, 24);
}

/** Builds a quarantine entry for a raw record (a value that is not a string is kept as JSON). */
export function quarantined(kind: RecordKind, location: string, raw: unknown, problems: string[], at: number): QuarantinedRecord {
  const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return { id: quarantineId(location, text), kind, location, at, problems, raw: text.slice(0, MAX_RAW) };
}
