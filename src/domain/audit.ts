import type { AdminRole } from './actor.ts';

/** Every operator action the audit trail records. */
export const AUDIT_ACTIONS = [
  'incident.create',
  'incident.update',
  'incident.resolve',
  'incident.edit',
  'incident.approve',
  'maintenance.create',
  'maintenance.edit',
  'maintenance.cancel',
  'notice.confirm',
  'notice.reject',
  'override.create',
  'override.delete',
  'reclassify.create',
  'quarantine.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit row: who did what to which item, when, with the values before and after. Never holds a token. */
export interface AuditEntry {
  id: string;
  /** Epoch ms. */
  at: number;
  /** Token name, or `system` for the monitor's own actions. */
  actor: string;
  role: AdminRole | 'system';
  action: AuditAction;
  target: { kind: 'incident' | 'maintenance' | 'override' | 'reclassification' | 'quarantine'; id: string };
  /** The item before the action; null when it created the item. */
  before: unknown;
  /** The item after the action; null when it deleted the item. */
  after: unknown;
}
