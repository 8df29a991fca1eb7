import type { AuditEntry } from '../domain/audit.ts';
import type { Clock, MaintenanceWindow } from '../domain/types.ts';
import type { Incident } from '../domain/incidents.ts';
import type { Override } from '../domain/overrides.ts';
import type { Reclassification } from '../domain/reclassification.ts';
import type { OutboxEntry } from '../domain/webhook-events.ts';
import { quarantined, type QuarantinedRecord } from './quarantine.ts';
import { recordProblems, type RecordKind } from './records.ts';
import type { StoreLogger } from './snapshot-file.ts';

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

/** Incidents, overrides, reclassifications, the audit trail, the webhook outbox and the quarantine of MemoryStore (the Store methods of the same names). */
export abstract class MemoryOperatorData {
  private readonly incidents = new Map<string, Incident>();
  private readonly overrides = new Map<string, Override>();
  private readonly reclassifications = new Map<string, Reclassification>();
  private audit: AuditEntry[] = [];
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly quarantine = new Map<string, QuarantinedRecord>();

  protected constructor(
    protected readonly clockOf: Clock,
    protected readonly log: StoreLogger | undefined,
  ) {}

  /** Makes an applied write durable (the journal); resolves at once where nothing is persisted. */
  protected abstract persist(op: OperatorOp): Promise<void>;

  async getIncidents(): Promise<Incident[]> {
    return [...this.incidents.values()].map((i) => structuredClone(i));
  }

  async getIncident(id: string): Promise<Incident | null> {
    const found = this.incidents.get(id);
    return found ? structuredClone(found) : null;
  }

  async saveIncident(incident: Incident, expectedVersion: number): Promise<boolean> {
    if ((this.incidents.get(incident.id)?.version ?? 0) !== expectedVersion) return false;
    await this.write({ op: 'incident', incident: structuredClone(incident) });
    return true;
  }

  pruneIncidents(before: number): Promise<void> {
    return this.write({ op: 'pruneIncidents', before });
  }

  putOverride(override: Override): Promise<void> {
    return this.write({ op: 'override', override: structuredClone(override) });
  }

  async getOverrides(): Promise<Override[]> {
    return [...this.overrides.values()].map((o) => structuredClone(o));
  }

  async deleteOverride(component: string): Promise<boolean> {
    if (!this.overrides.has(component)) return false;
    await this.write({ op: 'deleteOverride', component });
    return true;
  }

  pruneOverrides(now: number): Promise<void> {
    return this.write({ op: 'pruneOverrides', now });
  }

  addReclassification(r: Reclassification): Promise<void> {
    return this.write({ op: 'reclassification', reclassification: structuredClone(r) });
  }

  async getReclassifications(): Promise<Reclassification[]> {
    return [...this.reclassifications.values()].map((r) => structuredClone(r));
  }

  appendAudit(entry: AuditEntry, keep: number): Promise<void> {
    return this.write({ op: 'audit', entry: structuredClone(entry), keep });
  }

  async getAudit(limit: number, offset = 0): Promise<AuditEntry[]> {
    return this.audit.slice(Math.max(offset, 0), Math.max(offset, 0) + Math.max(limit, 0)).map((e) => structuredClone(e));
  }

  putOutbox(entry: OutboxEntry): Promise<void> {
    return this.write({ op: 'outbox', entry: structuredClone(entry) });
  }

  async getOutbox(): Promise<OutboxEntry[]> {
    return [...this.outbox.values()].map((e) => structuredClone(e));
  }

  async deleteOutbox(id: string): Promise<void> {
    if (this.outbox.has(id)) await this.write({ op: 'deleteOutbox', id });
  }

  async getQuarantine(): Promise<QuarantinedRecord[]> {
    return [...this.quarantine.values()].map((q) => structuredClone(q));
  }

  async deleteQuarantined(id: string): Promise<boolean> {
    if (!this.quarantine.has(id)) return false;
    await this.write({ op: 'deleteQuarantined', id });
    return true;
  }

  /** Applies a write in memory at once (readers see it), then waits until it is durable. */
  protected write(op: OperatorOp): Promise<void> {
    this.apply(op);
    return this.persist(op);
  }

  /** Applies one write to the maps; false when this class does not know the op (the subclass handles it). */
  protected apply(op: OperatorOp): boolean {
    switch (op.op) {
      case 'incident':
        this.incidents.set(op.incident.id, op.incident);
        return true;
      case 'pruneIncidents':
        for (const [id, i] of this.incidents) if (i.resolvedAt !== null && i.resolvedAt < op.before) this.incidents.delete(id);
        return true;
      case 'override':
        this.overrides.set(op.override.component, op.override);
        return true;
      case 'deleteOverride':
        this.overrides.delete(op.component);
        return true;
      case 'pruneOverrides':
        for (const [component, o] of this.overrides) if (o.expiresAt <= op.now) this.overrides.delete(component);
        return true;
      case 'reclassification':
        this.reclassifications.set(op.reclassification.id, op.reclassification);
        return true;
      case 'audit':
        // Replaying a journal over a snapshot that already holds the row must not add it twice.
        if (!this.audit.some((e) => e.id === op.entry.id)) this.audit.unshift(op.entry);
        this.audit.length = Math.min(this.audit.length, Math.max(op.keep, 0));
        return true;
      case 'outbox':
        this.outbox.set(op.entry.id, op.entry);
        return true;
      case 'deleteOutbox':
        this.outbox.delete(op.id);
        return true;
      case 'deleteQuarantined':
        this.quarantine.delete(op.id);
        return true;
      default:
        return false;
    }
  }

  /**
   * True when `value` is a valid record of `kind`; otherwise it is quarantined (logged once per
   * record) and false is returned, so the caller skips it.
   */
  protected admit(kind: RecordKind, location: string, value: unknown): boolean {
    const problems = recordProblems(kind, value);
    if (problems === null) return true;
    const record = quarantined(kind, location, value, problems, this.clockOf.now());
    if (!this.quarantine.has(record.id)) {
      this.quarantine.set(record.id, record);
      this.log?.warn({ quarantineId: record.id, kind, location, problems }, 'malformed record quarantined; everything else keeps working');
    }
    return false;
  }

  /** Applies a journaled op read back at start, after validating the record it carries. */
  protected replay(op: unknown, location: string): void {
    const o = op as Partial<OperatorOp> | null;
    const carried: [RecordKind, unknown][] =
      o?.op === 'incident' ? [['incident', o.incident]]
      : o?.op === 'override' ? [['override', o.override]]
      : o?.op === 'reclassification' ? [['reclassification', o.reclassification]]
      : o?.op === 'audit' ? [['audit', o.entry]]
      : o?.op === 'outbox' ? [['outbox', o.entry]]
      : o?.op === 'windows' ? (Array.isArray(o.windows) ? o.windows.map((w): [RecordKind, unknown] => ['window', w]) : [])
      : [];
    if (o?.op === 'windows') {
      const windows = (carried.filter(([kind, w]) => this.admit(kind, location, w)).map(([, w]) => w)) as MaintenanceWindow[];
      this.apply({ op: 'windows', windows });
      return;
    }
    if (!carried.every(([kind, value]) => this.admit(kind, location, value))) return;
    if (o === null || typeof o.op !== 'string' || !this.apply(o as OperatorOp)) this.log?.warn({ location, op: o?.op }, 'unknown journal entry skipped');
  }

  protected operatorSnapshot(): OperatorSnapshot {
    return {
      incidents: [...this.incidents.values()],
      overrides: [...this.overrides.values()],
      reclassifications: [...this.reclassifications.values()],
      audit: this.audit,
      outbox: [...this.outbox.values()],
      quarantine: [...this.quarantine.values()],
    };
  }

  /** Loads the operator part of a snapshot whose records are not yet validated. */
  protected loadOperator(snapshot: Record<keyof OperatorSnapshot, unknown[]>, location: string): void {
    for (const i of snapshot.incidents) if (this.admit('incident', `${location}#incidents`, i)) this.apply({ op: 'incident', incident: i as Incident });
    for (const o of snapshot.overrides) if (this.admit('override', `${location}#overrides`, o)) this.apply({ op: 'override', override: o as Override });
    for (const r of snapshot.reclassifications)
      if (this.admit('reclassification', `${location}#reclassifications`, r)) this.apply({ op: 'reclassification', reclassification: r as Reclassification });
    this.audit = snapshot.audit.filter((e) => this.admit('audit', `${location}#audit`, e)) as AuditEntry[];
    for (const e of snapshot.outbox) if (this.admit('outbox', `${location}#outbox`, e)) this.apply({ op: 'outbox', entry: e as OutboxEntry });
    for (const q of snapshot.quarantine) {
      const record = q as QuarantinedRecord;
      if (record && typeof record.id === 'string') this.quarantine.set(record.id, record);
    }
  }
}
