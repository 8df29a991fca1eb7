import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { createStore } from '../../src/store/create.ts';
import { closedPort, startUpstream, type Upstream } from '../helpers/upstream.ts';
import { pollUntil } from '../helpers/poll.ts';
import { valueOf } from '../ops/prom-text.ts';
import { promtool, runTool } from '../ops/tools.ts';

describe('blackbox_exporter facts in /metrics', () => {
  const notAfter = new Date(Date.now() + 40 * 86_400_000);
  let secure: Upstream;
  let plain: Upstream;
  let dir: string;
  let app: RunningApp;
  let text = '';

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256', notAfterDate: notAfter });
    dir = await mkdtemp(join(tmpdir(), 'ikp-blackbox-'));
    const caFile = join(dir, 'ca.pem');
    await writeFile(caFile, pems.cert);
    secure = await startUpstream({ tls: { key: pems.private, cert: pems.cert } });
    secure.route('/ok', (_req, res) => res.end('ok'));
    plain = await startUpstream();
    plain.route('/down', (_req, res) => res.writeHead(503).end('no'));
    const config = configSchema.parse({
      server: { port: 0, host: '127.0.0.1' },
      log: { level: 'silent' },
      components: [{ id: 'ikp', name: { pl: 'IKP', en: 'IKP' } }, { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } }],
      probes: [
        { id: 'secure', kind: 'http', component: 'ikp', interval: '1s', timeout: '900ms', http: { url: secure.url('/ok'), tls: { caFile } } },
        { id: 'down', kind: 'http', component: 'login-gov', interval: '1s', timeout: '800ms', http: { url: plain.url('/down') } },
        { id: 'refused', kind: 'http', canary: true, interval: '1s', timeout: '800ms', http: { url: `http://127.0.0.1:${await closedPort()}/` } },
      ],
    });
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    app = await startApp(config, { stores: store, logger: createLogger('silent') });
    text = await pollUntil('every probe ran', async () => {
      const t = await (await fetch(`${app.url}/metrics`)).text();
      const ran = ['down', 'refused'].every((probe) => valueOf(t, 'probe_http_status_code', { probe }) !== undefined);
      // The first TLS run may lose its handshake to a cold start; the latest run is what counts.
      return ran && valueOf(t, 'probe_http_status_code', { probe: 'secure' }) === 200 ? t : undefined;
    });
  });

  afterAll(async () => {
    await app?.stop();
    await secure?.close();
    await plain?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('when probes ran, then probe_http_status_code is the final status, 0 without a response', () => {
    expect(valueOf(text, 'probe_http_status_code', { probe: 'secure' })).toBe(200);
    expect(valueOf(text, 'probe_http_status_code', { probe: 'down' })).toBe(503);
    expect(valueOf(text, 'probe_http_status_code', { probe: 'refused' })).toBe(0);
  });

  it('when an HTTPS probe ran, then probe_ssl_earliest_cert_expiry is the certificate notAfter as a Unix timestamp', () => {
    const value = valueOf(text, 'probe_ssl_earliest_cert_expiry', { probe: 'secure' })!;
    // X.509 keeps whole seconds.
    expect(Math.abs(value - notAfter.getTime() / 1000)).toBeLessThanOrEqual(1);
    expect(valueOf(text, 'probe_ssl_earliest_cert_expiry', { probe: 'down' })).toBeUndefined();
  });

  it('when an HTTPS probe succeeded, then probe_http_duration_seconds has every phase and the TLS handshake took time', () => {
    const phase = (p: string): number | undefined => valueOf(text, 'probe_http_duration_seconds', { probe: 'secure', phase: p });
    for (const p of ['resolve', 'connect', 'tls', 'processing', 'transfer']) expect(phase(p), p).toBeGreaterThanOrEqual(0);
    expect(phase('tls')).toBeGreaterThan(0);
    // An IP literal needs no DNS lookup.
    expect(phase('resolve')).toBe(0);
    // No phases from a run that got no usable answer.
    expect(valueOf(text, 'probe_http_duration_seconds', { probe: 'refused', phase: 'connect' })).toBeUndefined();
  });

  it('when promtool checks the exposition, then it passes', async () => {
    const res = await runTool(await promtool(), ['check', 'metrics'], text);
    expect(res.stdout + res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
});
