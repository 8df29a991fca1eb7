import { warsawIso } from '../domain/warsaw.ts';
import type { AuditEntry } from '../audit/types.ts';
import type { Incident } from '../incidents/types.ts';
import type { Override } from '../overrides/types.ts';
import type { Reclassification } from '../reclassify/types.ts';

/** An incident as the admin API shows it: times as ISO-8601 in Europe/Warsaw. */
export function incidentJson(i: Incident) {
  return {
    ...i,
    createdAt: warsawIso(i.createdAt),
    updatedAt: warsawIso(i.updatedAt),
    resolvedAt: i.resolvedAt === null ? null : warsawIso(i.resolvedAt),
    updates: i.updates.map((u) => ({ ...u, at: warsawIso(u.at) })),
  };
}

/** An override as the admin API shows it. */
export function overrideJson(o: Override) {
  return { ...o, createdAt: warsawIso(o.createdAt), expiresAt: warsawIso(o.expiresAt) };
}

/** A reclassification as the admin API shows it. */
export function reclassificationJson(r: Reclassification) {
  return { ...r, from: warsawIso(r.from), to: warsawIso(r.to), createdAt: warsawIso(r.createdAt) };
}

/** An audit row as the admin API shows it (before/after exactly as recorded). */
export function auditJson(e: AuditEntry) {
  return { ...e, at: warsawIso(e.at) };
}
