import type { Express } from 'express';
import type { OperatorDeps } from '../../src/admin/context.ts';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { TokenVerifier } from '../../src/auth/verifier.ts';
import type { ConfigInput } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import { createWebApp } from '../../src/web/app.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import type { WebhookEvent } from '../../src/webhooks/types.ts';
import { testConfig } from '../helpers/config.ts';
import type { Stores } from '../../src/store/ports.ts';
import { memoryStores } from '../helpers/stores.ts';

/** 2026-03-28 12:00 in Warsaw (CET), the day before the spring DST change. */
export const T0 = Date.parse('2026-03-28T12:00:00+01:00');

/** An admin API app over a memory store and a fake clock, with an operator and a viewer token. */
export interface AdminHarness {
  app: Express;
  stores: Stores;
  clock: FakeClock;
  snapshot: StatusSnapshot;
  ops: OperatorDeps;
  /** Events handed to webhooks. */
  events: WebhookEvent[];
  operator: string;
  viewer: string;
  /** Authorization header values. */
  auth: { operator: string; viewer: string };
  close(): Promise<void>;
}

/** Starts the harness; `config` is merged into the test config (admin tokens are added). */
export async function adminHarness(config: Partial<ConfigInput> = {}): Promise<AdminHarness> {
  const operator = generateToken();
  const viewer = generateToken();
  const cfg = testConfig({
    ...config,
    admin: {
      ...config.admin,
      tokens: [
        { name: 'alice', role: 'operator', hash: await hashToken(operator) },
        { name: 'victor', role: 'viewer', hash: await hashToken(viewer) },
      ],
    },
  });
  const clock = new FakeClock(T0);
  const logger = createLogger('silent');
  const store = await memoryStores(clock);
  const events: WebhookEvent[] = [];
  const sink = { emit: (e: WebhookEvent) => void events.push(e) };
  const pipeline = { config: cfg, stores: store, clock, logger, events: sink };
  const ops: OperatorDeps = { config: cfg, stores: store, clock, events: sink, reevaluate: () => reevaluate(pipeline) };
  const snapshot = new StatusSnapshot({ config: cfg, stores: store, logger, now: () => clock.now() });
  await snapshot.start();
  const app = createWebApp({ config: cfg, stores: store, snapshot, logger, now: () => clock.now(), admin: { ops, verifier: new TokenVerifier(cfg.admin.tokens) } });
  return {
    app,
    stores: store,
    clock,
    snapshot,
    ops,
    events,
    operator,
    viewer,
    auth: { operator: `Bearer ${operator}`, viewer: `Bearer ${viewer}` },
    close: async () => {
      await snapshot.stop();
      await store.lifecycle.close();
    },
  };
}
