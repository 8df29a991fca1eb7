import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorDeps } from '../../src/admin/context.ts';
import { generateToken, hashToken } from '../../src/domain/token-hash.ts';
import { TokenVerifier } from '../../src/auth/verifier.ts';
import type { NoticesProbeConfig } from '../../src/config/notices-schema.ts';
import type { Config } from '../../src/config/schema.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { applyNotices } from '../../src/pipeline/notices.ts';
import { reevaluate } from '../../src/pipeline/reevaluate.ts';
import type { Stores } from '../../src/store/ports.ts';
import { createWebApp } from '../../src/web/app.ts';
import { StatusSnapshot } from '../../src/status/snapshot.ts';
import { testConfig } from '../helpers/config.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { redisStores } from '../helpers/stores.ts';
import { runPython } from './python.ts';

interface PyFeed {
  bozo: number | boolean;
  bozo_exception: string | null;
  version: string;
  entries: { id: string; title: string; updated: string | null }[];
}
interface PyCalendar {
  errors: string[];
  events: { uid: string; sequence: number; summary: string; status: string | null; last_modified: string | null; dtstamp: string }[];
}
interface JsonFeed {
  items: { id: string; title: string; summary?: string; content_html: string; date_modified: string }[];
}

const NOTICES = { id: 'pacjent-notices', kind: 'notices' as const, interval: '1m', timeout: '10s', notices: { url: 'http://127.0.0.1:9/', components: ['ikp'] } };

/** The app as main.ts wires it for operators, over the shared test Redis, listening on a loopback port. */
interface LiveApp {
  url: string;
  clock: FakeClock;
  stores: Stores;
  config: Config;
  snapshot: StatusSnapshot;
  auth: string;
  close(): Promise<void>;
}

async function liveApp(start: number): Promise<LiveApp> {
  const token = generateToken();
  const config = testConfig({ admin: { tokens: [{ name: 'alice', role: 'operator', hash: await hashToken(token) }] }, probes: [NOTICES] });
  const clock = new FakeClock(start);
  const logger = createLogger('silent');
  const stores = await redisStores(testRedisUrl(), uniquePrefix(), { clock });
  const ops: OperatorDeps = { config, stores, clock, reevaluate: () => reevaluate({ config, stores, clock, logger }) };
  const snapshot = new StatusSnapshot({ config, stores, logger, now: () => clock.now() });
  await snapshot.start();
  const app = createWebApp({ config, stores, snapshot, logger, now: () => clock.now(), admin: { ops, verifier: new TokenVerifier(config.admin.tokens) } });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clock,
    stores,
    config,
    snapshot,
    auth: `Bearer ${token}`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await snapshot.stop();
      await stores.lifecycle.close();
    },
  };
}

/** Every public face that could still speak of a window. */
async function faces(a: LiveApp, lang: 'pl' | 'en' = 'pl') {
  const q = lang === 'en' ? '?lang=en' : '';
  const get = (path: string) => request(a.url).get(path).expect(200);
  const rss = await get(`/feed.rss${q}`);
  const atom = await get(`/feed.atom${q}`);
  const json = await get(`/feed.json${q}`);
  return {
    rss: await runPython<PyFeed>('feed_check.py', rss.text, [rss.headers['content-type']!]),
    atom: await runPython<PyFeed>('feed_check.py', atom.text, [atom.headers['content-type']!]),
    // Debian's feedparser reads no JSON Feed (as in feeds.test.ts): it is read as JSON.
    json: JSON.parse(json.text) as JsonFeed,
    ics: await calendar((await get('/maintenance.ics')).text),
  };
}

/** The calendar as python3-icalendar reads it, after ical.js has parsed it too. */
async function calendar(text: string): Promise<PyCalendar> {
  expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('version')).toBe('2.0');
  const py = await runPython<PyCalendar>('ics_check.py', text);
  expect(py.errors).toEqual([]);
  return py;
}

function wellFormed(feed: PyFeed, version: string): void {
  expect(feed.bozo_exception).toBeNull();
  expect(feed.bozo).toBeFalsy();
  expect(feed.version).toBe(version);
}

/** The public API, page and Statuspage JSON show no window in force or to come. */
async function noWindowShown(a: LiveApp, title: string): Promise<void> {
  const status = (await request(a.url).get('/api/v1/status').expect(200)).body;
  expect([...status.maintenance.active, ...status.maintenance.upcoming]).toEqual([]);
  const maintenance = (await request(a.url).get('/api/v1/maintenance').expect(200)).body;
  expect([...maintenance.active, ...maintenance.upcoming]).toEqual([]);
  expect((await request(a.url).get('/').expect(200)).text).not.toContain(title);
  for (const path of ['scheduled-maintenances.json', 'scheduled-maintenances/upcoming.json', 'scheduled-maintenances/active.json']) {
    expect((await request(a.url).get(`/api/v2/${path}`).expect(200)).body.scheduled_maintenances, path).toEqual([]);
  }
}

describe('called-off maintenance windows in the feeds and the calendar', () => {
  let app: LiveApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('when an operator cancels an announced window through the admin API, then RSS, Atom and JSON Feed carry a cancellation entry and the original no longer reads as planned', async () => {
    app = await liveApp(Date.parse('2026-03-28T12:00:00+01:00'));
    const title = 'Prace serwisowe Internetowego Konta Pacjenta';
    const created = await request(app.url).post('/api/v1/admin/maintenance').set('authorization', app.auth)
      .send({ components: ['ikp'], start: '2026-04-01 22:00', end: '2026-04-01 23:00', title }).expect(201);
    const windowId = `urn:ikp-status:window:${encodeURIComponent(created.body.id)}`;
    await app.snapshot.rebuild();
    const planned = await faces(app);
    expect(planned.rss.entries.find((e) => e.id === windowId)?.title).toBe('Przerwa techniczna: IKP (1 kwietnia, 22:00–23:00)');

    const cancelledAt = Date.parse('2026-03-28T12:05:00+01:00');
    app.clock.set(cancelledAt);
    await request(app.url).post(`/api/v1/admin/maintenance/${created.body.id}/cancel`).set('authorization', app.auth).expect(200);
    await app.snapshot.rebuild();

    const pl = await faces(app);
    const en = await faces(app, 'en');
    wellFormed(pl.rss, 'rss20');
    wellFormed(pl.atom, 'atom10');
    wellFormed(en.atom, 'atom10');
    for (const feed of [pl.rss, pl.atom]) {
      const entry = feed.entries.find((e) => e.id === `${windowId}:cancelled`);
      expect(entry?.title).toBe('Odwołano przerwę techniczną: IKP (1 kwietnia, 22:00–23:00)');
      expect(Date.parse(entry!.updated!)).toBe(cancelledAt);
      expect(feed.entries.find((e) => e.id === windowId)?.title).toBe('Przerwa techniczna (odwołana): IKP (1 kwietnia, 22:00–23:00)');
      expect(feed.entries.filter((e) => e.title.startsWith('Przerwa techniczna:'))).toEqual([]);
    }
    expect(en.atom.entries.find((e) => e.id === `${windowId}:cancelled`)?.title).toBe('Maintenance cancelled: IKP (1 April, 22:00–23:00)');
    const item = pl.json.items.find((i) => i.id === `${windowId}:cancelled`)!;
    expect(item.title).toBe('Odwołano przerwę techniczną: IKP (1 kwietnia, 22:00–23:00)');
    expect(item.content_html).toContain('Przerwę odwołano 28 marca, 12:05.');
    expect(Date.parse(item.date_modified)).toBe(cancelledAt);
    expect(pl.json.items.find((i) => i.id === windowId)?.title).toBe('Przerwa techniczna (odwołana): IKP (1 kwietnia, 22:00–23:00)');
    await noWindowShown(app, title);
  });

  it('when an operator cancels a window within the second it was announced, then maintenance.ics keeps its UID as STATUS:CANCELLED with a higher SEQUENCE and a new LAST-MODIFIED', async () => {
    const announcedAt = Date.parse('2026-03-28T12:00:00.100+01:00');
    app = await liveApp(announcedAt);
    const created = await request(app.url).post('/api/v1/admin/maintenance').set('authorization', app.auth)
      .send({ components: ['ikp', 'login-gov'], start: '2026-04-01 22:00', end: '2026-04-02 01:00', title: 'Przerwa' }).expect(201);
    const uid = `${created.body.id}@ikp-status`;
    await app.snapshot.rebuild();
    const before = (await faces(app)).ics.events.find((e) => e.uid === uid)!;
    expect(before).toMatchObject({ status: 'CONFIRMED', summary: 'Przerwa techniczna: IKP, login.gov.pl' });

    // Same whole second: a revision counted in seconds alone would not move.
    app.clock.set(announcedAt + 600);
    await request(app.url).post(`/api/v1/admin/maintenance/${created.body.id}/cancel`).set('authorization', app.auth).expect(200);
    await app.snapshot.rebuild();
    const after = (await faces(app)).ics.events.filter((e) => e.uid === uid);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: 'CANCELLED', summary: 'Odwołana przerwa techniczna: IKP, login.gov.pl', dtstamp: 'utc' });
    expect(after[0]!.sequence).toBeGreaterThan(before.sequence);
    expect(Date.parse(after[0]!.last_modified!)).toBe(Math.floor((announcedAt + 600) / 1000) * 1000);
    await noWindowShown(app, 'Przerwa techniczna: IKP');
  });

  it('when the source drops an announced notice before its window begins, then the feeds say the announcement was withdrawn, the calendar cancels it, and Statuspage never lists it as completed', async () => {
    app = await liveApp(Date.parse('2026-01-20T10:00:00+01:00'));
    const deps = { config: app.config, stores: app.stores, clock: app.clock, logger: createLogger('silent') };
    const probe = app.config.probes.find((p) => p.id === NOTICES.id) as NoticesProbeConfig;
    const text = 'W nocy z 26 na 27 stycznia w godz. 22:00–6:00 Internetowe Konto Pacjenta będzie niedostępne z powodu prac serwisowych.';
    const notice = { title: 'Przerwa techniczna IKP', text, link: 'https://pacjent.gov.pl/komunikat/przerwa', publishedAt: '2026-01-20T09:00:00+01:00' };
    await applyNotices(deps, probe, [notice], app.clock.now());
    const [announced] = await app.stores.windows.getWindows();
    expect(announced?.state).toBe('announced');
    await app.snapshot.rebuild();
    const uid = `${announced!.id}@ikp-status`;
    const sequence = (await faces(app)).ics.events.find((e) => e.uid === uid)!.sequence;

    const withdrawnAt = Date.parse('2026-01-21T08:00:00+01:00');
    app.clock.set(withdrawnAt);
    await applyNotices(deps, probe, [], withdrawnAt);
    await app.snapshot.rebuild();
    const pl = await faces(app);
    const windowId = `urn:ikp-status:window:${encodeURIComponent(announced!.id)}`;
    wellFormed(pl.rss, 'rss20');
    wellFormed(pl.atom, 'atom10');
    for (const entries of [pl.rss.entries, pl.atom.entries, pl.json.items]) {
      expect(entries.find((e) => e.id === `${windowId}:withdrawn`)?.title).toBe('Wycofano zapowiedź przerwy technicznej: IKP (26 stycznia, 22:00 – 27 stycznia, 6:00)');
      expect(entries.find((e) => e.id === windowId)?.title).toBe('Przerwa techniczna (zapowiedź wycofana): IKP (26 stycznia, 22:00 – 27 stycznia, 6:00)');
    }
    const event = pl.ics.events.find((e) => e.uid === uid)!;
    expect(event).toMatchObject({ status: 'CANCELLED', summary: 'Wycofana zapowiedź przerwy technicznej: IKP' });
    expect(event.sequence).toBeGreaterThan(sequence);
    await noWindowShown(app, 'Przerwa techniczna IKP');

    // Its planned time passes: it never took place, so Statuspage must not list it as a completed maintenance.
    app.clock.set(Date.parse('2026-01-27T08:00:00+01:00'));
    await app.snapshot.rebuild();
    expect((await request(app.url).get('/api/v2/scheduled-maintenances.json').expect(200)).body.scheduled_maintenances).toEqual([]);
    expect((await faces(app)).ics.events.filter((e) => e.uid === uid)).toEqual([]);
  });
});
