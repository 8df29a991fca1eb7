/**
 * What an audited action changed, field by field, for people reading the trail. Bookkeeping
 * (ids, versions, update stamps) is left out; an `updates` list that grew shows what was added.
 */

/** Fields worth showing, in the order they are shown. */
export const AUDITED_FIELDS = ['title', 'kind', 'impact', 'state', 'status', 'components', 'start', 'end', 'expiresAt', 'reason', 'text', 'link', 'draft', 'resolvedAt', 'updates'] as const;
export type AuditedField = (typeof AUDITED_FIELDS)[number];

/** One changed field: its value before and after (undefined when the item did not exist), or what was added to a list. */
export type AuditChange = { field: AuditedField; before: unknown; after: unknown } | { field: AuditedField; added: unknown[] };

/** The changes between two recorded values (null before a creation, null after a deletion). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const changes: AuditChange[] = [];
  for (const field of AUDITED_FIELDS) {
    if (!(field in a) && !(field in b)) continue;
    const was = a[field];
    const now = b[field];
    if (same(was, now)) continue;
    if (Array.isArray(now) && field === 'updates') {
      const old = Array.isArray(was) ? was : [];
      if (old.every((x, i) => same(x, now[i]))) {
        changes.push({ field, added: now.slice(old.length) });
        continue;
      }
    }
    changes.push({ field, before: was, after: now });
  }
  return changes;
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Equal values; a missing value and null are the same (a new item with no end yet changed nothing there). */
function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
}
