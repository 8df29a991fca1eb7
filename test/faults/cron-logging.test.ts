import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';

describe('node-cron\'s own messages', () => {
  let scheduler: Scheduler | null = null;
  afterEach(async () => {
    await scheduler?.stop(3_000);
    vi.restoreAllMocks();
  });

  it('when node-cron warns (a fire blocked by overlap prevention), then the line is JSON from our logger and nothing reaches the console', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    // Observing the console only: node-cron's default logger writes there.
    const consoleCalls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    scheduler = new Scheduler({ logger: createLogger('info', sink), concurrency: 2, now: () => Date.now() });
    scheduler.add({ name: 'slow', cron: '* * * * * *', leaseMs: 1_000, run: () => new Promise((r) => setTimeout(r, 2_500)) });
    await new Promise((r) => setTimeout(r, 3_500));
    const fromCron = lines.map((l) => JSON.parse(l) as { source?: string; msg: string; level: number }).filter((l) => l.source === 'node-cron');
    expect(fromCron.length).toBeGreaterThan(0);
    expect(fromCron[0]!.msg).toMatch(/overlap/);
    expect(consoleCalls.map((c) => c.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
  }, 15_000);
});
