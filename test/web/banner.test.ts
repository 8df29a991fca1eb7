import { describe, expect, it } from 'vitest';
import type { ComponentStatus } from '../../src/domain/types.ts';
import { bannerFor, staleAfterMs, type BannerKind } from '../../src/web/page/banner.ts';
import type { IncidentImpact, IncidentState, IncidentView } from '../../src/web/page/incident-view.ts';
import type { ComponentView, StatusView } from '../../src/web/status-view.ts';

const NOW = Date.parse('2026-01-27T20:30:00Z');
const STALE_MS = 180_000;

const component = (id: string, status: ComponentStatus): ComponentView => ({
  id,
  kind: 'service',
  name: { pl: id, en: id },
  homepage: null,
  status,
  since: null,
  lastCheckedAt: new Date(NOW - 30_000).toISOString(),
  reason: status === 'operational' ? 'ok' : 'http_status',
  rootCause: null,
  dependsOn: [],
});

const incident = (impact: IncidentImpact, state: IncidentState): IncidentView => ({
  id: `inc-${impact}-${state}`,
  title: { pl: 'Problem z logowaniem' },
  impact,
  state,
  components: ['ikp'],
  createdAt: new Date(NOW - 600_000).toISOString(),
  updatedAt: new Date(NOW - 60_000).toISOString(),
  resolvedAt: state === 'resolved' ? new Date(NOW - 60_000).toISOString() : null,
  updates: [],
});

const view = (statuses: ComponentStatus[], opts: { blind?: boolean; lastCheckedAgoMs?: number | null } = {}): Pick<StatusView, 'components' | 'monitor'> => {
  const ago = opts.lastCheckedAgoMs === undefined ? 30_000 : opts.lastCheckedAgoMs;
  return {
    components: statuses.map((s, i) => component(`c${i}`, s)),
    monitor: { blind: opts.blind ?? false, lastCheckedAt: ago === null ? null : new Date(NOW - ago).toISOString() },
  };
};

describe('bannerFor', () => {
  const cases: [string, ReturnType<typeof view>, IncidentView[], BannerKind, string[]][] = [
    ['everything operational and fresh', view(['operational', 'operational']), [], 'ok', []],
    ['one component in outage', view(['operational', 'outage']), [], 'outage', ['c1']],
    ['one component in maintenance', view(['maintenance', 'operational']), [], 'maintenance', ['c0']],
    ['outage and maintenance together', view(['maintenance', 'outage']), [], 'outage', ['c1']],
    ['one component slow', view(['degraded', 'operational']), [], 'degraded', ['c0']],
    ['one component unknown', view(['unknown', 'operational']), [], 'partial', ['c0']],
    ['all operational but a minor incident open', view(['operational']), [incident('minor', 'investigating')], 'incident', []],
    ['all operational but a major incident open', view(['operational']), [incident('major', 'identified')], 'outage', []],
    ['all operational, an incident in monitoring', view(['operational']), [incident('critical', 'monitoring')], 'outage', []],
    ['all operational and the only incident resolved', view(['operational']), [incident('critical', 'resolved')], 'ok', []],
    ['maintenance and a minor incident open', view(['maintenance']), [incident('minor', 'investigating')], 'maintenance', ['c0']],
    ['the monitor blind', view(['unknown', 'unknown'], { blind: true }), [], 'blind', []],
    ['blind while an outage is stored', view(['outage'], { blind: true }), [], 'blind', []],
    ['the last check older than the stale limit', view(['operational'], { lastCheckedAgoMs: STALE_MS + 1 }), [], 'blind', []],
    ['no check ever', view(['operational'], { lastCheckedAgoMs: null }), [], 'blind', []],
    ['the last check just within the stale limit', view(['operational'], { lastCheckedAgoMs: STALE_MS }), [], 'ok', []],
  ];

  it.each(cases)('when %s, then the banner is the matching kind', (_what, v, incidents, kind, components) => {
    const b = bannerFor(v, incidents, NOW, STALE_MS);
    expect(b.kind).toBe(kind);
    expect(b.components).toEqual(components);
  });

  it.each(cases.filter(([, v, incidents]) => v.components.some((c) => c.status !== 'operational') || incidents.some((i) => i.state !== 'resolved')))(
    'when %s, then it never says everything works',
    (_what, v, incidents) => {
      expect(bannerFor(v, incidents, NOW, STALE_MS).kind).not.toBe('ok');
    },
  );

  it('when an incident is open, then the banner names it', () => {
    const open = incident('major', 'investigating');
    expect(bannerFor(view(['operational']), [open, incident('minor', 'resolved')], NOW, STALE_MS).incidents).toEqual([open.id]);
  });
});

describe('staleAfterMs', () => {
  it.each([
    [[60_000, 300_000], 3, 900_000],
    [[5_000], 3, 60_000],
    [[], 3, 60_000],
  ])('when probes run every %o ms and staleAfterIntervals is %i, then the page calls data stale after %i ms', (intervals, n, expected) => {
    expect(staleAfterMs({ engine: { staleAfterIntervals: n }, probes: intervals.map((interval) => ({ interval })) })).toBe(expected);
  });
});
