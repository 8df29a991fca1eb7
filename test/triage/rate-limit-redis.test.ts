import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimitStore, type SendCommand } from '../../src/web/rate-limit.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { at, triageConfig } from './fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');

describe('rate limit shared through Redis', () => {
  let client: Redis;
  let replicas: Harness[] = [];
  beforeAll(async () => {
    client = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    const send: SendCommand = (command, ...args) => client.call(command!, ...args) as ReturnType<SendCommand>;
    const prefix = `${uniquePrefix()}rl:`;
    // Two replicas, each with its own store instance over the same Redis keys.
    replicas = await Promise.all([0, 1].map(() => startHarness(triageConfig(), NOW, { rateLimit: { windowMs: 60_000, limit: 3 }, rateLimitStore: createRateLimitStore(send, prefix) })));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await client?.quit();
  });

  it('when one address spreads its requests over two replicas, then the budget is counted once across both', async () => {
    const [a, b] = replicas as [Harness, Harness];
    await request(a.app).post('/api/v1/triage').send({}).expect(200);
    await request(b.app).post('/api/v1/triage').send({}).expect(200);
    await request(a.app).post('/api/v1/triage').send({}).expect(200);
    const res = await request(b.app).post('/api/v1/triage').send({}).expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });

  it('when no Redis is used, then no shared store is built', () => {
    expect(createRateLimitStore(null, 'ikp:rl:triage:')).toBeUndefined();
  });
});
