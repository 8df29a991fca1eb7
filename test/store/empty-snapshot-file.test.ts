import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import { MemoryStore } from '../../src/store/memory/store.ts';
import { incident } from './contract/fixture.ts';

const clock = new FakeClock(Date.parse('2026-12-07T14:05:00+01:00'));

describe('an embedded store given an empty snapshot file name (issue 21)', () => {
  const home = process.cwd();
  let dir: string;
  beforeEach(async () => {
    // The files an empty name wrote (`.tmp`, `.journal`, `.journal.1`) land in the working directory.
    dir = await mkdtemp(join(tmpdir(), 'ikp-empty-snapshot-'));
    process.chdir(dir);
  });
  afterEach(async () => {
    process.chdir(home);
    await rm(dir, { recursive: true, force: true });
  });

  it('when operator writes are made, flushed and the store closed, then no file is written and the writes are still readable until then', async () => {
    const store = await MemoryStore.open({ snapshotFile: '', clock });
    await store.operator.saveIncident(incident('i1'), 0);
    await store.operator.putOverride({ component: 'ikp', status: 'outage', reason: 'r', createdBy: 'alice', createdAt: 1, expiresAt: clock.now() + 3_600_000 });
    expect((await store.operator.getIncident('i1'))?.id).toBe('i1');
    await store.flush();
    await store.lifecycle.close();
    expect(await readdir(dir)).toEqual([]);
  });
});
