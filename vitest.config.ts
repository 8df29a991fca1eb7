import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { ALL_TESTS, asGlob, INTEGRATION, SYSTEM } from './test/setup/lanes.ts';

/*
 * Three lanes (vitest projects); `npm test` runs all of them in one `vitest run`, and
 * `npm run test:unit|test:integration|test:system` runs one.
 *
 * - unit: no Redis, no browser, no spawned process, no Debian package. In-process HTTP servers
 *   on loopback (supertest, test/helpers/upstream.ts, the demo simulator, startApp on the
 *   memory store) are allowed while the file stays quick: it drives a clock instead of waiting
 *   out real intervals, and sends tens of requests, not thousands. The lane has no global
 *   setup: it installs and starts nothing. Its files share worker processes (isolate: false:
 *   the house keeps no module-level singletons), which saves re-importing the app per file,
 *   and use every core; it runs before the other lanes, so `npm test` fails fast.
 * - integration: needs Redis, or runs the app in process under real time or load (faults,
 *   floods, fuzzing). Its global setup installs redis-server when missing and starts one.
 * - system: spawns the app, the CLI, Prometheus, python validators, docker-compose or a network
 *   namespace, or drives Chromium. Its global setup installs all of those (one apt-get run)
 *   and starts its own redis-server.
 *
 * Which file is in which lane is listed in test/setup/lanes.ts; test/setup/lanes.test.ts (a
 * unit test) fails when a file uses something its lane does not provide. Vitest runs the
 * projects' global setups one after another, and test/helpers/debian.ts holds a lock file
 * around apt-get, so installs never race for the dpkg lock.
 */
export default defineConfig({
  test: {
    // Budgets for a hung test, not speed claims: scrypt sign-ins and app start-ups on a loaded
    // 2-core machine took over 30 s. A test that waits for something passes as soon as it holds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [ALL_TESTS],
          exclude: [...INTEGRATION, ...SYSTEM].map(asGlob),
          isolate: false,
          maxWorkers: availableParallelism(),
          // Projects with different maxWorkers run as separate groups, in this order.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: INTEGRATION.map(asGlob), globalSetup: ['test/setup/integration.ts'], sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'system', include: SYSTEM.map(asGlob), globalSetup: ['test/setup/system.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
