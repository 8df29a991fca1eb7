import type { ChainableCommander, Redis } from 'ioredis';
import type { RedisKeys } from '../keys.ts';
import type { StoreLogger } from '../logger.ts';

/** Parses one stored JSON value into zero (corrupt: quarantined and logged) or one value. */
export type ParseStored = <T>(json: string, where: string) => T[];

/** What every Redis port is built on: one connection, the key names, and validated parsing. */
export interface RedisContext {
  redis: Redis;
  keys: RedisKeys;
  parse: ParseStored;
  logger: StoreLogger | undefined;
}

/** Deletes hash fields still holding the given values (ARGV: field, value, ...), so a value re-put during a prune survives it. */
export const DELETE_IF_UNCHANGED = `for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 0`;

/** Runs a MULTI or pipeline and returns its replies, throwing the first command error (ioredis reports those in-band). */
export async function execChecked(tx: ChainableCommander): Promise<unknown[]> {
  const replies = (await tx.exec()) ?? [];
  return replies.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/** Every valid value of a hash, by field (corrupt ones are skipped and quarantined). */
export async function readHash<T>(ctx: RedisContext, key: string): Promise<Map<string, T>> {
  const fields = await ctx.redis.hgetall(key);
  const out = new Map<string, T>();
  for (const [id, json] of Object.entries(fields)) {
    const [value] = ctx.parse<T>(json, key);
    if (value !== undefined) out.set(id, value);
  }
  return out;
}

/** The valid values of the given hash fields, in one HMGET; absent fields are left out. */
export async function readFields<T>(ctx: RedisContext, key: string, ids: readonly string[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (ids.length === 0) return out;
  const values = await ctx.redis.hmget(key, ...ids);
  values.forEach((json, i) => {
    if (json === null) return;
    const [value] = ctx.parse<T>(json, key);
    if (value !== undefined) out.set(ids[i]!, value);
  });
  return out;
}

/** Every valid value of a hash, in no particular order. */
export async function hashValues<T>(ctx: RedisContext, key: string): Promise<T[]> {
  return Object.values(await ctx.redis.hgetall(key)).flatMap((json) => ctx.parse<T>(json, key));
}

/** Deletes the fields whose values match `stale`, unless they changed since they were read. */
export async function pruneHash<T>(ctx: RedisContext, key: string, stale: (value: T) => boolean): Promise<void> {
  const fields = Object.entries(await ctx.redis.hgetall(key));
  const drop = fields.filter(([, json]) => ctx.parse<T>(json, key).some(stale));
  if (drop.length > 0) await ctx.redis.eval(DELETE_IF_UNCHANGED, 1, key, ...drop.flat());
}

/** Rejects with code ETIMEDOUT when `p` has not settled within `ms`. */
export async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(message), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Quits a connection, tolerating one that is already closed or never connected. */
export async function quietQuit(conn: Redis): Promise<void> {
  if (conn.status === 'end') return;
  // QUIT on a connection that is not up would wait for a reconnect that may never come.
  if (conn.status !== 'ready') {
    conn.disconnect();
    return;
  }
  try {
    await conn.quit();
  } catch {
    conn.disconnect();
  }
}
