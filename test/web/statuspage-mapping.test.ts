import { describe, expect, it } from 'vitest';
import { COMPONENT_STATUSES, type ComponentStatus } from '../../src/domain/types.ts';
import type { IncidentView } from '../../src/status/incident-view.ts';
import { COMPONENT_STATUS, maintenanceStatus, pageIndicator, STATUS_INDICATOR, type SpIndicator } from '../../src/web/statuspage/mapping.ts';

const NOW = Date.parse('2026-01-27T20:30:00Z');

describe('Statuspage mapping', () => {
  it.each([
    ['operational', 'operational', 'none'],
    ['degraded', 'degraded_performance', 'minor'],
    ['outage', 'major_outage', 'major'],
    ['maintenance', 'under_maintenance', 'maintenance'],
    ['unknown', 'degraded_performance', 'minor'],
  ] as const)('when our status is %s, then the component status is %s and the page indicator %s', (ours, component, indicator) => {
    expect(COMPONENT_STATUS[ours]).toBe(component);
    expect(STATUS_INDICATOR[ours]).toBe(indicator);
  });

  it('when every status of ours is mapped, then the table has no gap', () => {
    expect(Object.keys(COMPONENT_STATUS).sort()).toEqual([...COMPONENT_STATUSES].sort());
  });

  const inc = (impact: IncidentView['impact'], state: IncidentView['state']): IncidentView => ({
    id: `${impact}-${state}`,
    title: { pl: 'x' },
    impact,
    state,
    components: [],
    createdAt: '2026-01-27T20:00:00Z',
    updatedAt: '2026-01-27T20:00:00Z',
    resolvedAt: null,
    updates: [],
  });

  it.each<[ComponentStatus, IncidentView[], SpIndicator]>([
    ['operational', [], 'none'],
    ['maintenance', [], 'maintenance'],
    ['operational', [inc('minor', 'investigating')], 'minor'],
    ['maintenance', [inc('minor', 'investigating')], 'minor'],
    ['degraded', [inc('critical', 'identified')], 'critical'],
    ['outage', [inc('minor', 'monitoring')], 'major'],
    ['operational', [inc('critical', 'resolved')], 'none'],
    ['operational', [inc('major', 'resolved'), inc('minor', 'identified')], 'minor'],
  ])('when the headline is %s with incidents %o, then the indicator is %s', (overall, incidents, expected) => {
    expect(pageIndicator(overall, incidents)).toBe(expected);
  });

  it.each([
    ['in force now', { start: '2026-01-27T20:00:00Z', effectiveEnd: '2026-01-27T22:00:00Z', active: true }, 'in_progress'],
    ['still to come', { start: '2026-01-28T20:00:00Z', effectiveEnd: '2026-01-28T22:00:00Z', active: false }, 'scheduled'],
    ['over', { start: '2026-01-26T20:00:00Z', effectiveEnd: '2026-01-26T22:00:00Z', active: false }, 'completed'],
  ] as const)('when a window is %s, then the maintenance status is %s', (_what, w, expected) => {
    expect(maintenanceStatus(w, NOW)).toBe(expected);
  });
});
