import { Statuspage } from 'statuspage.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { systemClock } from '../../src/domain/clock.ts';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import type { Incident } from '../../src/incidents/types.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startApp, type RunningApp } from '../../src/main.ts';
import { createStore } from '../../src/store/create.ts';
import { warsawIso } from '../../src/domain/warsaw.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Statuspage's page descriptions (Atlassian's documented top-level status strings). */
const DESCRIPTIONS = ['All Systems Operational', 'Minor Service Outage', 'Partial System Outage', 'Major System Outage', 'Service Under Maintenance'];
const URL_SAFE = /^[A-Za-z0-9_-]+$/;

type Sp = Record<string, unknown> & { id: string };

describe('the Statuspage v2 API read by the statuspage.io client', () => {
  let app: RunningApp;
  let sp: Statuspage;
  const now = Date.now();
  const firstSeen = now - 10 * DAY;
  const outageAt = now - 30 * MIN;

  beforeAll(async () => {
    const config = configSchema.parse({
      server: { port: 0, host: '127.0.0.1' },
      log: { level: 'silent' },
      store: { snapshotFile: '' },
      components: [
        { id: 'login-gov', name: { pl: 'login.gov.pl', en: 'login.gov.pl' } },
        { id: 'profil-zaufany', name: { pl: 'Profil Zaufany', en: 'Trusted Profile' }, dependsOn: ['login-gov'] },
      ],
    });
    const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock: systemClock });
    await store.history.addTransitions([
      { component: 'login-gov', at: firstSeen, status: 'operational', reason: 'ok', rootCause: null },
      { component: 'login-gov', at: outageAt, status: 'outage', reason: 'http_status', rootCause: null },
      { component: 'profil-zaufany', at: firstSeen, status: 'operational', reason: 'ok', rootCause: null },
    ], 100);
    await store.results.setComponentStates([
      { id: 'login-gov', status: 'outage', since: outageAt, lastCheckedAt: now, reason: 'http_status', rootCause: null },
      { id: 'profil-zaufany', status: 'operational', since: firstSeen, lastCheckedAt: now, reason: 'ok', rootCause: null },
    ]);
    const incident: Incident = {
      id: 'inc-1', version: 1, title: { pl: 'Awaria login.gov.pl', en: 'login.gov.pl outage' }, impact: 'major', state: 'identified',
      components: ['login-gov'], automatic: false, draft: false, createdAt: outageAt + MIN, createdBy: 'alice', updatedAt: now - 5 * MIN, resolvedAt: null,
      updates: [
        { id: 'u1', at: outageAt + MIN, state: 'investigating', body: { pl: 'Sprawdzamy.' }, by: 'alice' },
        { id: 'u2', at: now - 5 * MIN, state: 'identified', body: { pl: 'Znamy przyczynę.' }, by: 'alice' },
      ],
    };
    await store.operator.saveIncident(incident, 0);
    const window = (n: number, start: number): MaintenanceWindow => ({
      id: `https://example.gov.pl/komunikat#${n}`, source: 'pz-notices', noticeKey: 'https://example.gov.pl/komunikat', kind: 'maintenance',
      components: ['profil-zaufany'], start, end: start + 2 * 60 * MIN, title: 'Prace serwisowe', text: 'Profil Zaufany będzie niedostępny.',
      link: 'https://example.gov.pl/komunikat', publishedAt: now - DAY, firstSeenAt: now - DAY, lastSeenAt: now, updatedAt: now - DAY, state: 'announced',
    });
    await store.windows.putWindows([window(0, now + DAY), window(1, now - 30 * MIN)]);
    app = await startApp(config, { stores: store, logger: createLogger('silent') });
    await app.snapshot.rebuild();
    sp = new Statuspage('ikp-status');
    sp.setApiUrl(app.url);
  });

  afterAll(async () => app?.stop());

  it('when the status is read, then the description is one of Statuspage English strings even in Polish', async () => {
    const { status, page } = await sp.api.getStatus();
    expect(DESCRIPTIONS).toContain(status.description);
    expect(status.indicator).toBe('major');
    expect(page.id).toBe('ikp-status');
  });

  it('when components are read, then created_at is when the component was first seen and differs from updated_at', async () => {
    const { components } = await sp.api.getComponents();
    const login = components.find((c) => c.id === 'login-gov')!;
    expect(login.status).toBe('major_outage');
    expect(login.created_at).toBe(warsawIso(firstSeen));
    expect(login.updated_at).toBe(warsawIso(outageAt));
    expect(login.created_at).not.toBe(login.updated_at);
  });

  it('when incidents are read, then each update names the status before and after it from history', async () => {
    for (const list of [await sp.api.incidents.getAll(), await sp.api.incidents.getUnresolved()]) {
      const [inc] = list.incidents as unknown as (Sp & { incident_updates: { status: string; affected_components: { code: string; old_status: string; new_status: string }[] }[] })[];
      expect(inc!.id).toMatch(URL_SAFE);
      const first = inc!.incident_updates.find((u) => u.status === 'investigating')!;
      expect(first.affected_components).toEqual([expect.objectContaining({ code: 'login-gov', old_status: 'operational', new_status: 'major_outage' })]);
      const latest = inc!.incident_updates.find((u) => u.status === 'identified')!;
      expect(latest.affected_components[0]).toMatchObject({ old_status: 'major_outage', new_status: 'major_outage' });
    }
  });

  it('when scheduled maintenances are read, then ids are URL-safe, started_at is null until the start and the shortlink is our page', async () => {
    // statuspage.io 3.x sends getAll() and getActive() to upcoming.json (a client bug), so those two paths are read directly.
    const direct = async (path: string): Promise<unknown[]> => ((await (await fetch(`${app.url}/api/v2/${path}`)).json()) as { scheduled_maintenances: unknown[] }).scheduled_maintenances;
    const all = (await direct('scheduled-maintenances.json')) as (Sp & { status: string; started_at: string | null; shortlink: string; scheduled_for: string })[];
    expect(all.map((m) => m.status).sort()).toEqual(['in_progress', 'scheduled']);
    for (const m of all) {
      expect(m.id).toMatch(URL_SAFE);
      expect(m.shortlink.startsWith(`${app.url}/#`)).toBe(true);
      expect(m.started_at).toBe(m.status === 'scheduled' ? null : m.scheduled_for);
    }
    const upcoming = (await sp.api.scheduledMaintenances.getUpcoming()).scheduled_maintenances as unknown as Sp[];
    expect(upcoming).toHaveLength(1);
    expect((await sp.api.scheduledMaintenances.getAll()).scheduled_maintenances).toHaveLength(1);
    const active = (await direct('scheduled-maintenances/active.json')) as Sp[];
    expect(active.map((m) => m.status)).toEqual(['in_progress']);
    expect(new Set(all.map((m) => m.id)).size).toBe(2);
  });

  it('when the summary is read, then it carries the page, components, open incidents, maintenances and the status', async () => {
    const summary = await sp.api.getSummary();
    expect(summary.components).toHaveLength(2);
    expect(summary.incidents).toHaveLength(1);
    expect(summary.scheduled_maintenances).toHaveLength(2);
    expect(DESCRIPTIONS).toContain(summary.status.description);
  });
});
