import type { AuditEntry } from '../../domain/audit.ts';
import type { Incident } from '../../domain/incidents.ts';
import type { Override } from '../../domain/overrides.ts';
import type { QuarantinedRecord } from '../../domain/quarantine.ts';
import type { Reclassification } from '../../domain/reclassification.ts';
import type { OutboxEntry } from '../../domain/webhook-events.ts';
import type { OperatorPort } from '../ports.ts';
import type { Admit, JournaledWrite, OperatorOp, OperatorSnapshot, OpApplier } from './ops.ts';
import type { MemoryQuarantine } from './quarantine.ts';

/** Incidents, overrides, reclassifications, the audit trail and the webhook outbox of the embedded store; every write is journaled. */
export class MemoryOperator implements OperatorPort, OpApplier {
  private readonly incidents = new Map<string, Incident>();
  private readonly overrides = new Map<string, Override>();
  private readonly reclassifications = new Map<string, Reclassification>();
  private audit: AuditEntry[] = [];
  private readonly outbox = new Map<string, OutboxEntry>();

  constructor(
    private readonly write: JournaledWrite,
    private readonly quarantine: MemoryQuarantine,
  ) {}

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

  getQuarantine(): Promise<QuarantinedRecord[]> {
    return this.quarantine.list();
  }

  deleteQuarantined(id: string): Promise<boolean> {
    return this.quarantine.delete(id);
  }

  apply(op: OperatorOp): boolean {
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
      default:
        return false;
    }
  }

  snapshot(): Omit<OperatorSnapshot, 'quarantine'> {
    return {
      incidents: [...this.incidents.values()],
      overrides: [...this.overrides.values()],
      reclassifications: [...this.reclassifications.values()],
      audit: this.audit,
      outbox: [...this.outbox.values()],
    };
  }

  /** Loads the operator part of a snapshot whose records are not yet validated. */
  load(snapshot: Record<Exclude<keyof OperatorSnapshot, 'quarantine'>, unknown[]>, location: string, admit: Admit): void {
    for (const i of snapshot.incidents) if (admit('incident', `${location}#incidents`, i)) this.apply({ op: 'incident', incident: i as Incident });
    for (const o of snapshot.overrides) if (admit('override', `${location}#overrides`, o)) this.apply({ op: 'override', override: o as Override });
    for (const r of snapshot.reclassifications)
      if (admit('reclassification', `${location}#reclassifications`, r)) this.apply({ op: 'reclassification', reclassification: r as Reclassification });
    this.audit = snapshot.audit.filter((e) => admit('audit', `${location}#audit`, e)) as AuditEntry[];
    for (const e of snapshot.outbox) if (admit('outbox', `${location}#outbox`, e)) this.apply({ op: 'outbox', entry: e as OutboxEntry });
  }
}
