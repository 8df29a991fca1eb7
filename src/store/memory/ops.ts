import type { AuditEntry } from '../../domain/audit.ts';
import type { Incident } from '../../domain/incidents.ts';
import type { Override } from '../../domain/overrides.ts';
import type { QuarantinedRecord, RecordKind } from '../../domain/quarantine.ts';
import type { Reclassification } from '../../domain/reclassification.ts';
import type { MaintenanceWindow } from '../../domain/types.ts';
import type { OutboxEntry } from '../../domain/webhook-events.ts';

/** The operator part of the memory snapshot (read as empty from snapshots that predate it). */
export interface OperatorSnapshot {
  incidents: Incident[];
  overrides: Override[];
  reclassifications: Reclassification[];
  /** Newest first. */
  audit: AuditEntry[];
  /** Webhook deliveries not yet ended. */
  outbox: OutboxEntry[];
  /** Records that failed validation when loaded. */
  quarantine: QuarantinedRecord[];
}

/**
 * One operator write, as applied in memory and appended to the journal (journal.ts). Each is
 * idempotent when replayed over a snapshot that already holds it (audit rows dedupe by id).
 */
export type OperatorOp =
  | { op: 'incident'; incident: Incident }
  | { op: 'pruneIncidents'; before: number }
  | { op: 'override'; override: Override }
  | { op: 'deleteOverride'; component: string }
  | { op: 'pruneOverrides'; now: number }
  | { op: 'reclassification'; reclassification: Reclassification }
  | { op: 'audit'; entry: AuditEntry; keep: number }
  | { op: 'outbox'; entry: OutboxEntry }
  | { op: 'deleteOutbox'; id: string }
  | { op: 'windows'; windows: MaintenanceWindow[] }
  | { op: 'pruneWindows'; before: number }
  | { op: 'deleteQuarantined'; id: string };

/** Applies a write in memory at once (readers see it), then resolves once it is durable. */
export type JournaledWrite = (op: OperatorOp) => Promise<void>;

/** A part of the memory store that owns some journaled ops: applies one, or returns false when it is not its own. */
export interface OpApplier {
  apply(op: OperatorOp): boolean;
}

/** True when `value` is a valid record of `kind`; otherwise it is quarantined and the caller skips it. */
export type Admit = (kind: RecordKind, location: string, value: unknown) => boolean;

/** The records a journaled op carries, to validate before replaying it. */
export function carriedRecords(o: Partial<OperatorOp> | null): [RecordKind, unknown][] {
  switch (o?.op) {
    case 'incident':
      return [['incident', o.incident]];
    case 'override':
      return [['override', o.override]];
    case 'reclassification':
      return [['reclassification', o.reclassification]];
    case 'audit':
      return [['audit', o.entry]];
    case 'outbox':
      return [['outbox', o.entry]];
    case 'windows':
      return Array.isArray(o.windows) ? o.windows.map((w): [RecordKind, unknown] => ['window', w]) : [];
    default:
      return [];
  }
}
