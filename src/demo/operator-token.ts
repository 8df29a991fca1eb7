import { generateToken, hashToken } from '../domain/token-hash.ts';
import type { Config } from '../config/schema.ts';

/** The demo's operator: a fresh token for this run and the config that accepts it. */
export interface DemoOperator {
  config: Config;
  /** Token name as the audit trail shows it. */
  name: string;
  /** The bearer token itself: printed once at start, never stored or logged. */
  token: string;
}

/**
 * Adds a new random operator token to `config`, by its salted scrypt hash exactly as
 * `ikp-status token create` would have it configured: the demo's console and admin API work
 * with it, and a restart makes a new one. Tokens already in the config keep working; the demo's
 * gets the first free name of `demo`, `demo-2`, …
 */
export async function withDemoOperator(config: Config): Promise<DemoOperator> {
  const taken = new Set(config.admin.tokens.map((t) => t.name));
  let name = 'demo';
  for (let n = 2; taken.has(name); n += 1) name = `demo-${n}`;
  const token = generateToken();
  const tokens = [...config.admin.tokens, { name, role: 'operator' as const, hash: await hashToken(token) }];
  return { config: { ...config, admin: { ...config.admin, tokens } }, name, token };
}
