/** Kinds of stored records, each validated when read back (schemas in store/records.ts). */
export const RECORD_KINDS = [
  'incident',
  'override',
  'window',
  'reclassification',
  'audit',
  'outbox',
  'componentState',
  'probeState',
  'probeResult',
  'transition',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

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
