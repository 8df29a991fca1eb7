import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` on a machine with no internet: the shipped config runs inside a fresh
 * network namespace that has only loopback, so no packet can leave this machine.
 */
describe('npm start without internet', () => {
  it('when the default config runs with no network, then every component is unknown (monitor_offline), never outage', () => {
    const unshare = spawnSync('unshare', ['-n', 'true']);
    if (unshare.status !== 0) {
      throw new Error(`this test needs 'unshare -n' (util-linux, run as root) to simulate a machine without internet: ${unshare.stderr?.toString()}`);
    }
    const repo = process.cwd();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ikp-offline-'));
    const script = [
      'ip link set lo up',
      `cd ${dir}`,
      `CONFIG=${repo}/config/default.yaml PORT=18080 LOG_LEVEL=warn ${process.execPath} ${repo}/bin/ikp-status.js serve > ${dir}/app.log 2>&1 &`,
      'APP=$!',
      `${process.execPath} ${repo}/test/e2e/offline-poll.mjs http://127.0.0.1:18080/api/v1/status`,
      'kill -TERM $APP; wait $APP',
    ].join('\n');
    const out = execFileSync('unshare', ['-n', '--', 'sh', '-c', script], { timeout: 90_000 }).toString();
    const body = JSON.parse(out) as { monitor: { blind: boolean }; components: { id: string; status: string; reason: string }[] };
    expect(body.monitor.blind).toBe(true);
    expect(body.components.length).toBeGreaterThan(10);
    for (const c of body.components) {
      expect(c.status, c.id).toBe('unknown');
      expect(c.reason, c.id).toBe('monitor_offline');
    }
  }, 120_000);
});
