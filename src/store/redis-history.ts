import type { ChainableCommander, Redis } from 'ioredis';
import type { MaintenanceWindow, StatusTransition } from '../domain/types.ts';
import type { RedisKeys } from './keys.ts';

const DAY_MS = 86_400_000;

/** Deletes hash fields still holding the given values (ARGV: field, value, ...), so a value re-put during a prune survives it. */
export const DELETE_IF_UNCHANGED = `for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 0`;

/** Parses one stored JSON value into zero (corrupt, logged) or one value. */
export type ParseStored = <T>(json: string, where: string) => T[];

/** Transition history and maintenance windows of RedisStore (the Store methods of the same names; see store.ts). */
export class RedisHistory {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly parse: ParseStored,
  ) {}

  /** See `Store.addTransitions`. */
  async addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void> {
    if (transitions.length === 0) return;
    // No clock in this store: retention counts from the newest entry written (MemoryStore uses the same rule).
    const cutoff = transitions.reduce((max, t) => Math.max(max, t.at), -Infinity) - retainDays * DAY_MS;
    const byKey = new Map<string, StatusTransition[]>();
    for (const t of transitions) {
      const key = this.keys.transitions(t.component);
      const list = byKey.get(key) ?? [];
      list.push(t);
      byKey.set(key, list);
    }
    // One MULTI per component keeps each history atomic without a cross-key transaction.
    await Promise.all(
      [...byKey].map(([key, list]) => {
        const tx = this.redis.multi();
        // One entry per instant: a later write at the same instant replaces the earlier one.
        for (const t of list) tx.zremrangebyscore(key, t.at, t.at).zadd(key, t.at, JSON.stringify(t));
        return execChecked(tx.zremrangebyscore(key, '-inf', `(${cutoff}`));
      }),
    );
  }

  /** See `Store.getTransitions`. */
  async getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]> {
    const key = this.keys.transitions(component);
    const tx = this.redis.multi().zrevrangebyscore(key, `(${from}`, '-inf', 'LIMIT', 0, 1).zrangebyscore(key, from, to);
    const [inForce, within] = (await execChecked(tx)) as [string[]?, string[]?];
    return [...(inForce ?? []), ...(within ?? [])].flatMap((json) => this.parse<StatusTransition>(json, key));
  }

  /** See `Store.putWindows`. */
  async putWindows(windows: MaintenanceWindow[]): Promise<void> {
    if (windows.length === 0) return;
    // One multi-field HSET is already atomic.
    await this.redis.hset(this.keys.windows, Object.fromEntries(windows.map((w) => [w.id, JSON.stringify(w)])));
  }

  /** See `Store.getWindows`. */
  async getWindows(): Promise<MaintenanceWindow[]> {
    const key = this.keys.windows;
    return Object.values(await this.redis.hgetall(key)).flatMap((json) => this.parse<MaintenanceWindow>(json, key));
  }

  /** See `Store.pruneWindows`. */
  async pruneWindows(before: number): Promise<void> {
    const key = this.keys.windows;
    const fields = Object.entries(await this.redis.hgetall(key));
    const stale = fields.filter(([, json]) => this.parse<MaintenanceWindow>(json, key).some((w) => (w.end ?? w.updatedAt) < before));
    if (stale.length > 0) await this.redis.eval(DELETE_IF_UNCHANGED, 1, key, ...stale.flat());
  }
}

/** Runs a MULTI and returns its replies, throwing the first command error (ioredis reports those in-band). */
async function execChecked(tx: ChainableCommander): Promise<unknown[]> {
  const replies = (await tx.exec()) ?? [];
  return replies.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}
