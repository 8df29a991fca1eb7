import type { Config } from '../config/schema.ts';
import { BANK_TOKEN } from '../engine/index.ts';
import type { Method } from './types.ts';

/** Components that matter for a login: `direct` ones are surely on its path, `indirect` ones only maybe. */
export interface Relevance {
  direct: Set<string>;
  indirect: Set<string>;
}

function expand(path: readonly string[], bank: string | null): string[] {
  return path.flatMap((id) => (id !== BANK_TOKEN ? [id] : bank ? [`bank:${bank}`] : []));
}

// Everything a component needs, through dependsOn: a failing dependency blocks the login as well.
function closure(ids: Iterable<string>, config: Config): Set<string> {
  const deps = new Map(config.components.map((c) => [c.id, c.dependsOn]));
  const out = new Set<string>();
  const visit = (id: string): void => {
    if (out.has(id)) return;
    out.add(id);
    for (const d of deps.get(id) ?? []) visit(d);
  };
  for (const id of ids) visit(id);
  return out;
}

/**
 * Which components can explain a failed login by `method` (through `bank`, when given). For an
 * unknown method only what every method shares is direct; the rest may matter if the patient uses it.
 */
export function relevance(config: Config, method: Method, bank: string | null): Relevance {
  const configured = config.loginMethods.find((m) => m.id === method);
  const anywhere = closure(
    config.loginMethods.flatMap((m) => [...expand(m.path, null), ...(m.path.includes(BANK_TOKEN) ? (m.banks ?? []).map((b) => `bank:${b}`) : [])]),
    config,
  );
  let direct: Set<string>;
  if (configured) direct = closure(expand(configured.path, bank), config);
  else {
    const shared = config.loginMethods.length === 0 ? [] : config.loginMethods.map((m) => expand(m.path, null)).reduce((a, b) => a.filter((id) => b.includes(id)));
    direct = closure(shared.length > 0 ? shared : ['ikp', 'login-gov'].filter((id) => config.components.some((c) => c.id === id)), config);
  }
  // With a known method, only its own unnamed banks stay in question (PZ through some bank).
  const maybe = configured
    ? bank === null && configured.path.includes(BANK_TOKEN)
      ? closure((configured.banks ?? []).map((b) => `bank:${b}`), config)
      : new Set<string>()
    : anywhere;
  const indirect = new Set([...maybe].filter((id) => !direct.has(id)));
  return { direct, indirect };
}
