import type { AuditEntry } from '../../domain/audit.ts';
import type { Incident } from '../../domain/incidents.ts';
import type { Override } from '../../domain/overrides.ts';
import type { QuarantinedRecord } from '../../domain/quarantine.ts';
import type { Reclassification } from '../../domain/reclassification.ts';
import type { OutboxEntry } from '../../domain/webhook-events.ts';
import type { OperatorPort } from '../ports.ts';
import { hashValues, pruneHash, type RedisContext } from './context.ts';
import type { RedisQuarantine } from './quarantine.ts';

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

/** Incidents, overrides, reclassifications, the audit trail, the webhook outbox and the quarantine on Redis. */
export class RedisOperator implements OperatorPort {
  constructor(
    private readonly ctx: RedisContext,
    private readonly quarantine: RedisQuarantine,
  ) {}

  getIncidents(): Promise<Incident[]> {
    return hashValues<Incident>(this.ctx, this.ctx.keys.incidents);
  }

  async getIncident(id: string): Promise<Incident | null> {
    const json = await this.ctx.redis.hget(this.ctx.keys.incidents, id);
    return json === null ? null : (this.ctx.parse<Incident>(json, this.ctx.keys.incidents)[0] ?? null);
  }

  async saveIncident(incident: Incident, expectedVersion: number): Promise<boolean> {
    const saved = await this.ctx.redis.eval(SAVE_IF_VERSION, 1, this.ctx.keys.incidents, incident.id, String(expectedVersion), JSON.stringify(incident));
    return saved === 1;
  }

  pruneIncidents(before: number): Promise<void> {
    return pruneHash<Incident>(this.ctx, this.ctx.keys.incidents, (i) => i.resolvedAt !== null && i.resolvedAt < before);
  }

  async putOverride(override: Override): Promise<void> {
    await this.ctx.redis.hset(this.ctx.keys.overrides, override.component, JSON.stringify(override));
  }

  getOverrides(): Promise<Override[]> {
    return hashValues<Override>(this.ctx, this.ctx.keys.overrides);
  }

  async deleteOverride(component: string): Promise<boolean> {
    return (await this.ctx.redis.hdel(this.ctx.keys.overrides, component)) > 0;
  }

  pruneOverrides(now: number): Promise<void> {
    return pruneHash<Override>(this.ctx, this.ctx.keys.overrides, (o) => o.expiresAt <= now);
  }

  async addReclassification(r: Reclassification): Promise<void> {
    await this.ctx.redis.hset(this.ctx.keys.reclassifications, r.id, JSON.stringify(r));
  }

  getReclassifications(): Promise<Reclassification[]> {
    return hashValues<Reclassification>(this.ctx, this.ctx.keys.reclassifications);
  }

  async appendAudit(entry: AuditEntry, keep: number): Promise<void> {
    const key = this.ctx.keys.audit;
    if (keep <= 0) {
      await this.ctx.redis.del(key);
      return;
    }
    await this.ctx.redis.multi().lpush(key, JSON.stringify(entry)).ltrim(key, 0, keep - 1).exec();
  }

  async getAudit(limit: number, offset = 0): Promise<AuditEntry[]> {
    if (limit <= 0) return [];
    const start = Math.max(offset, 0);
    const raw = await this.ctx.redis.lrange(this.ctx.keys.audit, start, start + limit - 1);
    return raw.flatMap((json) => this.ctx.parse<AuditEntry>(json, this.ctx.keys.audit));
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    await this.ctx.redis.hset(this.ctx.keys.webhookOutbox, entry.id, JSON.stringify(entry));
  }

  getOutbox(): Promise<OutboxEntry[]> {
    return hashValues<OutboxEntry>(this.ctx, this.ctx.keys.webhookOutbox);
  }

  async deleteOutbox(id: string): Promise<void> {
    await this.ctx.redis.hdel(this.ctx.keys.webhookOutbox, id);
  }

  getQuarantine(): Promise<QuarantinedRecord[]> {
    return this.quarantine.list();
  }

  deleteQuarantined(id: string): Promise<boolean> {
    return this.quarantine.delete(id);
  }
}
