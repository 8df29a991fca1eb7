import type { LoginMethodConfig } from '../config/schema.ts';
import type { ComponentState, ComponentStatus } from '../domain/types.ts';

/** One login method (or one method through one bank) and whether it works right now. */
export interface LoginMethodRow {
  /** Method id, or `${method}:${bankId}` for per-bank rows. */
  id: string;
  method: string;
  /** Bank id without the `bank:` prefix, null for methods without a bank. */
  bank: string | null;
  /** Expanded component ids. */
  path: string[];
  /** Null when some component on the path is unknown and none is down. */
  works: boolean | null;
  /** Worst status on the path. */
  status: ComponentStatus;
  /** Component to blame when `works` is false: the first failing component's rootCause, else that component. */
  blockedBy: string | null;
}

/** The path token that stands for each bank listed on a method. */
export const BANK_TOKEN = 'bank';

// Path severity; unknown outranks degraded because it may hide an outage.
const PATH_RANK: Record<ComponentStatus, number> = { operational: 0, degraded: 1, unknown: 2, maintenance: 3, outage: 4 };

function statusOf(id: string, states: Map<string, ComponentState>): ComponentStatus {
  return states.get(id)?.status ?? 'unknown';
}

function row(method: string, bank: string | null, path: string[], states: Map<string, ComponentState>): LoginMethodRow {
  const statuses = path.map((id) => statusOf(id, states));
  const status = statuses.reduce<ComponentStatus>((w, s) => (PATH_RANK[s] > PATH_RANK[w] ? s : w), 'operational');
  const blocker = path.find((id) => {
    const s = statusOf(id, states);
    return s === 'outage' || s === 'maintenance';
  });
  const works = blocker !== undefined ? false : statuses.includes('unknown') ? null : true;
  return {
    id: bank === null ? method : `${method}:${bank}`,
    method,
    bank,
    path,
    works,
    status,
    blockedBy: blocker === undefined ? null : (states.get(blocker)?.rootCause ?? blocker),
  };
}

/** Derives the "which login methods work now" matrix from component states, one row per method or method×bank. */
export function loginMatrix(methods: LoginMethodConfig[], states: Map<string, ComponentState>): LoginMethodRow[] {
  return methods.flatMap((m) => {
    if (!m.path.includes(BANK_TOKEN)) return [row(m.id, null, [...m.path], states)];
    return (m.banks ?? []).map((bank) =>
      row(m.id, bank, m.path.map((id) => (id === BANK_TOKEN ? `bank:${bank}` : id)), states),
    );
  });
}

/** Rows that work now, excluding the given method (what else the patient can use). */
export function alternatives(rows: LoginMethodRow[], exceptMethod?: string): LoginMethodRow[] {
  return rows.filter((r) => r.works === true && r.method !== exceptMethod);
}
