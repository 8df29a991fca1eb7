import type { Redis } from 'ioredis';
import type { AuditEntry } from '../domain/audit.ts';
import type { ComponentStatus } from '../domain/types.ts';
import type { Incident } from '../domain/incidents.ts';
import type { Override } from '../domain/overrides.ts';
import type { Reclassification } from '../domain/reclassification.ts';
import type { OutboxEntry } from '../domain/webhook-events.ts';
import type { RedisKeys } from './keys.ts';
import type { QuarantinedRecord } from './quarantine.ts';
import { DELETE_IF_UNCHANGED } from './redis-history.ts';
import type { RedisQuarantine } from './redis-quarantine.ts';
import type { StoreLogger } from './snapshot-file.ts';

/** Saves ARGV[3] under field ARGV[1] only if the stored incident's version is ARGV[2] (0: absent; unreadable counts as absent). */
const SAVE_IF_VERSION = `local cur = redis.call('HGET', KEYS[1], ARGV[1])
local v = 0
if cur then
  local ok, decoded = pcall(cjson.decode, cur)
  if ok and type(decoded) == 'table' and type(decoded.version) == 'number' then v = decoded.version end
end
if v ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

/** Moves min(ARGV[3], bucket[ARGV[1]]) seconds from status ARGV[1] to ARGV[2] of an existing bucket; returns the amount as a string. */
const MOVE_SECONDS = `if redis.call('EXISTS', KEYS[1]) == 0 then return '0' end
local have = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') or 0
local n = math.min(have, tonumber(ARGV[3]))
if n <= 0 then return '0' end
redis.call('HINCRBYFLOAT', KEYS[1], ARGV[1], tostring(-n))
redis.call('HINCRBYFLOAT', KEYS[1], ARGV[2], tostring(n))
return tostring(n)`;

/**
 * The Redis connection, key names and JSON parsing RedisStore is built on, plus the operator
 * data (incidents, overrides, reclassifications, audit trail, webhook outbox; the Store methods of the same names).
 */
export abstract class RedisOperatorData {
  protected constructor(
    protected readonly redis: Redis,
    protected readonly keys: RedisKeys,
    protected readonly logger: StoreLogger | undefined,
    private readonly quarantine: RedisQuarantine,
  ) {}

  getQuarantine(): Promise<QuarantinedRecord[]> {
    return this.quarantine.list();
  }

  deleteQuarantined(id: string): Promise<boolean> {
    return this.quarantine.delete(id);
  }

  async moveUptime(component: string, day: string, from: ComponentStatus, to: ComponentStatus, seconds: number): Promise<number> {
    if (from === to || !(seconds > 0)) return 0;
    return Number(await this.redis.eval(MOVE_SECONDS, 1, this.keys.uptime(component, day), from, to, String(seconds)));
  }

  async getIncidents(): Promise<Incident[]> {
    return this.values<Incident>(this.keys.incidents);
  }

  async getIncident(id: string): Promise<Incident | null> {
    const json = await this.redis.hget(this.keys.incidents, id);
    return json === null ? null : (this.parse<Incident>(json, this.keys.incidents)[0] ?? null);
  }

  async saveIncident(incident: Incident, expectedVersion: number): Promise<boolean> {
    const saved = await this.redis.eval(SAVE_IF_VERSION, 1, this.keys.incidents, incident.id, String(expectedVersion), JSON.stringify(incident));
    return saved === 1;
  }

  async pruneIncidents(before: number): Promise<void> {
    await this.pruneHash<Incident>(this.keys.incidents, (i) => i.resolvedAt !== null && i.resolvedAt < before);
  }

  async putOverride(override: Override): Promise<void> {
    await this.redis.hset(this.keys.overrides, override.component, JSON.stringify(override));
  }

  async getOverrides(): Promise<Override[]> {
    return this.values<Override>(this.keys.overrides);
  }

  async deleteOverride(component: string): Promise<boolean> {
    return (await this.redis.hdel(this.keys.overrides, component)) > 0;
  }

  async pruneOverrides(now: number): Promise<void> {
    await this.pruneHash<Override>(this.keys.overrides, (o) => o.expiresAt <= now);
  }

  async addReclassification(r: Reclassification): Promise<void> {
    await this.redis.hset(this.keys.reclassifications, r.id, JSON.stringify(r));
  }

  async getReclassifications(): Promise<Reclassification[]> {
    return this.values<Reclassification>(this.keys.reclassifications);
  }

  async appendAudit(entry: AuditEntry, keep: number): Promise<void> {
    const key = this.keys.audit;
    if (keep <= 0) {
      await this.redis.del(key);
      return;
    }
    await this.redis.multi().lpush(key, JSON.stringify(entry)).ltrim(key, 0, keep - 1).exec();
  }

  async getAudit(limit: number, offset = 0): Promise<AuditEntry[]> {
    if (limit <= 0) return [];
    const start = Math.max(offset, 0);
    const raw = await this.redis.lrange(this.keys.audit, start, start + limit - 1);
    return raw.flatMap((json) => this.parse<AuditEntry>(json, this.keys.audit));
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    await this.redis.hset(this.keys.webhookOutbox, entry.id, JSON.stringify(entry));
  }

  async getOutbox(): Promise<OutboxEntry[]> {
    return this.values<OutboxEntry>(this.keys.webhookOutbox);
  }

  async deleteOutbox(id: string): Promise<void> {
    await this.redis.hdel(this.keys.webhookOutbox, id);
  }

  /**
   * Parses and validates one stored value read from key `where`; a corrupt or malformed value is
   * skipped and quarantined (logged once) rather than failing the whole read.
   */
  protected parse<T>(json: string, where: string): T[] {
    return this.quarantine.check<T>(json, where);
  }

  private async values<T>(key: string): Promise<T[]> {
    return Object.values(await this.redis.hgetall(key)).flatMap((json) => this.parse<T>(json, key));
  }

  /** Deletes the fields whose values match `stale`, unless they changed since they were read. */
  private async pruneHash<T>(key: string, stale: (value: T) => boolean): Promise<void> {
    const fields = Object.entries(await this.redis.hgetall(key));
    const drop = fields.filter(([, json]) => this.parse<T>(json, key).some(stale));
    if (drop.length > 0) await this.redis.eval(DELETE_IF_UNCHANGED, 1, key, ...drop.flat());
  }
}
