import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { redisStores } from '../helpers/stores.ts';
import { at, triageConfig } from './fixtures.ts';
import { startHarness, type Harness } from './harness.ts';

const NOW = at('2026-11-22T10:00:00Z');

describe('rate limit shared through Redis', () => {
  let stores: Stores[] = [];
  let replicas: Harness[] = [];
  beforeAll(async () => {
    const prefix = uniquePrefix();
    // Two replicas, each with its own store (and so its own connection) over the same Redis keys.
    stores = await Promise.all([0, 1].map(() => redisStores(testRedisUrl(), prefix)));
    replicas = await Promise.all(stores.map((s) => startHarness(triageConfig(), NOW, { rateLimit: { windowMs: 60_000, limit: 3 }, rateLimitStore: s.coordination.rateLimitStore('triage') })));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await Promise.all(stores.map((s) => s.lifecycle.close()));
  });

  it('when one address spreads its requests over two replicas, then the budget is counted once across both', async () => {
    const [a, b] = replicas as [Harness, Harness];
    await request(a.app).post('/api/v1/triage').send({}).expect(200);
    await request(b.app).post('/api/v1/triage').send({}).expect(200);
    await request(a.app).post('/api/v1/triage').send({}).expect(200);
    const res = await request(b.app).post('/api/v1/triage').send({}).expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });
});
