import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import { MemoryStore } from '../../src/store/memory/store.ts';
import { storeContract } from './contract/index.ts';

storeContract('MemoryStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ikp-memstore-'));
  const clock = new FakeClock(Date.now());
  const open = (): Promise<MemoryStore> => MemoryStore.open({ snapshotFile: join(dir, 'state.json'), clock });
  let store = await open();
  return {
    stores: store,
    clock,
    // One process, one store: the "other replica" is the same instance.
    makePeer: async () => store,
    reopen: async () => {
      await store.lifecycle.close();
      store = await open();
      return store;
    },
    cleanup: async () => {
      await store.lifecycle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

/** A version-1 snapshot written before transitions and windows existed. */
const oldSnapshot = {
  version: 1,
  savedAt: 0,
  results: {},
  probeStates: [],
  componentStates: [{ id: 'ikp', status: 'outage', since: 1, lastCheckedAt: 2, reason: 'timeout', rootCause: null }],
  uptime: {},
};

describe('MemoryStore snapshot file', () => {
  let dir: string;
  let file: string;
  const clock = new FakeClock(1_700_000_000_000);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ikp-memsnap-'));
    file = join(dir, 'nested', 'state.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    { name: 'not JSON', content: '{"version":1,"results":' },
    { name: 'empty', content: '' },
    { name: 'an unknown version', content: JSON.stringify({ version: 2, savedAt: 0, results: {}, probeStates: [], componentStates: [], uptime: {} }) },
    { name: 'the wrong shape', content: JSON.stringify({ version: 1, savedAt: 0, results: [], probeStates: {}, componentStates: [], uptime: {} }) },
  ])('when the snapshot file is $name, then the store opens empty, keeps the file aside and logs one error', async ({ content }) => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
    const warn = vi.fn();
    const error = vi.fn();
    const store = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn, error } });
    expect((await store.results.getComponentStates()).size).toBe(0);
    expect((await store.results.getProbeStates()).size).toBe(0);
    expect(error).toHaveBeenCalledTimes(1);
    const aside = (await readdir(dirname(file))).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dirname(file), aside[0]!), 'utf8')).toBe(content);
  });

  it.each([
    { name: 'a malformed uptime day', content: JSON.stringify({ ...oldSnapshot, uptime: { ikp: { yesterday: { operational: 1 } } } }) },
    { name: 'a transition without a time', content: JSON.stringify({ ...oldSnapshot, transitions: { ikp: [{ component: 'ikp', status: 'outage' }] } }) },
    { name: 'a window without an end', content: JSON.stringify({ ...oldSnapshot, windows: [{ id: 'w', start: 1, updatedAt: 1 }] }) },
  ])('when the snapshot file holds $name, then the rest loads and one warning is logged', async ({ content }) => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
    const warn = vi.fn();
    const store = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn } });
    expect([...(await store.results.getComponentStates()).keys()]).toEqual(['ikp']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('when the snapshot predates transitions and windows, then it loads with empty history and no warning', async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(oldSnapshot), 'utf8');
    const warn = vi.fn();
    const store = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn } });
    expect([...(await store.results.getComponentStates()).keys()]).toEqual(['ikp']);
    expect(await store.history.getTransitions('ikp', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await store.windows.getWindows()).toEqual([]);
    expect(await store.operator.getOutbox()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('when there is no snapshot file yet, then the store opens empty without a warning', async () => {
    const warn = vi.fn();
    const store = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn } });
    expect((await store.results.getProbeStates()).size).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('when flushed concurrently, then the file is complete versioned JSON and no .tmp file is left', async () => {
    const store = await MemoryStore.open({ snapshotFile: file, clock });
    await store.results.setComponentStates([{ id: 'ikp', status: 'outage', since: 1, lastCheckedAt: 2, reason: 'timeout', rootCause: null }]);
    await Promise.all([store.lifecycle.flush(), store.lifecycle.flush(), store.lifecycle.flush()]);
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; savedAt: number; componentStates: unknown[] };
    expect(saved.version).toBe(1);
    expect(saved.savedAt).toBe(1_700_000_000_000);
    expect(saved.componentStates).toHaveLength(1);
  });

  it('when there is no snapshot file configured, then flush and close write nothing', async () => {
    const store = await MemoryStore.open({ snapshotFile: null, clock });
    await store.results.setProbeState({ probeId: 'p', status: 'up', consecutiveFailures: 0, consecutiveSuccesses: 1, consecutiveSlow: 0, consecutiveFast: 1, lastOk: true, lastReason: 'ok', lastCheckedAt: 1, since: 1 });
    await store.lifecycle.close();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('MemoryStore uptime retention', () => {
  it.each([
    { day: '2025-03-07', kept: true },
    { day: '2025-03-04', kept: true },
    { day: '2025-03-03', kept: false },
    { day: '2024-12-31', kept: false },
  ])('when the newest day is 2025-03-07 and retainDays is 3, then $day kept=$kept', async ({ day, kept }) => {
    const store = await MemoryStore.open({ snapshotFile: null, clock: new FakeClock(0) });
    await store.history.addUptime('ikp', day, 'operational', 1, 3);
    await store.history.addUptime('ikp', '2025-03-07', 'outage', 1, 3);
    const days = (await store.history.getUptime('ikp', '2024-01-01', '2025-12-31')).map((b) => b.day);
    expect(days.includes(day)).toBe(kept);
  });
});

describe('createStore without a Redis URL', () => {
  it('when redisUrl is null, then the memory store is chosen, its local face is itself and it reports being up', async () => {
    const stores = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: new FakeClock(0) });
    expect(stores).toBeInstanceOf(MemoryStore);
    expect(stores.local.results).toBe(stores.results);
    const seen: boolean[] = [];
    stores.observeOutage({ availability: (up) => void seen.push(up), buffered: () => undefined, dropped: () => undefined, writtenBack: () => undefined, flushDetected: () => undefined });
    expect(seen).toEqual([true]);
    await stores.lifecycle.close();
  });
});

describe('MemoryStore leases', () => {
  it('when many one-off leases expire, then they are swept rather than kept for ever', async () => {
    const clock = new FakeClock(0);
    const store = await MemoryStore.open({ snapshotFile: null, clock });
    for (let i = 0; i < 3_000; i++) {
      expect(await store.coordination.acquireLease(`cron:probe:${i}`, 1_000)).toBe(true);
      clock.advance(10);
    }
    // Every lease older than one second has expired; a sweep keeps at most the live ones plus what came since.
    expect(store.coordination.leaseCount).toBeLessThan(1_200);
    expect(await store.coordination.acquireLease('cron:probe:2999', 1_000)).toBe(false);
  });
});
