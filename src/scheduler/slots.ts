import { createHash } from 'node:crypto';

/** What a slot is computed from: a probe's id and its interval. */
export interface SlotInput {
  id: string;
  intervalMs: number;
}

/** A stable 32-bit number from an id (first four bytes of its SHA-256): the same on every replica and Node version. */
export function slotHash(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0);
}

/**
 * Gives each probe an offset (ms) inside its interval. Probes sharing an interval are ordered by
 * the hash of their id (ties broken by id) and rank r of n gets floor(r × interval / n): the slots
 * are spaced evenly, so no second holds more than ⌈n × 1000 / interval⌉ of them. A hash alone would
 * clump (birthday collisions); the rank keeps the spread exact and the hash keeps it independent
 * of the order probes are listed in. Every replica with the same config computes the same offsets.
 */
export function assignSlots(probes: readonly SlotInput[]): Map<string, number> {
  const byInterval = new Map<number, { id: string; hash: number }[]>();
  for (const p of probes) {
    const group = byInterval.get(p.intervalMs) ?? [];
    group.push({ id: p.id, hash: slotHash(p.id) });
    byInterval.set(p.intervalMs, group);
  }
  const offsets = new Map<string, number>();
  for (const [interval, group] of byInterval) {
    group.sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    group.forEach((p, rank) => offsets.set(p.id, Math.floor((rank * interval) / group.length)));
  }
  return offsets;
}

/**
 * The first fire time at or after `t`: fires are `k × interval + offset` on the epoch clock, so
 * replicas agree on them without talking, and the first one after a start is at most one interval away.
 */
export function nextSlotAtOrAfter(t: number, intervalMs: number, offsetMs: number): number {
  return Math.ceil((t - offsetMs) / intervalMs) * intervalMs + offsetMs;
}

/** The latest fire time at or before `t`. */
export function lastSlotAtOrBefore(t: number, intervalMs: number, offsetMs: number): number {
  return Math.floor((t - offsetMs) / intervalMs) * intervalMs + offsetMs;
}
