import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { operatorTick } from '../../src/pipeline/operator-tick.ts';
import { createStore } from '../../src/store/create.ts';
import { testConfig } from '../helpers/config.ts';

const DAY = 86_400_000;
// On the hour, so this tick is the hourly one that prunes.
const NOW = Date.parse('2026-11-22T10:00:00Z');

const win = (id: string, end: number): MaintenanceWindow => ({
  id,
  source: 'pacjent-notices',
  noticeKey: id,
  kind: 'maintenance',
  components: ['ikp'],
  start: end - 3_600_000,
  end,
  title: '',
  text: '',
  link: null,
  publishedAt: null,
  firstSeenAt: end - DAY,
  lastSeenAt: end,
  updatedAt: end,
  state: 'withdrawn',
});

describe('operatorTick pruning', () => {
  it.each([
    ['on the hour', NOW, ['recent']],
    ['mid-hour', NOW + 20 * 60_000, ['old', 'recent']],
  ])('when the tick runs %s, then windows older than the uptime history are pruned only on the hourly tick', async (_when, now, kept) => {
    const config = testConfig();
    const clock = new FakeClock(now);
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
    await store.windows.putWindows([win('old', NOW - (config.store.uptimeDays + 1) * DAY), win('recent', NOW - 10 * DAY)]);
    await operatorTick({ config, stores: store, clock, logger: createLogger('silent') }, [], 15_000);
    expect((await store.windows.getWindows()).map((w) => w.id).sort()).toEqual(kept);
    await store.lifecycle.close();
  });
});
