import type { AuditEntry } from '../audit/types.ts';
import type { Incident } from '../incidents/types.ts';
import type { Override } from '../overrides/types.ts';
import type { Reclassification } from '../reclassify/types.ts';
import type { OutboxEntry } from '../webhooks/types.ts';

/** The operator part of the memory snapshot (read as empty from snapshots that predate it). */
export interface OperatorSnapshot {
  incidents: Incident[];
  overrides: Override[];
  reclassifications: Reclassification[];
  /** Newest first. */
  audit: AuditEntry[];
  /** Webhook deliveries not yet ended. */
  outbox: OutboxEntry[];
}

/** Incidents, overrides, reclassifications, the audit trail and the webhook outbox of MemoryStore (the Store methods of the same names). */
export abstract class MemoryOperatorData {
  private readonly incidents = new Map<string, Incident>();
  private readonly overrides = new Map<string, Override>();
  private readonly reclassifications = new Map<string, Reclassification>();
  private audit: AuditEntry[] = [];
  private readonly outbox = new Map<string, OutboxEntry>();

  async getIncidents(): Promise<Incident[]> {
    return [...this.incidents.values()].map((i) => structuredClone(i));
  }

  async getIncident(id: string): Promise<Incident | null> {
    const found = this.incidents.get(id);
    return found ? structuredClone(found) : null;
  }

  async saveIncident(incident: Incident, expectedVersion: number): Promise<boolean> {
    if ((this.incidents.get(incident.id)?.version ?? 0) !== expectedVersion) return false;
    this.incidents.set(incident.id, structuredClone(incident));
    return true;
  }

  async pruneIncidents(before: number): Promise<void> {
    for (const [id, i] of this.incidents) if (i.resolvedAt !== null && i.resolvedAt < before) this.incidents.delete(id);
  }

  async putOverride(override: Override): Promise<void> {
    this.overrides.set(override.component, structuredClone(override));
  }

  async getOverrides(): Promise<Override[]> {
    return [...this.overrides.values()].map((o) => structuredClone(o));
  }

  async deleteOverride(component: string): Promise<boolean> {
    return this.overrides.delete(component);
  }

  async pruneOverrides(now: number): Promise<void> {
    for (const [component, o] of this.overrides) if (o.expiresAt <= now) this.overrides.delete(component);
  }

  async addReclassification(r: Reclassification): Promise<void> {
    this.reclassifications.set(r.id, structuredClone(r));
  }

  async getReclassifications(): Promise<Reclassification[]> {
    return [...this.reclassifications.values()].map((r) => structuredClone(r));
  }

  async appendAudit(entry: AuditEntry, keep: number): Promise<void> {
    this.audit.unshift(structuredClone(entry));
    this.audit.length = Math.min(this.audit.length, Math.max(keep, 0));
  }

  async getAudit(limit: number, offset = 0): Promise<AuditEntry[]> {
    return this.audit.slice(Math.max(offset, 0), Math.max(offset, 0) + Math.max(limit, 0)).map((e) => structuredClone(e));
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    this.outbox.set(entry.id, structuredClone(entry));
  }

  async getOutbox(): Promise<OutboxEntry[]> {
    return [...this.outbox.values()].map((e) => structuredClone(e));
  }

  async deleteOutbox(id: string): Promise<void> {
    this.outbox.delete(id);
  }

  protected operatorSnapshot(): OperatorSnapshot {
    return {
      incidents: [...this.incidents.values()],
      overrides: [...this.overrides.values()],
      reclassifications: [...this.reclassifications.values()],
      audit: this.audit,
      outbox: [...this.outbox.values()],
    };
  }

  protected loadOperator(snapshot: OperatorSnapshot): void {
    for (const i of snapshot.incidents) this.incidents.set(i.id, i);
    for (const o of snapshot.overrides) this.overrides.set(o.component, o);
    for (const r of snapshot.reclassifications) this.reclassifications.set(r.id, r);
    this.audit = [...snapshot.audit];
    for (const e of snapshot.outbox) this.outbox.set(e.id, e);
  }
}
