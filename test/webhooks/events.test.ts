import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { OPEN_ENDED_MAX_MS } from '../../src/domain/windows.ts';
import { maintenanceEdges } from '../../src/pipeline/maintenance-edges.ts';
import { componentChanged } from '../../src/domain/event-builders.ts';
import { T, window } from './fixtures.ts';

const H = 3_600_000;
const w = (extra: Partial<MaintenanceWindow>): MaintenanceWindow => ({ ...window, ...extra });
const edges = (windows: MaintenanceWindow[], from: number, to: number) => maintenanceEdges(windows, from, to).map((e) => `${e.type}:${(e.data as { window: { id: string } }).window.id}`);

describe('maintenance start and end events', () => {
  it.each([
    { name: 'a window starting within the span', windows: [w({ id: 'a' })], from: T - 1, to: T, expected: ['maintenance.started:a'] },
    { name: 'a window that started before the span', windows: [w({ id: 'a' })], from: T, to: T + 1, expected: [] },
    { name: 'a window ending within the span', windows: [w({ id: 'a', end: T + H })], from: T + H - 1, to: T + H, expected: ['maintenance.ended:a'] },
    { name: 'an open-ended window reaching its cap', windows: [w({ id: 'a', end: null })], from: T + OPEN_ENDED_MAX_MS - 1, to: T + OPEN_ENDED_MAX_MS, expected: ['maintenance.ended:a'] },
    { name: 'a cancelled window', windows: [w({ id: 'a', state: 'cancelled' })], from: T - 1, to: T, expected: [] },
    { name: 'a window its source withdrew mid-way', windows: [w({ id: 'a', state: 'withdrawn', updatedAt: T + H })], from: T + H - 1, to: T + H, expected: ['maintenance.ended:a'] },
    { name: 'a window withdrawn before it started', windows: [w({ id: 'a', state: 'withdrawn', updatedAt: T - H })], from: T - H - 1, to: T + 1, expected: [] },
  ])('when there is $name, then the events are $expected', ({ windows, from, to, expected }) => {
    expect(edges(windows, from, to)).toEqual(expected);
  });

  it('when the same edge is seen by two overlapping spans, then both produce the same event id (delivery claims dedupe it)', () => {
    const [a] = maintenanceEdges([window], T - 2, T);
    const [b] = maintenanceEdges([window], T - 1, T + 5);
    expect(a?.id).toBe(b?.id);
  });
});

describe('component change events', () => {
  it('when two replicas evaluate the same change at different instants, then the event ids match; a later change differs', () => {
    const prev = { id: 'ikp', status: 'operational' as const, since: T - H, lastCheckedAt: T, reason: 'ok' as const, rootCause: null };
    const next = { ...prev, status: 'outage' as const, reason: 'timeout' as const };
    expect(componentChanged(prev, { ...next, since: T }, T).id).toBe(componentChanged(prev, { ...next, since: T + 7 }, T + 7).id);
    expect(componentChanged({ ...next, since: T }, { ...prev, since: T + H }, T + H).id).not.toBe(componentChanged(prev, next, T).id);
  });
});
