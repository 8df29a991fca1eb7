import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { TokenVerifier } from '../../src/auth/verifier.ts';
import type { Config } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import { createWebApp } from '../../src/web/app.ts';
import { startWebServer, type WebServer } from '../../src/web/server.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import { testConfig } from '../helpers/config.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { memoryStores } from '../helpers/stores.ts';
import { AddressClient } from './address-client.ts';

/** Failed sign-ins allowed per address a minute in these tests. */
const LIMIT = 3;
const OFFICE = '127.0.0.1';
const ELSEWHERE = '127.0.0.2';
const THIRD = '127.0.0.3';

describe('console sign-in limit counts failures only', () => {
  const token = generateToken();
  const clients: AddressClient[] = [];
  const from = (url: string, address: string): AddressClient => {
    const c = new AddressClient(url, address);
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  const statuses = async (n: number, attempt: () => Promise<{ status: number }>): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await attempt()).status);
    return out;
  };
  const wrong = (): string => generateToken();

  describe('on one monitor (in-process counters)', () => {
    let server: WebServer;
    let close: () => Promise<void>;
    let clock: FakeClock;

    /** The web app with a verifier whose scrypt budget runs on the fake clock, served on a loopback port. */
    async function serve(config: Config, scryptPerSecond: number): Promise<void> {
      clock = new FakeClock(Date.parse('2026-03-28T12:00:00+01:00'));
      const logger = createLogger('silent');
      const stores = await memoryStores(clock);
      const sink = { emit: () => undefined };
      const ops = { config, stores, clock, events: sink, reevaluate: () => reevaluate({ config, stores, clock, logger, events: sink }) };
      const snapshot = new StatusSnapshot({ config, stores, logger, now: () => clock.now() });
      await snapshot.start();
      const verifier = new TokenVerifier(config.admin.tokens, { scryptPerSecond, now: () => clock.now() });
      server = await startWebServer(createWebApp({ config, stores, snapshot, logger, now: () => clock.now(), admin: { ops, verifier } }), 0, '127.0.0.1');
      close = async () => {
        await server.close();
        await verifier.close();
        await snapshot.stop();
        await stores.lifecycle.close();
      };
    }
    const configWith = async (): Promise<Config> => testConfig({ admin: { tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(token) }], console: { signInRateLimit: LIMIT } } });

    afterEach(async () => close?.());

    it('when colleagues at a shared office address sign in many times around a guessing burst, then their sign-ins pass until failures alone reach the limit', async () => {
      // A scrypt budget this test never reaches: only the sign-in limit is at work.
      await serve(await configWith(), 1_000);
      const office = () => from(server.url, OFFICE);
      // A morning of sign-ins from the office: more than the limit, all successful.
      expect(await statuses(LIMIT + 2, () => office().signIn(token))).toEqual(Array(LIMIT + 2).fill(303));
      // Someone at the same address guesses, and a flood comes from elsewhere.
      expect(await statuses(LIMIT - 1, () => office().signIn(wrong()))).toEqual(Array(LIMIT - 1).fill(401));
      expect(await statuses(LIMIT + 3, () => from(server.url, ELSEWHERE).signIn(wrong()))).toEqual([...Array(LIMIT).fill(401), 429, 429, 429]);
      // The real operator still signs in: neither successes nor other addresses' failures count here.
      expect(await statuses(LIMIT + 2, () => office().signIn(token))).toEqual(Array(LIMIT + 2).fill(303));
      // One more failure from the office reaches the limit; from then on that address waits out the minute.
      expect((await office().signIn(wrong())).status).toBe(401);
      const refused = await office().signIn(token);
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('Zbyt wiele zapytań');
      // Another address is not affected.
      expect((await from(server.url, THIRD).signIn(token)).status).toBe(303);
    });

    it('when the token checks are over the scrypt budget, then a sign-in is told to retry shortly and is not counted as a failure', async () => {
      // One check a second, and the fake clock never lets the budget refill until advanced.
      await serve(await configWith(), 1);
      const office = () => from(server.url, OFFICE);
      expect((await office().signIn(wrong())).status).toBe(401);
      const busy = await statuses(LIMIT + 1, () => office().signIn(wrong()));
      expect(busy).toEqual(Array(LIMIT + 1).fill(429));
      const answer = await office().signIn(token);
      expect(answer.status).toBe(429);
      expect(answer.text).toContain('Zbyt wiele zapytań');
      expect(answer.text).not.toContain('Nieprawidłowy token');
      clock.advance(5_000);
      // Only the one checked wrong token counted: the address is far from its limit.
      expect((await office().signIn(token)).status).toBe(303);
    });
  });

  describe('on two replicas sharing Redis', () => {
    let a: RunningApp;
    let b: RunningApp;

    beforeAll(async () => {
      const config = testConfig({
        server: { port: 0, host: '127.0.0.1' },
        store: { redisUrl: testRedisUrl(), keyPrefix: uniquePrefix(), snapshotFile: '' },
        admin: { tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(token) }], console: { signInRateLimit: LIMIT } },
        incidents: { autoOpen: false },
      });
      a = await startApp(config, { logger: createLogger('silent'), probing: false });
      b = await startApp(config, { logger: createLogger('silent'), probing: false });
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    it('when sign-ins succeed and fail on either replica, then only the failures count, and they count together', async () => {
      const on = (app: RunningApp, address = OFFICE) => from(app.url, address);
      // Successes on both replicas, more than the limit in all: none of them counts.
      for (const app of [a, b, a, b, a]) expect((await on(app).signIn(token)).status).toBe(303);
      // Failures split across the replicas add up in Redis.
      expect((await on(a).signIn(wrong())).status).toBe(401);
      expect((await on(b).signIn(wrong())).status).toBe(401);
      expect((await on(a).signIn(token)).status).toBe(303);
      expect((await on(b).signIn(wrong())).status).toBe(401);
      expect((await on(a).signIn(token)).status).toBe(429);
      expect((await on(b).signIn(token)).status).toBe(429);
      // Another address signs in on either replica.
      expect((await on(a, ELSEWHERE).signIn(token)).status).toBe(303);
      expect((await on(b, ELSEWHERE).signIn(token)).status).toBe(303);
    });
  });
});
