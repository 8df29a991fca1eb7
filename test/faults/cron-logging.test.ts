import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { pollUntil } from '../helpers/poll.ts';

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
    // A run that ends only when the test lets it: every later fire overlaps it, whatever the machine's speed.
    let finish = (): void => undefined;
    const running = new Promise<void>((r) => (finish = r));
    scheduler.add({ name: 'slow', cron: '* * * * * *', leaseMs: 1_000, run: () => running });
    const fromCronLines = () => lines.map((l) => JSON.parse(l) as { source?: string; msg: string; level: number }).filter((l) => l.source === 'node-cron');
    const fromCron = await pollUntil('a node-cron warning', async () => (fromCronLines().length > 0 ? fromCronLines() : undefined), 10_000, 50);
    finish();
    expect(fromCron[0]!.msg).toMatch(/overlap/);
    expect(consoleCalls.map((c) => c.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
  }, 15_000);
});
