import { Registry } from 'prom-client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/definitions.ts';
import { observeHttpRequest } from '../../src/web/http-metrics.ts';
import { requestContext } from '../../src/web/request-context.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { adminHarness, type AdminHarness } from '../admin/harness.ts';
import express from 'express';

describe('admin requests refused before routing', () => {
  let h: AdminHarness;
  const metrics = createMetrics(new Registry(), { version: 'test', node: process.version });
  let app: express.Express;
  beforeAll(async () => {
    h = await adminHarness();
    // The harness app behind the same request-context and metrics hook createWebApp installs.
    app = express();
    app.use(requestContext(createLogger('silent'), observeHttpRequest(metrics)));
    app.use(h.app);
  });
  afterAll(async () => h.close());

  it.each([
    ['get', '/api/v1/admin/incidents', '/api/v1/admin/incidents'],
    ['patch', '/api/v1/admin/maintenance/abc', '/api/v1/admin/maintenance/:id'],
  ] as const)('when %s %s has no token, then the 401 is recorded with route %s, not unmatched', async (method, path, template) => {
    await request(app)[method](path).expect(401);
    const values = (await metrics.httpDuration.get()).values.filter((v) => v.metricName?.endsWith('_count') && v.labels.status_code === '401');
    expect(values.map((v) => v.labels.route)).toContain(template);
    expect(values.map((v) => v.labels.route)).not.toContain('unmatched');
  });
});
