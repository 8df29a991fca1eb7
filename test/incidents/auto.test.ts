import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentState, ComponentStatus } from '../../src/domain/types.ts';
import { autoIncidentId, planAutoIncidents } from '../../src/incidents/auto.ts';
import { openIncident } from '../../src/incidents/lifecycle.ts';
import type { Incident } from '../../src/incidents/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { runAutoIncidents } from '../../src/pipeline/auto-incidents.ts';
import { testConfig } from '../helpers/config.ts';
import { memoryStores } from '../helpers/stores.ts';

const T = 1_700_000_000_000;
const MIN = 60_000;
const state = (id: string, status: ComponentStatus, sinceMinAgo: number, rootCause: string | null = null): ComponentState => ({
  id,
  status,
  since: T - sinceMinAgo * MIN,
  lastCheckedAt: T,
  reason: status === 'operational' ? 'ok' : 'timeout',
  rootCause,
});
const incident = (id: string, components: string[], extra: Partial<Incident> = {}): Incident => ({
  ...openIncident(id, { title: { pl: 't' }, body: { pl: 'b' }, impact: 'major', components }, { updateId: 'u', by: 'x', at: T - 60 * MIN }, extra.automatic ?? false),
  ...extra,
});

describe('planAutoIncidents', () => {
  it.each([
    { name: 'an outage shorter than the threshold', states: [state('ikp', 'outage', 9)], incidents: [], open: [], resolve: [] },
    { name: 'an outage at the threshold', states: [state('ikp', 'outage', 10)], incidents: [], open: ['ikp'], resolve: [] },
    { name: 'a degraded component', states: [state('ikp', 'degraded', 60)], incidents: [], open: [], resolve: [] },
    {
      name: 'an outage whose root cause is another outage',
      states: [state('login-gov', 'outage', 20), state('ikp', 'outage', 15, 'login-gov')],
      incidents: [],
      open: ['login-gov'],
      resolve: [],
    },
    { name: 'an outage explained by a maintenance upstream', states: [state('login-gov', 'maintenance', 20), state('ikp', 'outage', 15, 'login-gov')], incidents: [], open: [], resolve: [] },
    { name: 'an outage already covered by a person\'s open incident', states: [state('ikp', 'outage', 30)], incidents: [incident('human', ['ikp'])], open: [], resolve: [] },
    {
      name: 'an outage whose automatic incident a person resolved',
      states: [state('ikp', 'outage', 30)],
      incidents: [incident(autoIncidentId('ikp', T - 30 * MIN), ['ikp'], { automatic: true, state: 'resolved', resolvedAt: T - MIN })],
      open: [],
      resolve: [],
    },
    { name: 'a recovered component with an open automatic incident', states: [state('ikp', 'operational', 1)], incidents: [incident('auto-x', ['ikp'], { automatic: true })], open: [], resolve: ['auto-x'] },
    { name: 'a recovered component with a person\'s incident', states: [state('ikp', 'operational', 1)], incidents: [incident('human', ['ikp'])], open: [], resolve: [] },
    {
      name: 'an automatic incident with one component still down',
      states: [state('ikp', 'operational', 1), state('login-gov', 'unknown', 1)],
      incidents: [incident('auto-x', ['ikp', 'login-gov'], { automatic: true })],
      open: [],
      resolve: [],
    },
  ])('when there is $name, then it opens $open and resolves $resolve', ({ states, incidents, open, resolve }) => {
    const plan = planAutoIncidents(states, incidents, T, 10 * MIN);
    expect(plan.open.map((o) => o.component)).toEqual(open);
    expect(plan.resolve.map((r) => r.id)).toEqual(resolve);
  });

  it('when a root outage takes dependents down, then its incident lists them and its id names the outage start', () => {
    const plan = planAutoIncidents([state('login-gov', 'outage', 20), state('ikp', 'outage', 15, 'login-gov')], [], T, 10 * MIN);
    expect(plan.open).toEqual([{ id: `auto-login-gov-${T - 20 * MIN}`, component: 'login-gov', components: ['login-gov', 'ikp'], since: T - 20 * MIN }]);
  });
});

describe('automatic incidents over a fake clock', () => {
  it('when a component stays down past autoOpenAfter and then recovers, then one draft opens once and resolves itself, with audit rows', async () => {
    const clock = new FakeClock(T);
    const config = testConfig({ incidents: { autoOpenAfter: '10m' } });
    const store = await memoryStores(clock);
    const deps = { config, stores: store, clock, logger: createLogger('silent') };
    const down = [state('profil-zaufany', 'outage', 0)];
    await runAutoIncidents(deps, down);
    expect(await store.operator.getIncidents()).toEqual([]);
    clock.advance(10 * MIN);
    await runAutoIncidents(deps, down);
    await runAutoIncidents(deps, down);
    const [opened, ...more] = await store.operator.getIncidents();
    expect(more).toEqual([]);
    expect(opened).toMatchObject({ automatic: true, draft: true, state: 'investigating', components: ['profil-zaufany'], createdBy: 'system' });
    expect(opened?.title).toEqual({ pl: 'Profil Zaufany nie działa', en: 'Trusted Profile is down' });
    clock.advance(MIN);
    await runAutoIncidents(deps, [{ ...down[0]!, status: 'operational', reason: 'ok', since: clock.now() }]);
    const [resolved] = await store.operator.getIncidents();
    expect(resolved).toMatchObject({ state: 'resolved', resolvedAt: clock.now(), version: 2 });
    expect((await store.operator.getAudit(10)).map((a) => [a.action, a.actor])).toEqual([['incident.resolve', 'system'], ['incident.create', 'system']]);
  });

  it('when auto-opening is switched off, then nothing opens however long the outage', async () => {
    const clock = new FakeClock(T);
    const store = await memoryStores(clock);
    await runAutoIncidents({ config: testConfig({ incidents: { autoOpen: false } }), stores: store, clock, logger: createLogger('silent') }, [state('ikp', 'outage', 999)]);
    expect(await store.operator.getIncidents()).toEqual([]);
  });
});
