import ical from 'node-ical';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/domain/clock.ts';
import type { MaintenanceWindow } from '../../src/domain/types.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import { testConfig } from '../helpers/config.ts';
import { webAppOver, type TestWebApp } from '../helpers/web-app.ts';

const NOW = Date.parse('2026-03-28T20:00:00+01:00');
const H = 3_600_000;
const base: MaintenanceWindow = {
  id: 'a#0',
  source: 'pacjent-notices',
  noticeKey: 'a',
  kind: 'maintenance',
  components: ['ikp'],
  // The night of the spring DST change: 22:00 CET to 06:00 CEST is 7 real hours.
  start: Date.parse('2026-03-28T22:00:00+01:00'),
  end: Date.parse('2026-03-29T06:00:00+02:00'),
  title: 'Przerwa <script>alert(1)</script>',
  text: 'W nocy z 28 na 29 marca w godz. 22:00–6:00 IKP będzie niedostępne.',
  link: 'https://pacjent.gov.pl/komunikat',
  publishedAt: NOW - 24 * H,
  firstSeenAt: NOW - 24 * H,
  lastSeenAt: NOW,
  updatedAt: NOW - 24 * H,
  state: 'announced',
};

describe('maintenance API and iCalendar feed', () => {
  const clock = new FakeClock(NOW);
  const config = testConfig();
  let store: Stores;
  let app: TestWebApp['app'];
  let close: () => Promise<void>;

  beforeAll(async () => {
    store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
    await store.windows.putWindows([
      base,
      { ...base, id: 'b#0', noticeKey: 'b', kind: 'outage', components: ['login-gov'], start: NOW - H, end: null, title: 'Awaria', link: null },
      { ...base, id: 'c#0', noticeKey: 'c', state: 'withdrawn', start: NOW - 48 * H, end: NOW - 40 * H },
    ]);
    ({ app, close } = await webAppOver(store, config, clock));
  });

  afterAll(() => close());

  it('when windows exist, then /api/v1/status lists active and upcoming ones with Warsaw offsets', async () => {
    const res = await request(app).get('/api/v1/status').expect(200);
    expect(res.body.maintenance.active.map((w: { id: string }) => w.id)).toEqual(['b#0']);
    expect(res.body.maintenance.upcoming).toHaveLength(1);
    expect(res.body.maintenance.upcoming[0]).toMatchObject({ start: '2026-03-28T22:00:00.000+01:00', end: '2026-03-29T06:00:00.000+02:00', link: base.link });
    expect(res.body.windows).toBeUndefined();
  });

  it('when the history is requested, then withdrawn windows are kept with their evidence', async () => {
    const res = await request(app).get('/api/v1/maintenance').expect(200);
    expect(res.body.history.find((w: { id: string }) => w.id === 'c#0')).toMatchObject({ state: 'withdrawn', text: base.text });
  });

  it('when the calendar is requested, then an independent parser reads active and upcoming events at the right instants', async () => {
    const res = await request(app).get('/maintenance.ics').expect(200).expect('content-type', /text\/calendar/);
    const events = Object.values(ical.sync.parseICS(res.text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(2);
    const night = events.find((e) => e.uid === 'a#0@ikp-status')!;
    expect(new Date(night.start).getTime()).toBe(base.start);
    expect(new Date(night.end!).getTime() - new Date(night.start).getTime()).toBe(7 * H);
    expect(night.summary).toContain('Przerwa techniczna');
    const open = events.find((e) => e.uid === 'b#0@ikp-status')!;
    expect(new Date(open.end!).getTime()).toBeGreaterThan(new Date(open.start).getTime());
  });
});
