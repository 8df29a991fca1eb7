import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/poll.ts';
import { spawnApp, type SpawnedApp } from '../helpers/spawn-app.ts';
import { startUpstream, type Upstream } from '../helpers/upstream.ts';
import { ONE_COMPONENT, writeTempConfig } from './temp-config.ts';

// A PESEL with a valid checksum: it must never reach the log, wherever it is sent.
const PESEL = '44051401359';

describe('logs of a running monitor', () => {
  let upstream: Upstream;
  let app: SpawnedApp;
  let exitCode: number | null = null;
  const responses: Response[] = [];

  beforeAll(async () => {
    upstream = await startUpstream();
    // The upstream echoes the PESEL back in an error page, which a probe may quote in its detail.
    upstream.route('/svc', (_req, res) => res.writeHead(500).end(`error for ${PESEL}`));
    const { dir, file } = writeTempConfig({
      components: ONE_COMPONENT,
      probes: [{ id: 'svc', kind: 'http', component: 'svc', interval: '1s', timeout: '800ms', http: { url: upstream.url(`/svc?pesel=${PESEL}`) } }],
    });
    app = await spawnApp({ CONFIG: file, REDIS_URL: '', LOG_LEVEL: 'trace' }, { cwd: dir });
    const send = (path: string, init: RequestInit = {}): Promise<void> =>
      fetch(`${app.url}${path}`, init).then((r) => void responses.push(r));
    await send(`/api/v1/status?pesel=${PESEL}`);
    await send(`/api/v1/pacjent/${PESEL}`);
    await send(`/api/v1/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': PESEL, authorization: `Bearer ${PESEL}` },
      body: JSON.stringify({ symptom: `mój PESEL to ${PESEL}`, pesel: PESEL }),
    });
    await send(`/api/v1/triage?q=${PESEL}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"pesel": ${PESEL}` });
    // At least one failing probe fire (its upstream echoes the PESEL) is logged before the app stops.
    await pollUntil('a failing probe fire in the log', async () => (/"probe":"svc","ok":false[^\n]*"msg":"probe fired"/.test(app.output()) ? true : undefined), 15_000, 50);
    exitCode = await app.stop('SIGTERM');
  });

  afterAll(async () => {
    await app?.stop('SIGKILL');
    await upstream?.close();
  });

  it('when a PESEL is sent in URLs, a body, a request id and an auth header, then the log never contains it', () => {
    expect(app.output()).not.toContain(PESEL);
    expect(exitCode).toBe(0);
  });

  it('when those requests were served, then each one was logged (redacted), with the path kept readable', () => {
    const lines = app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; url?: string; requestId?: string });
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.url)).toEqual([
      '/api/v1/status?pesel=[redacted]',
      '/api/v1/pacjent/[redacted:pesel]',
      '/api/v1/triage',
      '/api/v1/triage?q=[redacted]',
    ]);
    expect(requests.map((l) => l.requestId)).toEqual(responses.map((r) => r.headers.get('x-request-id')));
    expect(responses[2]!.headers.get('x-request-id')).not.toBe(PESEL);
  });
});
