/**
 * Which test files run in which lane (vitest project). Read by vitest.config.ts and checked by
 * test/setup/lanes.test.ts against what each file actually uses (test/setup/uses.ts).
 *
 * - unit: everything not listed below. No Redis, no browser, no spawned process, no Debian
 *   package; in-process loopback servers (supertest, test/helpers/upstream.ts, the demo
 *   simulator, startApp on the memory store) are fine while the file stays quick: it drives a
 *   clock instead of waiting out real intervals, and sends tens of requests, not thousands.
 * - integration: needs Redis (the lane's own redis-server; a file may start its own
 *   redis-server to kill or freeze it), or runs the app in process under real time or load
 *   (fault injection, floods, fuzzing, scrypt sign-ins), which would break the unit lane's
 *   budget. No app or CLI process, browser, Prometheus or python.
 * - system: spawns the app, the CLI or a tool (Prometheus, promtool, python validators,
 *   docker-compose, `ip netns`), or drives Chromium; Redis is there too.
 *
 * Files are listed here rather than renamed to a lane suffix: the lists live in one place,
 * history and open branches keep their paths, and a file that lands in the wrong lane fails
 * the check with the line to add. Whole directories are listed where every file in them is
 * of that lane by nature (browser, CLI, end-to-end and face-over-the-demo tests).
 */

/** Integration files that use Redis (checked: each one does). */
export const INTEGRATION_REDIS: readonly string[] = [
  'test/console/replicas.test.ts',
  'test/console/sign-in-limit.test.ts',
  'test/faults/malformed-record.test.ts',
  'test/faults/records-unavailable.test.ts',
  'test/faults/store-buffer.test.ts',
  'test/faults/store-outage.test.ts',
  'test/faults/uptime-writeback.test.ts',
  'test/faults/webhook-starvation.test.ts',
  'test/pipeline/incremental.test.ts',
  'test/pipeline/maintenance-end.test.ts',
  'test/scheduler/replicas-redis.test.ts',
  'test/store/quarantine.test.ts',
  'test/store/redis-operator.test.ts',
  'test/store/redis.test.ts',
  'test/triage/rate-limit-redis.test.ts',
  'test/web/history-blind.test.ts',
  'test/webhooks/dispatcher.test.ts',
];

/**
 * Integration files that need no Redis but take seconds to tens of seconds even on a quiet
 * machine: real timeouts and floods against the app in process. A file moves back to the unit
 * lane once it drives a clock and keeps its request counts small.
 */
export const INTEGRATION_IN_PROCESS: readonly string[] = [
  'test/console/console.test.ts',
  'test/console/operator-flows.test.ts',
  'test/console/token-rotation.test.ts',
  'test/faults/auth-flood.test.ts',
  'test/faults/blind-edges.test.ts',
  'test/faults/cron-logging.test.ts',
  'test/faults/host-header.test.ts',
  'test/faults/hostile-upstream.test.ts',
  'test/faults/http-fuzz.test.ts',
  'test/faults/log-redaction.test.ts',
  'test/faults/parse-pool.test.ts',
  'test/faults/pesel-separators.test.ts',
  'test/triage/demo.test.ts',
  'test/triage/fuzz.test.ts',
];

/** Files (or `dir/**` directories) of the integration lane. */
export const INTEGRATION: readonly string[] = [...INTEGRATION_REDIS, ...INTEGRATION_IN_PROCESS];

/** Files (or `dir/**` directories) of the system lane. */
export const SYSTEM: readonly string[] = [
  'test/browser/**',
  'test/cli/**',
  'test/e2e/**',
  'test/faces/**',
  'test/admin/replicas.test.ts',
  'test/admin/tokens.test.ts',
  'test/faults/embedded-durability.test.ts',
  'test/faults/sse-caps.test.ts',
  'test/ops/logs-pesel.test.ts',
  'test/ops/metrics-endpoint.test.ts',
  'test/ops/prometheus-replicas.test.ts',
  'test/ops/prometheus-rules.test.ts',
  'test/ops/shutdown.test.ts',
  'test/probes/journey-browser.test.ts',
  'test/standards/blackbox-metrics.test.ts',
  'test/standards/called-off.test.ts',
  'test/standards/container.test.ts',
  'test/standards/feeds.test.ts',
  'test/standards/ical.test.ts',
  'test/standards/metric-series.test.ts',
  'test/standards/openapi.test.ts',
];

/** Every test file. */
export const ALL_TESTS = 'test/**/*.test.ts';

/** An entry as a vitest include/exclude glob: a directory entry covers its test files. */
export function asGlob(entry: string): string {
  return entry.endsWith('/**') ? `${entry}/*.test.ts` : entry;
}

/** Whether a path relative to the repository root (with `/`) is covered by a lane entry. */
export function covers(entry: string, file: string): boolean {
  return entry.endsWith('/**') ? file.startsWith(entry.slice(0, -2)) : file === entry;
}
