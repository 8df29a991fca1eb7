import type { Redis } from 'ioredis';
import type { Clock } from '../../domain/types.ts';
import type { RedisKeys } from '../keys.ts';
import { quarantined, type QuarantinedRecord } from '../quarantine.ts';
import { recordProblems, type RecordKind } from '../records.ts';
import type { StoreLogger } from '../logger.ts';

type Container = 'hash' | 'list' | 'zset';

/**
 * Moves one malformed value out of its key into the quarantine hash, atomically. KEYS[1] origin,
 * KEYS[2] quarantine; ARGV: container kind, raw value, quarantine id, entry JSON. Returns 1 when
 * this call quarantined it first (so exactly one replica logs it), 0 when it already was.
 */
const QUARANTINE = `local added = redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[4])
if ARGV[1] == 'hash' then
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    if all[i + 1] == ARGV[2] then redis.call('HDEL', KEYS[1], all[i]) end
  end
elseif ARGV[1] == 'list' then
  redis.call('LREM', KEYS[1], 0, ARGV[2])
else
  redis.call('ZREM', KEYS[1], ARGV[2])
end
return added`;

/** Validation of values read from Redis, and the quarantine of those that fail (see records.ts). */
export class RedisQuarantine {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    private readonly logger: StoreLogger | undefined,
  ) {}

  /**
   * Parses and validates one stored value read from `key`: a valid record yields [value]; a
   * corrupt or malformed one yields [] and is moved to the quarantine in the background (the
   * read never waits for that, nor fails because of it).
   */
  check<T>(json: string, key: string): T[] {
    const where = this.kindOf(key);
    let value: unknown;
    let problems: string[] | null;
    try {
      value = JSON.parse(json);
      problems = where ? recordProblems(where[0], value) : null;
    } catch {
      problems = ['(record): not valid JSON'];
    }
    if (problems === null) return [value as T];
    if (where) void this.moveAside(where[0], where[1], key, json, problems);
    else this.logger?.warn({ key, problems }, 'skipping corrupt JSON value in redis');
    return [];
  }

  async list(): Promise<QuarantinedRecord[]> {
    const all = Object.values(await this.redis.hgetall(this.keys.quarantine));
    return all.flatMap((json) => {
      try {
        return [JSON.parse(json) as QuarantinedRecord];
      } catch {
        return [];
      }
    });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.redis.hdel(this.keys.quarantine, id)) > 0;
  }

  private async moveAside(kind: RecordKind, container: Container, key: string, raw: string, problems: string[]): Promise<void> {
    const record = quarantined(kind, key, raw, problems, this.clock.now());
    try {
      const first = await this.redis.eval(QUARANTINE, 2, key, this.keys.quarantine, container, raw, record.id, JSON.stringify(record));
      if (first === 1) this.logger?.warn({ quarantineId: record.id, kind, key, problems }, 'malformed record quarantined; everything else keeps working');
    } catch (err) {
      this.logger?.warn({ err, key }, 'could not quarantine a malformed record; it is skipped on every read');
    }
  }

  private kindOf(key: string): [RecordKind, Container] | null {
    const k = this.keys;
    const hashes: [string, RecordKind][] = [
      [k.incidents, 'incident'],
      [k.overrides, 'override'],
      [k.reclassifications, 'reclassification'],
      [k.webhookOutbox, 'outbox'],
      [k.windows, 'window'],
      [k.componentStates, 'componentState'],
      [k.probeStates, 'probeState'],
    ];
    const hash = hashes.find(([name]) => name === key);
    if (hash) return [hash[1], 'hash'];
    if (key === k.audit) return ['audit', 'list'];
    if (key.startsWith(k.results(''))) return ['probeResult', 'list'];
    if (key.startsWith(k.transitions(''))) return ['transition', 'zset'];
    return null;
  }
}
