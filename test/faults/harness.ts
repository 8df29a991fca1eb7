import { Writable } from 'node:stream';
import type { Express } from 'express';
import type { OperatorDeps } from '../../src/admin/context.ts';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { TokenVerifier } from '../../src/auth/verifier.ts';
import type { ConfigInput } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger, type Logger } from '../../src/logging/logger.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import type { Stores } from '../../src/store/ports.ts';
import { createWebApp } from '../../src/web/app.ts';
import type { TriageWebOptions } from '../../src/web/deps.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import { testConfig } from '../helpers/config.ts';
import { memoryStores } from '../helpers/stores.ts';

/** The whole web app (public faces and the admin API) with its log captured. */
export interface FaultApp {
  app: Express;
  stores: Stores;
  snapshot: StatusSnapshot;
  clock: FakeClock;
  /** A valid operator token and its Authorization header. */
  token: string;
  auth: string;
  /** Everything the logger wrote, as text. */
  log(): string;
  /** Every line the logger wrote, parsed. */
  lines(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts the app over `store` (a fresh memory store by default), logging at `level` into memory. */
export async function faultApp(opts: { stores?: Stores; level?: string; config?: Partial<ConfigInput>; triage?: TriageWebOptions } = {}): Promise<FaultApp> {
  const token = generateToken();
  const cfg = testConfig({ ...opts.config, admin: { ...opts.config?.admin, tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(token) }] } });
  const clock = new FakeClock(Date.parse('2026-03-28T12:00:00+01:00'));
  let out = '';
  const logger: Logger = createLogger(opts.level ?? 'info', new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) }));
  const store = opts.stores ?? (await memoryStores(clock));
  const sink = { emit: () => undefined };
  const ops: OperatorDeps = { config: cfg, stores: store, clock, events: sink, reevaluate: () => reevaluate({ config: cfg, stores: store, clock, logger, events: sink }) };
  const snapshot = new StatusSnapshot({ config: cfg, stores: store, logger, now: () => clock.now() });
  await snapshot.start();
  const app = createWebApp({ config: cfg, stores: store, snapshot, logger, now: () => clock.now(), triage: opts.triage, admin: { ops, verifier: new TokenVerifier(cfg.admin.tokens) } });
  return {
    app,
    stores: store,
    snapshot,
    clock,
    token,
    auth: `Bearer ${token}`,
    log: () => out,
    lines: () => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    close: async () => {
      await snapshot.stop();
      await store.lifecycle.close();
    },
  };
}
