import type { MaintenanceWindow } from '../../domain/types.ts';
import type { WindowsPort } from '../ports.ts';
import { DELETE_IF_UNCHANGED, hashValues, type RedisContext } from './context.ts';

/** Maintenance windows and notices on Redis (one HASH: id -> window JSON). */
export class RedisWindows implements WindowsPort {
  constructor(private readonly ctx: RedisContext) {}

  async putWindows(windows: MaintenanceWindow[]): Promise<void> {
    if (windows.length === 0) return;
    // One multi-field HSET is already atomic.
    await this.ctx.redis.hset(this.ctx.keys.windows, Object.fromEntries(windows.map((w) => [w.id, JSON.stringify(w)])));
  }

  getWindows(): Promise<MaintenanceWindow[]> {
    return hashValues<MaintenanceWindow>(this.ctx, this.ctx.keys.windows);
  }

  async pruneWindows(before: number): Promise<void> {
    const key = this.ctx.keys.windows;
    const fields = Object.entries(await this.ctx.redis.hgetall(key));
    const stale = fields.filter(([, json]) => this.ctx.parse<MaintenanceWindow>(json, key).some((w) => (w.end ?? w.updatedAt) < before));
    if (stale.length > 0) await this.ctx.redis.eval(DELETE_IF_UNCHANGED, 1, key, ...stale.flat());
  }
}
