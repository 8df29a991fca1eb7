import { Writable } from 'node:stream';
import type { Express } from 'express';
import type { Config } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentState, MaintenanceWindow, StatusTransition } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { createWebApp } from '../../src/web/app.ts';
import { type WebDeps } from '../../src/web/deps.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';

/** A real app over the embedded store, with a fake clock and every log line captured. */
export interface Harness {
  app: Express;
  stores: Stores;
  clock: FakeClock;
  snapshot: StatusSnapshot;
  logs: string[];
  triaged: string[];
  /** Replaces component states (others keep theirs) and rebuilds the snapshot. */
  setStates(states: ComponentState[]): Promise<void>;
  putWindows(windows: MaintenanceWindow[]): Promise<void>;
  addTransitions(transitions: StatusTransition[]): Promise<void>;
  close(): Promise<void>;
}

/** A component state at `since` (checked 30 s before the clock). */
export function stateOf(id: string, status: ComponentState['status'], reason: ComponentState['reason'] = status === 'operational' ? 'ok' : 'http_status', since = 0, rootCause: string | null = null): ComponentState {
  return { id, status, reason, rootCause, since, lastCheckedAt: since };
}

/** Starts the harness with every configured component operational. */
export async function startHarness(config: Config, now: number, triage: WebDeps['triage'] = { rateLimit: { windowMs: 60_000, limit: 100_000 } }): Promise<Harness> {
  const clock = new FakeClock(now);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const logger = createLogger('trace', sink);
  const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
  // Checked 30 s before the clock: the public state only trusts fresh data.
  const fresh = (s: ComponentState): ComponentState => ({ ...s, lastCheckedAt: s.reason === 'no_data' ? null : clock.now() - 30_000 });
  await store.results.setComponentStates(config.components.map((c) => fresh(stateOf(c.id, 'operational', 'ok', now - 3_600_000))));
  const snapshot = new StatusSnapshot({ config, stores: store, logger, now: () => clock.now() });
  await snapshot.start();
  const triaged: string[] = [];
  const app = createWebApp({ config, stores: store, snapshot, logger, now: () => clock.now(), triage: { ...triage, onTriage: (c) => triaged.push(c) } });
  return {
    app,
    stores: store,
    clock,
    snapshot,
    logs,
    triaged,
    async setStates(states) {
      await store.results.setComponentStates(states.map(fresh));
      await snapshot.rebuild();
    },
    async putWindows(windows) {
      await store.windows.putWindows(windows);
      await snapshot.rebuild();
    },
    addTransitions: (t) => store.history.addTransitions(t, 100),
    async close() {
      await snapshot.stop();
      await store.lifecycle.close();
    },
  };
}
