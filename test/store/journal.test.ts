import { appendFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/types.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { MemoryStore } from '../../src/store/memory/store.ts';
import { maintenanceWindow } from './contract/fixture.ts';
import { incident } from './contract/fixture.ts';

const clock = new FakeClock(Date.parse('2026-03-28T12:00:00+01:00'));
const audit = (id: string): AuditEntry => ({ id, at: clock.now(), actor: 'alice', role: 'operator', action: 'incident.create', target: { kind: 'incident', id: 'i1' }, before: null, after: null });

describe('MemoryStore journal (issue 10 item 10)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ikp-journal-'));
    file = join(dir, 'state.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('when operator writes resolve and the process dies before any flush, then a new store finds every one of them', async () => {
    const crashed = await MemoryStore.open({ snapshotFile: file, clock });
    await crashed.operator.saveIncident(incident('i1'), 0);
    await crashed.operator.saveIncident(incident('i1', { version: 2, state: 'identified' }), 1);
    await crashed.operator.putOverride({ component: 'ikp', status: 'outage', reason: 'r', createdBy: 'alice', createdAt: 1, expiresAt: clock.now() + 3_600_000 });
    await crashed.operator.putOverride({ component: 'login-gov', status: 'outage', reason: 'r', createdBy: 'alice', createdAt: 1, expiresAt: clock.now() + 3_600_000 });
    await crashed.operator.deleteOverride('login-gov');
    await crashed.windows.putWindows([maintenanceWindow('w1')]);
    await crashed.operator.addReclassification({ id: 'r1', component: 'ikp', from: 1, to: 2, reason: 'x', createdBy: 'alice', createdAt: 3, movedSeconds: 0, transitionsWritten: 0 });
    await crashed.operator.appendAudit(audit('a1'), 100);
    // Never closed or flushed: as after kill -9.
    const reopened = await MemoryStore.open({ snapshotFile: file, clock });
    expect(await reopened.operator.getIncident('i1')).toMatchObject({ version: 2, state: 'identified' });
    expect((await reopened.operator.getOverrides()).map((o) => o.component)).toEqual(['ikp']);
    expect((await reopened.windows.getWindows()).map((w) => w.id)).toEqual(['w1']);
    expect((await reopened.operator.getReclassifications()).map((r) => r.id)).toEqual(['r1']);
    expect((await reopened.operator.getAudit(10)).map((a) => a.id)).toEqual(['a1']);
    await reopened.lifecycle.close();
  });

  it('when 200 writes are made at once, then every one is durable (they share fsyncs)', async () => {
    const store = await MemoryStore.open({ snapshotFile: file, clock });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.operator.appendAudit(audit(`a${i}`), 1_000)));
    const reopened = await MemoryStore.open({ snapshotFile: file, clock });
    expect(await reopened.operator.getAudit(1_000)).toHaveLength(200);
    await reopened.lifecycle.close();
  });

  it('when the last journal line was cut short by a crash, then the earlier entries load and the app still opens', async () => {
    const store = await MemoryStore.open({ snapshotFile: file, clock });
    await store.operator.saveIncident(incident('i1'), 0);
    await appendFile(`${file}.journal`, '{"op":"incident","incident":{"id":"i2"');
    const warnings: string[] = [];
    const reopened = await MemoryStore.open({ snapshotFile: file, clock, logger: { warn: (_o, m) => void warnings.push(m) } });
    expect((await reopened.operator.getIncidents()).map((i) => i.id)).toEqual(['i1']);
    expect(warnings.some((w) => w.includes('cut short'))).toBe(true);
    await reopened.lifecycle.close();
  });

  it('when the store flushes, then the journal is compacted into the snapshot and replaying never duplicates audit rows', async () => {
    const store = await MemoryStore.open({ snapshotFile: file, clock });
    await store.operator.appendAudit(audit('a1'), 100);
    await store.lifecycle.flush();
    expect((await readdir(dir)).sort()).toEqual(['state.json']);
    await store.operator.appendAudit(audit('a2'), 100);
    const reopened = await MemoryStore.open({ snapshotFile: file, clock });
    expect((await reopened.operator.getAudit(10)).map((a) => a.id)).toEqual(['a2', 'a1']);
    // Opening compacts what it replayed.
    expect((await readdir(dir)).sort()).toEqual(['state.json']);
    await reopened.lifecycle.close();
  });
});

describe('MemoryStore journal when a flush fails (issue 10 item 10)', () => {
  it('when a snapshot write fails after the journal was rotated, then the next rotation keeps both generations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ikp-journal-fail-'));
    const file = join(dir, 'state.json');
    try {
      const store = await MemoryStore.open({ snapshotFile: file, clock });
      await store.operator.appendAudit(audit('a1'), 100);
      // A directory where the temp file must go makes the snapshot write fail after the rotation.
      await mkdir(`${file}.tmp`);
      await expect(store.lifecycle.flush()).rejects.toThrow();
      await store.operator.appendAudit(audit('a2'), 100);
      await expect(store.lifecycle.flush()).rejects.toThrow();
      await rm(`${file}.tmp`, { recursive: true });
      const recovered = await MemoryStore.open({ snapshotFile: file, clock });
      expect((await recovered.operator.getAudit(10)).map((a) => a.id)).toEqual(['a2', 'a1']);
      await recovered.lifecycle.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
