import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { ONE_COMPONENT, writeTempConfig } from '../ops/temp-config.ts';

/** A config with the embedded store (snapshot flushed only hourly, so only the journal can save a write) and one operator token. */
async function setup(): Promise<{ dir: string; file: string; token: string }> {
  const token = generateToken();
  const { dir, file } = writeTempConfig(
    {
      components: ONE_COMPONENT,
      store: { snapshotFile: 'data/state.json', snapshotEvery: '1h' },
      admin: { tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(token) }] },
    },
    'ikp-durable-',
  );
  return { dir, file, token };
}

describe('the embedded store survives kill -9 (issue 10 item 10)', () => {
  let app: SpawnedApp | null = null;
  afterEach(async () => {
    await app?.stop('SIGKILL');
    app = null;
  });

  it('when an incident, an override and a window are posted and the process is killed at once, then after a restart every write is there', async () => {
    const { dir, file, token } = await setup();
    const env = { CONFIG: file, REDIS_URL: '' };
    app = await spawnApp(env, { cwd: dir });
    const call = (method: string, p: string, body?: object): Promise<Response> =>
      fetch(`${app!.url}/api/v1/admin${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body && JSON.stringify(body) });
    const hour = 3_600_000;
    const posted = await Promise.all([
      call('POST', '/incidents', { title: { pl: 'Awaria e-recept' }, body: { pl: 'Trwa awaria, pracujemy nad tym.' }, impact: 'major', components: ['svc'] }),
      call('POST', '/overrides', { component: 'svc', status: 'outage', reason: 'Potwierdzona awaria', for: '2h' }),
      call('POST', '/maintenance', { components: ['svc'], start: new Date(Date.now() + hour).toISOString(), end: new Date(Date.now() + 2 * hour).toISOString(), title: 'Prace serwisowe' }),
    ]);
    expect(posted.map((r) => r.status)).toEqual([201, 201, 201]);
    const [incident, , window] = (await Promise.all(posted.map((r) => r.json()))) as { id: string }[];
    // No flush, no graceful stop: the process dies right after the API answered.
    await app.stop('SIGKILL');

    app = await spawnApp(env, { cwd: dir });
    const incidents = (await (await call('GET', '/incidents')).json()) as { incidents: { id: string }[] };
    const overrides = (await (await call('GET', '/overrides')).json()) as { overrides: { component: string }[] };
    const windows = await (await call('GET', '/maintenance')).text();
    const audit = (await (await call('GET', '/audit')).json()) as { entries: { action: string }[] };
    expect(incidents.incidents.map((i) => i.id)).toEqual([incident!.id]);
    expect(overrides.overrides.map((o) => o.component)).toEqual(['svc']);
    expect(windows).toContain(window!.id);
    expect(audit.entries.map((e) => e.action).sort()).toEqual(['incident.create', 'maintenance.create', 'override.create']);
  }, 60_000);

  it('when the snapshot file is corrupt, then it is kept aside as state.json.corrupt-<time>, an error is logged and the app starts', async () => {
    const { dir, file } = await setup();
    const snapshot = path.join(dir, 'data', 'state.json');
    await mkdir(path.dirname(snapshot), { recursive: true });
    await writeFile(snapshot, '{"version":1,"results":{', 'utf8');
    app = await spawnApp({ CONFIG: file, REDIS_URL: '' }, { cwd: dir });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const aside = (await readdir(path.dirname(snapshot))).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(path.dirname(snapshot), aside[0]!), 'utf8')).toBe('{"version":1,"results":{');
    const line = app
      .output()
      .split('\n')
      .find((l) => l.includes('snapshot is corrupt'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 50, keptAs: expect.stringContaining('state.json.corrupt-') });
  }, 60_000);
});
