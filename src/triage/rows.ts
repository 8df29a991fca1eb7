import type { Config } from '../config/schema.ts';
import type { PublicLogin, PublicState } from '../domain/public-state.ts';
import type { Alternative, TriageInput } from './types.ts';

/**
 * The public login rows the patient may be using: their one row when method (and bank, for a
 * method through banks) is known; every row of the method when the bank is not; every row when
 * the method is unknown. Rows are the page's own, never re-derived.
 */
export function patientRows(logins: readonly PublicLogin[], input: Pick<TriageInput, 'method' | 'bank'>): PublicLogin[] {
  if (input.method === 'unknown') return [...logins];
  const mine = logins.filter((r) => r.method === input.method);
  const exact = input.bank === null ? [] : mine.filter((r) => r.bank === input.bank);
  return exact.length > 0 ? exact : mine;
}

/**
 * What else works, read from the rows: one row's `alternatives` as they are; for several rows,
 * those of the rows that do not work (the page's method line does the same). null when every row
 * works or some failing row cannot tell; [] when none is known to work.
 */
export function rowAlternatives(rows: readonly PublicLogin[], all: readonly PublicLogin[]): string[] | null {
  const failing = rows.filter((r) => r.works !== true);
  if (failing.length === 0 || failing.some((r) => r.alternatives === null)) return null;
  const ids = new Set(failing.flatMap((r) => r.alternatives ?? []));
  // The public state's row order, so every face lists them alike.
  return all.filter((r) => ids.has(r.id)).map((r) => r.id);
}

/** Row ids named for people: the method's configured name, with the bank's for bank rows. */
export function alternativeViews(config: Config, state: PublicState, ids: readonly string[]): Alternative[] {
  const names = new Map(config.components.map((c) => [c.id, c.name]));
  const methodNames = new Map(config.loginMethods.map((m) => [m.id, m.name]));
  return ids.flatMap((id) => {
    const r = state.logins.find((l) => l.id === id);
    if (!r) return [];
    const m = methodNames.get(r.method) ?? { pl: r.method, en: r.method };
    const b = r.bank === null ? null : (names.get(`bank:${r.bank}`) ?? { pl: r.bank, en: r.bank });
    return [{ id: r.id, method: r.method, bank: r.bank, name: b ? { pl: `${m.pl}: ${b.pl}`, en: `${m.en}: ${b.en}` } : m }];
  });
}
