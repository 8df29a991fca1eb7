import { createHash } from 'node:crypto';
import type { RecordKind } from './records.ts';

/** A stored record that failed validation when read: set aside, shown to operators, deletable. */
export interface QuarantinedRecord {
  /** Derived from where it was and what it held, so replicas quarantining the same record agree. */
  id: string;
  kind: RecordKind;
  /** Where it was kept (a Redis key, or the snapshot/journal section of the embedded store). */
  location: string;
  /** Epoch ms when it was set aside. */
  at: number;
  /** What was wrong (paths and messages, never values). */
  problems: string[];
  /** The record as stored (cut to MAX_RAW characters), for an operator to mend and re-enter. */
  raw: string;
}

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
