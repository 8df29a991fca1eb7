import ICAL from 'ical.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHarness, T0, type AdminHarness } from '../admin/harness.ts';
import { runPython } from './python.ts';

interface PyCalendar {
  errors: string[];
  timezones: string[];
  x_wr_timezone: string | null;
  events: { uid: string; sequence: number; dtstamp: string; dtstart: string; dtend: string | null; url: string | null; alarms: number }[];
}

/** Checks every RFC 5545 rule the issue names, through ical.js and python3-icalendar; returns python's reading. */
async function validate(text: string): Promise<PyCalendar> {
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(text).not.toMatch(/^TIMEZONE-ID/m);
  const firstEvent = text.indexOf('BEGIN:VEVENT');
  const xwr = text.indexOf('X-WR-TIMEZONE:');
  expect(xwr).toBeGreaterThan(-1);
  if (firstEvent > -1) expect(xwr).toBeLessThan(firstEvent);
  for (const event of text.split('BEGIN:VEVENT').slice(1)) {
    const body = event.slice(0, event.indexOf('END:VEVENT'));
    const alarm = body.indexOf('BEGIN:VALARM');
    if (alarm > -1) expect(body.slice(alarm)).not.toMatch(/\r\nURL[:;]/);
  }

  // ical.js: every date-time is UTC or a date, and every event has a UTC DTSTAMP.
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  for (const vevent of cal.getAllSubcomponents('vevent')) {
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    for (const name of ['dtstart', 'dtend']) {
      const t = vevent.getFirstPropertyValue(name) as ICAL.Time;
      expect(t.isDate || t.zone?.tzid === 'UTC', name).toBe(true);
    }
  }

  // python3-icalendar: no parse errors, no floating times, UTC stamps.
  const py = await runPython<PyCalendar>('ics_check.py', text);
  expect(py.errors).toEqual([]);
  for (const e of py.events) {
    expect(e.dtstamp).toBe('utc');
    for (const t of [e.dtstart, e.dtend]) expect(['utc', 'date']).toContain(t);
  }
  expect(py.x_wr_timezone).toBe('Europe/Warsaw');
  return py;
}

describe('iCalendar files through ical.js and python3-icalendar', () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await adminHarness();
  });
  afterAll(async () => h.close());

  it('when the profile-expiry reminder is downloaded, then both parsers read one all-day event with a UTC DTSTAMP and no TIMEZONE-ID', async () => {
    const res = await request(h.app).get('/api/v1/profile-expiry.ics?confirmedAt=2024-02-29').expect(200);
    const py = await validate(res.text);
    expect(py.events).toHaveLength(1);
    expect(py.events[0]).toMatchObject({ uid: 'pz-expiry-2027-02-28@ikp-status', dtstart: 'date', dtend: 'date', alarms: 1 });
    expect(py.events[0]!.url).toMatch(/\/pomoc$/);
  });

  it('when a maintenance window is rescheduled, then maintenance.ics raises its SEQUENCE and both parsers read it', async () => {
    const auth = { authorization: h.auth.operator };
    const created = await request(h.app).post('/api/v1/admin/maintenance').set(auth)
      .send({ components: ['ikp'], start: '2026-04-01 22:00', end: '2026-04-01 23:00', title: 'Przerwa; z przecinkiem, i średnikiem' }).expect(201);
    await h.snapshot.rebuild();
    const before = await validate((await request(h.app).get('/maintenance.ics').expect(200)).text);
    const uid = `${created.body.id}@ikp-status`;
    const seq0 = before.events.find((e) => e.uid === uid)!.sequence;
    expect(seq0).toBe(0);

    h.clock.set(T0 + 90_000);
    await request(h.app).patch(`/api/v1/admin/maintenance/${created.body.id}`).set(auth).send({ start: '2026-04-01 23:00', end: '2026-04-02 01:00' }).expect(200);
    await h.snapshot.rebuild();
    const after = await validate((await request(h.app).get('/maintenance.ics').expect(200)).text);
    const seq1 = after.events.find((e) => e.uid === uid)!.sequence;
    expect(seq1).toBeGreaterThan(seq0);

    h.clock.set(T0 + 200_000);
    await request(h.app).patch(`/api/v1/admin/maintenance/${created.body.id}`).set(auth).send({ end: '2026-04-02 02:00' }).expect(200);
    await h.snapshot.rebuild();
    const again = await validate((await request(h.app).get('/maintenance.ics').expect(200)).text);
    expect(again.events.find((e) => e.uid === uid)!.sequence).toBeGreaterThan(seq1);
  });

  it('when no window is announced, then maintenance.ics is still a valid calendar with its zone hint', async () => {
    const fresh = await adminHarness();
    try {
      const py = await validate((await request(fresh.app).get('/maintenance.ics').expect(200)).text);
      expect(py.events).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
