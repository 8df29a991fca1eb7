import { auditChanges, type AuditChange } from '../../audit/changes.ts';
import type { AuditEntry } from '../../audit/types.ts';
import type { ConsoleModel } from './render.ts';

/** One change as the audit page prints it: a field label with its old and new value as text. */
export interface ChangeRow {
  field: string;
  before: string | null;
  after: string;
}

const TIMES = new Set(['start', 'end', 'expiresAt', 'resolvedAt']);

/** The changes of an audit row in the console's language. */
export function changeRows(e: AuditEntry, m: ConsoleModel): ChangeRow[] {
  return auditChanges(e.before, e.after).map((c) => row(c, e, m));
}

function row(c: AuditChange, e: AuditEntry, m: ConsoleModel): ChangeRow {
  // An incident's state is its stage; a window's is whether it is announced, cancelled…
  const field = m.tk(c.field === 'state' && e.target.kind === 'maintenance' ? 'audit.field.windowState' : `audit.field.${c.field}`);
  if ('added' in c) return { field, before: null, after: m.t('audit.added', { value: c.added.map((u) => text(bodyOf(u), m)).join('; ') }) };
  const show = (v: unknown) => value(c.field, v, e, m);
  return { field, before: e.before === null ? null : show(c.before), after: e.after === null ? m.t('audit.deleted') : show(c.after) };
}

function value(field: AuditChange['field'], v: unknown, e: AuditEntry, m: ConsoleModel): string {
  if (v === undefined || v === null || v === '') return m.t('audit.empty');
  if (typeof v === 'boolean') return m.t(v ? 'audit.yes' : 'audit.no');
  if (typeof v === 'number' && TIMES.has(field)) return m.fmt.at(v);
  if (Array.isArray(v) && field === 'components') return v.map((id) => m.name(String(id))).join(', ');
  if (typeof v === 'string') {
    if (field === 'impact') return m.tk(`impact.${v}`);
    if (field === 'kind') return m.tk(`nq.kind.${v}`);
    if (field === 'status') return m.label('status', v);
    if (field === 'state') return m.tk(e.target.kind === 'maintenance' ? `mw.state.${v}` : `state.${v}`);
  }
  return text(v, m);
}

/** Operator text ({pl, en?}) in the console's language, else the value as JSON. */
function text(v: unknown, m: ConsoleModel): string {
  if (typeof v === 'string') return v;
  const t = v as { pl?: unknown; en?: unknown } | null;
  if (t && typeof t.pl === 'string') return m.lang === 'en' && typeof t.en === 'string' ? t.en : t.pl;
  return JSON.stringify(v);
}

function bodyOf(update: unknown): unknown {
  return (update as { body?: unknown } | null)?.body ?? update;
}
