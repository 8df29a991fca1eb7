import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { createStore } from '../../src/store/create.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { storeContract } from './contract.ts';

storeContract('MemoryStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ikp-memstore-'));
  const clock = new FakeClock(Date.now());
  const open = (): Promise<MemoryStore> => MemoryStore.open({ snapshotFile: join(dir, 'state.json'), clock });
  let store = await open();
  return {
    store,
    clock,
    // One process, one store: the "other replica" is the same instance.
    makePeer: async () => store,
    reopen: async () => {
      await store.close();
      store = await open();
      return store;
    },
    cleanup: async () => {
      await store.close();
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
    expect((await store.getComponentStates()).size).toBe(0);
    expect((await store.getProbeStates()).size).toBe(0);
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
    expect([...(await store.getComponentStates()).keys()]).toEqual(['ikp']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('when the snapshot predates transitions and windows, then it loads with empty history and no warning', async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(oldSnapshot), 'utf8');
    const warn = vi.fn();
    const store = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn } });
    expect([...(await store.getComponentStates()).keys()]).toEqual(['ikp']);
    expect(await store.getTransitions('ikp', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await store.getWindows()).toEqual([]);
    expect(await store.getOutbox()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('when there is no snapshot file yet, then the store opens empty without a warning', async () => {
    const warn = vi.fn();
    const store = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn } });
    expect((await store.getProbeStates()).size).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('when flushed concurrently, then the file is complete versioned JSON and no .tmp file is left', async () => {
    const store = await MemoryStore.open({ snapshotFile: file, clock });
    await store.setComponentStates([{ id: 'ikp', status: 'outage', since: 1, lastCheckedAt: 2, reason: 'timeout', rootCause: null }]);
    await Promise.all([store.flush(), store.flush(), store.flush()]);
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { version: number; savedAt: number; componentStates: unknown[] };
    expect(saved.version).toBe(1);
    expect(saved.savedAt).toBe(1_700_000_000_000);
    expect(saved.componentStates).toHaveLength(1);
  });

  it('when there is no snapshot file configured, then flush and close write nothing', async () => {
    const store = await MemoryStore.open({ snapshotFile: null, clock });
    await store.setProbeState({ probeId: 'p', status: 'up', consecutiveFailures: 0, consecutiveSuccesses: 1, consecutiveSlow: 0, consecutiveFast: 1, lastOk: true, lastReason: 'ok', lastCheckedAt: 1, since: 1 });
    await store.close();
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
    await store.addUptime('ikp', day, 'operational', 1, 3);
    await store.addUptime('ikp', '2025-03-07', 'outage', 1, 3);
    const days = (await store.getUptime('ikp', '2024-01-01', '2025-12-31')).map((b) => b.day);
    expect(days.includes(day)).toBe(kept);
  });
});

describe('createStore without a Redis URL', () => {
  it('when redisUrl is null, then the memory store is chosen', async () => {
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: new FakeClock(0) });
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });
});
