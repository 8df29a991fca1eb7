import http, { type IncomingMessage } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import { verifySignature } from '../../src/webhooks/sign.ts';
import { pollUntil } from '../helpers/poll.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';

const SECRET = 'replica-test-shared-secret';

interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('two replicas sharing one Redis: incidents and webhooks', () => {
  let healthy = true;
  let target: http.Server;
  let receiver: Upstream;
  const deliveries: Delivery[] = [];
  let token: string;
  let a: SpawnedApp;
  let b: SpawnedApp;
  const prefix = uniquePrefix();

  const status = async (app: SpawnedApp) => (await fetch(`${app.url}/api/v1/status`)).json() as Promise<{ components: { id: string; status: string }[]; incidents: { id: string; state: string; title: { pl: string } }[] }>;
  const componentStatus = async (app: SpawnedApp) => (await status(app)).components.find((c) => c.id === 'svc')?.status;

  beforeAll(async () => {
    target = http.createServer((_req, res) => res.writeHead(healthy ? 200 : 503).end('x'));
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    receiver = await startUpstream();
    receiver.route('/hook', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    token = generateToken();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ikp-admin-replicas-'));
    const yaml = [
      `store: { keyPrefix: "${prefix}" }`,
      'engine: { failureThreshold: 1, successThreshold: 1, evaluateEvery: 1s }',
      'incidents: { autoOpen: false }',
      'components:',
      '  - { id: svc, name: { pl: Usługa, en: Service } }',
      'probes:',
      `  - { id: p1, kind: http, component: svc, interval: 1s, timeout: 800ms, http: { url: "http://127.0.0.1:${(target.address() as AddressInfo).port}/" } }`,
      'admin:',
      `  tokens: [{ name: alice, role: operator, hash: "${await hashToken(token)}" }]`,
      'webhooks:',
      `  - { id: ops, kind: generic, url: "${receiver.url('/hook')}", secret: "${SECRET}", backoff: 100ms }`,
    ].join('\n');
    writeFileSync(path.join(dir, 'config.yaml'), yaml);
    const env = { CONFIG: path.join(dir, 'config.yaml'), REDIS_URL: testRedisUrl(), LOG_LEVEL: 'info' };
    [a, b] = await Promise.all([spawnApp(env, { cwd: dir }), spawnApp(env, { cwd: dir })]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await receiver?.close();
    await new Promise((r) => target?.close(r));
  });

  it('when an incident is created through replica A, then replica B shows it in /api/v1/status without a restart', async () => {
    const res = await fetch(`${a.url}/api/v1/admin/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: { pl: 'Awaria e-recept' }, body: { pl: 'Trwa awaria e-recept, pracujemy nad rozwiązaniem.' }, impact: 'major', components: ['svc'] }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const shown = await pollUntil('incident on replica B', async () => (await status(b)).incidents.find((i) => i.id === id), 15_000);
    expect(shown).toMatchObject({ state: 'investigating', title: { pl: 'Awaria e-recept' } });
    // An open major incident holds svc in outage on every face; resolve it so the probes decide again.
    const resolved = await fetch(`${a.url}/api/v1/admin/incidents/${encodeURIComponent(id)}/resolve`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(resolved.status).toBe(200);
  });

  it('when the component goes down and recovers while both replicas run, then every webhook event arrives exactly once, signed', async () => {
    await pollUntil('svc operational', async () => ((await componentStatus(b)) === 'operational' ? true : undefined), 20_000);
    healthy = false;
    await pollUntil('svc in outage', async () => ((await componentStatus(a)) === 'outage' ? true : undefined), 20_000);
    healthy = true;
    await pollUntil('svc recovered', async () => ((await componentStatus(b)) === 'operational' ? true : undefined), 20_000);
    const changes = () => deliveries.map((d) => JSON.parse(d.body) as { type: string; data: { change?: { to: string } } }).filter((e) => e.type === 'component.status_changed');
    await pollUntil('recovery delivered', async () => (changes().some((e) => e.data.change?.to === 'operational' && changes().some((o) => o.data.change?.to === 'outage')) ? true : undefined), 15_000);
    // Stop both replicas (SIGTERM finishes the deliveries in flight): after that no duplicate (which
    // must not exist) can still arrive, and none may wait in the shared outbox to arrive later.
    expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])).toEqual([0, 0]);
    const store = await createStore({ redisUrl: testRedisUrl(), keyPrefix: prefix, snapshotFile: null, clock: systemClock });
    try {
      expect(await store.operator.getOutbox()).toEqual([]);
    } finally {
      await store.lifecycle.close();
    }

    const ids = deliveries.map((d) => d.headers['x-ikp-event-id']);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size, `duplicate deliveries: ${ids.join(', ')}`).toBe(ids.length);
    expect(deliveries.map((d) => d.headers['x-ikp-event'])).toContain('incident.created');
    for (const d of deliveries) expect(verifySignature(SECRET, d.body, d.headers['x-ikp-signature'] as string)).toBe(true);
  }, 90_000);
});
