import { describe, it, expect } from 'vitest';
import { overallStatus } from '../../src/engine/overall.ts';
import type { ComponentState, ComponentStatus } from '../../src/domain/types.ts';

const comps = (statuses: ComponentStatus[]): ComponentState[] =>
  statuses.map((status, i) => ({ id: `c${i}`, status, since: 0, lastCheckedAt: null, reason: 'ok', rootCause: null }));

describe('overallStatus', () => {
  const cases: Array<[ComponentStatus[], boolean, ComponentStatus]> = [
    [[], false, 'operational'],
    [['operational', 'operational'], false, 'operational'],
    [['operational', 'unknown'], false, 'unknown'],
    [['unknown', 'degraded'], false, 'degraded'],
    [['degraded', 'maintenance', 'unknown'], false, 'maintenance'],
    [['maintenance', 'outage', 'operational'], false, 'outage'],
    [['outage', 'operational'], true, 'unknown'],
    [['operational'], true, 'unknown'],
  ];
  it.each(cases)('when components are %j and blind is %s, then overall is %s', (statuses, blind, expected) => {
    expect(overallStatus(comps(statuses), blind).status).toBe(expected);
  });

  it('when statuses repeat, then each is counted and absent ones are zero', () => {
    expect(overallStatus(comps(['outage', 'operational', 'outage', 'unknown']), true).counts).toEqual({
      operational: 1,
      degraded: 0,
      maintenance: 0,
      outage: 2,
      unknown: 1,
    });
  });
});
