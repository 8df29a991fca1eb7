import { pollUntil } from '../helpers/poll.ts';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { redisKeyPatterns, redisKeys } from '../../src/store/keys.ts';
import { RedisStore } from '../../src/store/redis/store.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { T0 } from './contract/fixture.ts';
import { incident } from './contract/fixture.ts';

describe('RedisStore operator keys', () => {
  it('when operator data of every kind is written, then each key is documented, prefixed and matches a pattern', async () => {
    const keyPrefix = uniquePrefix();
    const store = new RedisStore({ url: testRedisUrl(), keyPrefix });
    const client = new Redis(testRedisUrl());
    try {
      await store.operator.saveIncident(incident('i1'), 0);
      await store.operator.putOverride({ component: 'bank:pko', status: 'outage', reason: 'x', createdBy: 'a', createdAt: T0, expiresAt: T0 + 1 });
      await store.operator.addReclassification({ id: 'r1', component: 'ikp', from: T0, to: T0 + 1, reason: 'x', createdBy: 'a', createdAt: T0, movedSeconds: 0, transitionsWritten: 0 });
      await store.operator.appendAudit({ id: 'a1', at: T0, actor: 'a', role: 'operator', action: 'override.create', target: { kind: 'override', id: 'bank:pko' }, before: null, after: null }, 10);
      await store.operator.putOutbox({ id: 'd1', webhookId: 'ops', event: { id: 'incident:i1:v1', type: 'incident.created', at: T0, data: { incident: incident('i1') } }, attempts: 0, nextAttemptAt: T0, claimedUntil: T0 });
      const k = redisKeys(keyPrefix);
      const written = [k.audit, k.incidents, k.overrides, k.reclassifications, k.webhookOutbox];
      expect((await client.keys(`${keyPrefix}*`)).sort()).toEqual([...written].sort());
      const patterns = redisKeyPatterns(keyPrefix);
      for (const key of written) expect(patterns.some((p) => p.test(key)), key).toBe(true);
    } finally {
      await client.del(...(await client.keys(`${keyPrefix}*`)));
      client.disconnect();
      await store.lifecycle.close();
    }
  });

  it('when a stored incident is corrupt JSON, then reads skip it and a new save of that id is allowed', async () => {
    const keyPrefix = uniquePrefix();
    const warnings: string[] = [];
    const store = new RedisStore({ url: testRedisUrl(), keyPrefix, logger: { warn: (_o, msg) => warnings.push(msg) } });
    const client = new Redis(testRedisUrl());
    try {
      await client.hset(redisKeys(keyPrefix).incidents, 'i1', '{broken');
      expect(await store.operator.getIncidents()).toEqual([]);
      expect(await store.operator.getIncident('i1')).toBeNull();
      expect(await store.operator.saveIncident(incident('i1'), 0)).toBe(true);
      expect(await store.operator.getIncident('i1')).toEqual(incident('i1'));
      await pollUntil('the quarantine', async () => ((await store.operator.getQuarantine()).length === 1 ? true : undefined), 5_000, 20);
      expect(warnings).toHaveLength(1);
    } finally {
      await client.del(redisKeys(keyPrefix).incidents);
      client.disconnect();
      await store.lifecycle.close();
    }
  });
});
