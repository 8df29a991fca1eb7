import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ComponentState, ComponentStatus, MaintenanceWindow, ProbeResult, ProbeState, StatusTransition } from '../../domain/types.ts';
import type { StoreLogger } from '../logger.ts';
import type { OperatorSnapshot } from './ops.ts';

export type { StoreLogger };

/** On-disk form of the memory store (a clean restart must not lose state). */
export interface MemorySnapshot extends OperatorSnapshot {
  version: 1;
  savedAt: number;
  /** Newest-first results per probe id. */
  results: Record<string, ProbeResult[]>;
  probeStates: ProbeState[];
  componentStates: ComponentState[];
  /** component -> day -> status -> seconds. */
  uptime: Record<string, Record<string, Record<ComponentStatus, number>>>;
  /** component -> transitions, oldest first (read as empty from snapshots that predate it). */
  transitions: Record<string, StatusTransition[]>;
  /** Read as empty from snapshots that predate it. */
  windows: MaintenanceWindow[];
}

// Structural check only: each record is validated on its own when loaded (records.ts), so one
// malformed record is quarantined instead of discarding the whole file.
const list = z.array(z.unknown()).default([]);
const snapshotSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  results: z.record(z.string(), z.array(z.unknown())),
  probeStates: z.array(z.unknown()),
  componentStates: z.array(z.unknown()),
  uptime: z.record(z.string(), z.record(z.string(), z.unknown())),
  // Defaulted so version-1 snapshots written before these existed still load.
  transitions: z.record(z.string(), z.array(z.unknown())).default({}),
  windows: list,
  incidents: list,
  overrides: list,
  reclassifications: list,
  audit: list,
  outbox: list,
  quarantine: list,
});

/** A snapshot as read from disk: containers checked, records not yet validated. */
export type RawSnapshot = z.infer<typeof snapshotSchema>;


/**
 * Reads a snapshot; a missing file yields null. A file that cannot be parsed is kept aside as
 * `<file>.corrupt-<time>` (the evidence an operator needs) with an error log line, and null is
 * returned so the app starts; a later flush then writes a fresh file.
 */
export async function readSnapshot(file: string, logger: StoreLogger | undefined, now: number): Promise<RawSnapshot | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    logger?.warn({ err, file }, 'memory store snapshot unreadable; starting empty');
    return null;
  }
  let problem: object;
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    problem = { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) };
  } catch (err) {
    problem = { err };
  }
  const aside = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  (logger?.error ?? logger?.warn)?.call(logger, { ...problem, file, keptAs: aside }, 'memory store snapshot is corrupt: kept aside, starting empty');
  return null;
}

/** Writes a snapshot atomically and durably: to `<file>.tmp`, fsync'd, renamed over `file`, and the directory fsync'd. */
export async function writeSnapshot(file: string, snapshot: MemorySnapshot): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(snapshot), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await syncDir(dir);
}

/** Makes a rename in `dir` durable (where the platform allows opening a directory). */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
