import type { Express } from 'express';
import type { Config } from '../../src/config/schema.ts';
import type { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { Stores } from '../../src/store/ports.ts';
import { createWebApp } from '../../src/web/app.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';

/** The web app over an already seeded store, not listening. */
export interface TestWebApp {
  snapshot: StatusSnapshot;
  app: Express;
  /** Stops the snapshot and closes the store. */
  close(): Promise<void>;
}

/** Builds the snapshot (fully rebuilt from the store's current content) and the express app on top. */
export async function webAppOver(stores: Stores, config: Config, clock: FakeClock): Promise<TestWebApp> {
  const logger = createLogger('silent');
  const snapshot = new StatusSnapshot({ config, stores, logger, now: () => clock.now() });
  await snapshot.start();
  await snapshot.rebuild();
  const app = createWebApp({ config, stores, snapshot, logger, now: () => clock.now() });
  return {
    snapshot,
    app,
    close: async () => {
      await snapshot.stop();
      await stores.lifecycle.close();
    },
  };
}
