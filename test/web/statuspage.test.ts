import { buildStatusView } from '../../src/status/status-view.ts';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../src/status/incident-view.ts';
import { STATUSPAGE_PATHS } from '../../src/web/routes/statuspage.ts';
import { spBodies } from '../../src/web/statuspage/build.ts';
import { ENDPOINT_SCHEMAS } from './statuspage-schema.ts';
import { T0, webFixture, type WebFixture } from './fixture.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);

const validate = (path: string, body: unknown): string => {
  const check = ajv.compile(ENDPOINT_SCHEMAS[path]!);
  return check(body) ? '' : ajv.errorsText(check.errors);
};

describe('Statuspage v2 API', () => {
  let f: WebFixture;
  beforeAll(async () => {
    f = await webFixture('maintenance');
  });
  afterAll(async () => f.close());

  it.each(STATUSPAGE_PATHS.map((p) => [p]))('when /api/v2/%s is requested, then it matches the Statuspage v2 field set', async (path) => {
    const res = await request(f.app).get(`/api/v2/${path}`).expect(200).expect('content-type', /application\/json/);
    expect(validate(path, res.body)).toBe('');
  });

  it('when summary.json is requested during maintenance, then statuses and the indicator use Statuspage enums', async () => {
    const res = await request(f.app).get('/api/v2/summary.json').expect(200);
    // Statuspage's own English strings whatever the language: clients compare them.
    expect(res.body.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
    expect(res.body.components.find((c: { id: string }) => c.id === 'login-gov').status).toBe('under_maintenance');
    expect(res.body.scheduled_maintenances.map((m: { status: string }) => m.status)).toEqual(['in_progress', 'scheduled']);
    expect(res.body.page.time_zone).toBe('Europe/Warsaw');
  });

  it('when a scraped link is not http(s), then it never becomes a shortlink', async () => {
    const res = await request(f.app).get('/api/v2/scheduled-maintenances/upcoming.json').expect(200);
    const [m] = res.body.scheduled_maintenances as { shortlink: string; name: string }[];
    expect(m!.shortlink).toMatch(/^http:\/\/127\.0\.0\.1[^/]*\/#window-/);
    expect(m!.name).toContain('<script>');
  });

  it('when English is asked for, then names and the description are English', async () => {
    const res = await request(f.app).get('/api/v2/status.json?lang=en').expect(200);
    expect(res.body.status.description).toBe('Service Under Maintenance');
  });

  it('when the same body is asked again with its ETag, then the answer is 304', async () => {
    // A fixed Host: the body holds absolute links, and supertest picks a new port per request.
    const first = await request(f.app).get('/api/v2/components.json').set('host', 'status.example').expect(200);
    await request(f.app).get('/api/v2/components.json').set('host', 'status.example').set('if-none-match', first.headers.etag!).expect(304);
  });

  it('when incidents exist, then incidents.json, unresolved and summary carry them in Statuspage form', async () => {
    const { builtAt } = f.snapshot.current();
    const [states, windows] = [await f.stores.results.getComponentStates(), await f.stores.windows.getWindows()];
    const incidents: IncidentView[] = [
      {
        id: 'inc-1',
        title: { pl: 'Nie działa logowanie przez bank', en: 'Bank login fails' },
        impact: 'major',
        state: 'identified',
        components: ['bank:pko-bp'],
        createdAt: new Date(T0 - 3_600_000).toISOString(),
        updatedAt: new Date(T0 - 600_000).toISOString(),
        resolvedAt: null,
        updates: [
          { at: new Date(T0 - 600_000).toISOString(), state: 'identified', body: 'Znamy przyczynę.' },
          { at: new Date(T0 - 3_600_000).toISOString(), state: 'investigating', body: 'Badamy.' },
        ],
      },
      { id: 'inc-0', title: { pl: 'Stary problem' }, impact: 'minor', state: 'resolved', components: [], createdAt: '2026-01-20T10:00:00Z', updatedAt: '2026-01-20T12:00:00Z', resolvedAt: '2026-01-20T12:00:00Z', updates: [] },
    ];
    // Incidents enter through the public state, which raises the indicator and the named component.
    const view = buildStatusView(f.config, states, windows, T0, incidents);
    const bodies = spBodies({ config: f.config, view, builtAt, now: T0, lang: 'pl', baseUrl: 'https://status.example' });
    for (const path of STATUSPAGE_PATHS) expect(validate(path, bodies[path]!())).toBe('');
    expect((bodies['incidents.json']!().incidents as unknown[]).length).toBe(2);
    const unresolved = bodies['incidents/unresolved.json']!().incidents as { id: string; status: string; incident_updates: unknown[] }[];
    expect(unresolved.map((i) => [i.id, i.status, i.incident_updates.length])).toEqual([['inc-1', 'identified', 2]]);
    expect(bodies['status.json']!().status).toMatchObject({ indicator: 'major' });
    const pko = (bodies['components.json']!().components as { id: string; status: string }[]).find((c) => c.id === 'bank:pko-bp');
    expect(pko?.status).toBe('major_outage');
  });
});
