import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentState } from '../../src/domain/types.ts';
import { createWebApp } from '../../src/web/app.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { SseHub } from '../../src/web/sse/hub.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { T0, webFixture, type WebFixture } from './fixture.ts';

/** An open event stream that collects text and can wait for a pattern. */
interface Stream {
  headers: http.IncomingHttpHeaders;
  text(): string;
  waitFor(pattern: RegExp, count?: number): Promise<void>;
  ended: Promise<void>;
  close(): void;
}

function open(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip' } }, (res) => {
      let data = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        data += chunk;
        for (const w of [...waiters]) w();
      });
      const ended = new Promise<void>((r) => res.on('end', () => r()));
      resolve({
        headers: res.headers,
        text: () => data,
        ended,
        close: () => req.destroy(),
        waitFor: (pattern, count = 1) =>
          new Promise<void>((r) => {
            const check = (): void => {
              if ((data.match(new RegExp(pattern.source, 'g')) ?? []).length >= count) r();
            };
            waiters.push(check);
            check();
          }),
      });
    });
    req.on('error', reject);
  });
}

describe('GET /api/v1/events', () => {
  let f: WebFixture;
  let server: WebServer;
  const closers: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    f = await webFixture('ok');
    const app = createWebApp({ config: f.config, stores: f.stores, snapshot: f.snapshot, logger: createLogger('silent'), now: () => f.clock.now(), onShutdown: (c) => void closers.push(c) });
    server = await startWebServer(app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await f.close();
  });

  it('when a client connects, then it gets an uncompressed event stream with retry and the current status', async () => {
    const s = await open(`${server.url}/api/v1/events`);
    await s.waitFor(/event: status\n/);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.headers['content-encoding']).toBeUndefined();
    expect(s.headers['cache-control']).toContain('no-transform');
    expect(s.text()).toMatch(/^retry: \d+\n\n/);
    const data = JSON.parse(/data: (.*)\n/.exec(s.text())![1]!);
    expect(data).toMatchObject({ version: f.snapshot.current().version, overall: 'operational', blind: false });
    s.close();
  });

  it('when the snapshot is rebuilt after a change, then every open stream gets the new status without reconnecting', async () => {
    const a = await open(`${server.url}/api/v1/events`);
    const b = await open(`${server.url}/api/v1/events`);
    await Promise.all([a.waitFor(/event: status/), b.waitFor(/event: status/)]);
    const down: ComponentState = { id: 'profil-zaufany', status: 'outage', reason: 'http_status', rootCause: null, since: T0, lastCheckedAt: T0 };
    await f.stores.results.setComponentStates([down]);
    await f.snapshot.rebuild();
    await Promise.all([a.waitFor(/"overall":"outage"/), b.waitFor(/"overall":"outage"/)]);
    expect(a.text()).toContain(`id: ${f.snapshot.current().version}\n`);
    a.close();
    b.close();
  });

  it('when the app shuts down, then closeAll ends every stream and later clients are told to retry', async () => {
    const s = await open(`${server.url}/api/v1/events`);
    await s.waitFor(/event: status/);
    expect(closers).toHaveLength(1);
    await Promise.all(closers.map((c) => c()));
    await s.ended;
    const late = await open(`${server.url}/api/v1/events`);
    await late.ended;
    expect(late.text()).toMatch(/^retry: \d+\n\n$/);
  });
});

describe('SseHub', () => {
  it('when a burst of rebuilds arrives, then clients get the first at once and the last after the gap, not every one', async () => {
    const f = await webFixture('ok');
    const hub = new SseHub(f.snapshot, { heartbeatMs: 60_000, retryMs: 1_000, minGapMs: 500 });
    const express = (await import('express')).default;
    const app = express();
    app.get('/e', (req, res) => hub.handle(req, res));
    const server = await startWebServer(app, 0, '127.0.0.1');
    try {
      const s = await open(`${server.url}/e`);
      await s.waitFor(/event: status/);
      for (let i = 0; i < 5; i += 1) await f.snapshot.rebuild();
      const last = f.snapshot.current().version;
      await s.waitFor(new RegExp(`id: ${last}\\n`));
      const ids = [...s.text().matchAll(/id: (\d+)\n/g)].map((m) => Number(m[1]));
      expect(ids.length).toBeLessThan(5 + 1);
      expect(ids.at(-1)).toBe(last);
      expect(hub.size).toBe(1);
      s.close();
      await hub.closeAll();
      expect(hub.size).toBe(0);
    } finally {
      await server.close();
      await f.close();
    }
  });
});
