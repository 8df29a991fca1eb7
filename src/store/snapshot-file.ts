import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ComponentState, ComponentStatus, MaintenanceWindow, ProbeResult, ProbeState, StatusTransition } from '../domain/types.ts';
import type { OperatorSnapshot } from './memory-operator.ts';

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

// Structural check only: entries were written by this code, the check guards against truncation and foreign files.
const snapshotSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  results: z.record(z.string(), z.array(z.looseObject({ probeId: z.string(), at: z.number() }))),
  probeStates: z.array(z.looseObject({ probeId: z.string(), status: z.string() })),
  componentStates: z.array(z.looseObject({ id: z.string(), status: z.string() })),
  uptime: z.record(z.string(), z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.record(z.string(), z.number()))),
  // Defaulted so version-1 snapshots written before history existed still load.
  transitions: z.record(z.string(), z.array(z.looseObject({ component: z.string(), at: z.number(), status: z.string() }))).default({}),
  windows: z.array(z.looseObject({ id: z.string(), start: z.number(), end: z.number().nullable(), updatedAt: z.number() })).default([]),
  // Operator data: defaulted so snapshots written before it existed still load.
  incidents: z.array(z.looseObject({ id: z.string(), version: z.number(), updates: z.array(z.looseObject({ at: z.number() })) })).default([]),
  overrides: z.array(z.looseObject({ component: z.string(), expiresAt: z.number() })).default([]),
  reclassifications: z.array(z.looseObject({ id: z.string(), component: z.string() })).default([]),
  audit: z.array(z.looseObject({ id: z.string(), at: z.number(), action: z.string() })).default([]),
  outbox: z
    .array(z.looseObject({ id: z.string(), webhookId: z.string(), event: z.looseObject({ id: z.string(), type: z.string() }), attempts: z.number(), nextAttemptAt: z.number(), claimedUntil: z.number() }))
    .default([]),
});

/** Minimal logger the stores accept (pino-compatible). */
export interface StoreLogger {
  warn(obj: object, msg: string): void;
}

/** Reads a snapshot; a missing file yields null, an unreadable or invalid one is logged and yields null. */
export async function readSnapshot(file: string, logger?: StoreLogger): Promise<MemorySnapshot | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger?.warn({ err, file }, 'memory store snapshot unreadable; starting empty');
    }
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    logger?.warn({ err, file }, 'memory store snapshot is not valid JSON; starting empty');
    return null;
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    logger?.warn({ issues: parsed.error.issues.slice(0, 5), file }, 'memory store snapshot has an unexpected shape; starting empty');
    return null;
  }
  return parsed.data as unknown as MemorySnapshot;
}

/** Writes a snapshot atomically: to `<file>.tmp`, then renamed over `file` (creating the directory). */
export async function writeSnapshot(file: string, snapshot: MemorySnapshot): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, JSON.stringify(snapshot), 'utf8');
  await rename(tmp, file);
}
