import { DateTime } from 'luxon';
import { UPTIME_CLASSES } from '../../domain/types.ts';
import type { StatusTransition, UptimeBucket, UptimeClass } from '../../domain/types.ts';
import type { HistoryPort, UptimeSlots } from '../ports.ts';
import { checkSlots } from '../slot-runs.ts';
import { execChecked, type RedisContext } from './context.ts';

const DAY_MS = 86_400_000;

/** Longest day range one `getUptime` call reads, so a bad query cannot fan out into thousands of keys. */
const MAX_UPTIME_RANGE_DAYS = 1000;

/** Moves min(ARGV[3], bucket[ARGV[1]]) seconds from status ARGV[1] to ARGV[2] of an existing bucket; returns the amount as a string. */
const MOVE_SECONDS = `if redis.call('EXISTS', KEYS[1]) == 0 then return '0' end
local have = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') or 0
local n = math.min(have, tonumber(ARGV[3]))
if n <= 0 then return '0' end
redis.call('HINCRBYFLOAT', KEYS[1], ARGV[1], tostring(-n))
redis.call('HINCRBYFLOAT', KEYS[1], ARGV[2], tostring(n))
return tostring(n)`;

/**
 * How long a day's record of booked slots outlives the day: a write-back held longer than this
 * (an outage of more than two days) is booked without the check. The bitmaps are small (1 KB per
 * component and day at 10-second ticks) but 90 days of them would dwarf the buckets themselves.
 */
const SLOT_MEMORY_DAYS = 2;

/**
 * Marks slots ARGV[2]..ARGV[3] booked in bitmap KEYS[2] and adds ARGV[4] seconds to status ARGV[1]
 * of bucket KEYS[1] for each slot that was not marked before; both keys expire at ARGV[5] / ARGV[6].
 * One script, so two replicas booking the same slot at once cannot both count it.
 */
const BOOK_SLOTS = `local n = 0
for i = tonumber(ARGV[2]), tonumber(ARGV[3]) do
  if redis.call('SETBIT', KEYS[2], i, 1) == 0 then n = n + 1 end
end
redis.call('EXPIREAT', KEYS[2], ARGV[6])
if n == 0 then return 0 end
redis.call('HINCRBYFLOAT', KEYS[1], ARGV[1], tostring(n * tonumber(ARGV[4])))
redis.call('EXPIREAT', KEYS[1], ARGV[5])
return n`;

/** Daily uptime buckets (a HASH per component and day, expiring) and transition history (a ZSET per component) on Redis. */
export class RedisHistory implements HistoryPort {
  constructor(private readonly ctx: RedisContext) {}

  async addUptime(component: string, day: string, status: UptimeClass, seconds: number, retainDays: number): Promise<void> {
    const start = parseDay(day);
    // Expiry follows the bucket's own day, not the write time, so re-writing an old day never extends it.
    const expireAt = Math.floor(start.plus({ days: retainDays + 1 }).toSeconds());
    const key = this.ctx.keys.uptime(component, day);
    await this.ctx.redis.multi().hincrbyfloat(key, status, seconds).expireat(key, expireAt).exec();
  }

  async bookUptime(component: string, day: string, status: UptimeClass, slots: UptimeSlots, retainDays: number): Promise<void> {
    checkSlots(slots);
    const start = parseDay(day);
    const expireAt = Math.floor(start.plus({ days: retainDays + 1 }).toSeconds());
    const slotsExpireAt = Math.min(expireAt, Math.floor(start.plus({ days: SLOT_MEMORY_DAYS + 1 }).toSeconds()));
    const keys = [this.ctx.keys.uptime(component, day), this.ctx.keys.uptimeSlots(component, day, slots.seconds)];
    await this.ctx.redis.eval(BOOK_SLOTS, 2, ...keys, status, String(slots.from), String(slots.to), String(slots.seconds), String(expireAt), String(slotsExpireAt));
  }

  async getUptime(component: string, fromDay: string, toDay: string): Promise<UptimeBucket[]> {
    const days = daysBetween(parseDay(fromDay), parseDay(toDay));
    if (days.length === 0) return [];
    const pipeline = this.ctx.redis.pipeline();
    for (const day of days) pipeline.hgetall(this.ctx.keys.uptime(component, day));
    const replies = (await pipeline.exec()) ?? [];
    const buckets: UptimeBucket[] = [];
    replies.forEach(([err, value], i) => {
      if (err) throw err;
      const fields = value as Record<string, string>;
      const day = days[i];
      if (day === undefined || Object.keys(fields).length === 0) return;
      const seconds = Object.fromEntries(UPTIME_CLASSES.map((s) => [s, Number(fields[s] ?? 0)])) as Record<UptimeClass, number>;
      buckets.push({ day, seconds });
    });
    return buckets;
  }

  async moveUptime(component: string, day: string, from: UptimeClass, to: UptimeClass, seconds: number): Promise<number> {
    if (from === to || !(seconds > 0)) return 0;
    return Number(await this.ctx.redis.eval(MOVE_SECONDS, 1, this.ctx.keys.uptime(component, day), from, to, String(seconds)));
  }

  async addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void> {
    if (transitions.length === 0) return;
    // No clock in this store: retention counts from the newest entry written (the memory store uses the same rule).
    const cutoff = transitions.reduce((max, t) => Math.max(max, t.at), -Infinity) - retainDays * DAY_MS;
    const byKey = new Map<string, StatusTransition[]>();
    for (const t of transitions) {
      const key = this.ctx.keys.transitions(t.component);
      const list = byKey.get(key) ?? [];
      list.push(t);
      byKey.set(key, list);
    }
    // One MULTI per component keeps each history atomic without a cross-key transaction.
    await Promise.all(
      [...byKey].map(([key, list]) => {
        const tx = this.ctx.redis.multi();
        // One entry per instant: a later write at the same instant replaces the earlier one.
        for (const t of list) tx.zremrangebyscore(key, t.at, t.at).zadd(key, t.at, JSON.stringify(t));
        return execChecked(tx.zremrangebyscore(key, '-inf', `(${cutoff}`));
      }),
    );
  }

  async getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]> {
    const key = this.ctx.keys.transitions(component);
    const tx = this.ctx.redis.multi().zrevrangebyscore(key, `(${from}`, '-inf', 'LIMIT', 0, 1).zrangebyscore(key, from, to);
    const [inForce, within] = (await execChecked(tx)) as [string[]?, string[]?];
    return [...(inForce ?? []), ...(within ?? [])].flatMap((json) => this.ctx.parse<StatusTransition>(json, key));
  }
}

function parseDay(day: string): DateTime {
  const dt = DateTime.fromFormat(day, 'yyyy-MM-dd', { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`uptime day must be YYYY-MM-DD, got "${day}"`);
  return dt;
}

/** Days from `from` to `to` inclusive; an over-long range keeps its newest MAX_UPTIME_RANGE_DAYS days. */
function daysBetween(from: DateTime, to: DateTime): string[] {
  const earliest = to.minus({ days: MAX_UPTIME_RANGE_DAYS - 1 });
  const days: string[] = [];
  for (let d = from < earliest ? earliest : from; d <= to; d = d.plus({ days: 1 })) days.push(d.toFormat('yyyy-MM-dd'));
  return days;
}
