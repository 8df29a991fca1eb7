import ICAL from 'ical.js';
import { newCalendar, serialize, utc } from '../ical/calendar.ts';
import type { WindowView } from './window-view.ts';

/**
 * Builds the iCalendar feed of active and upcoming windows. Times are written in UTC:
 * that is unambiguous without a VTIMEZONE block, and calendars show them in local
 * time; X-WR-TIMEZONE tells clients the calendar is meant for Europe/Warsaw.
 * SEQUENCE is the window's revision, so a rescheduled window replaces the copy a client holds.
 */
export function maintenanceCalendar(windows: WindowView[], names: Map<string, string>, baseUrl: string, now: number): string {
  const cal = newCalendar({
    name: 'ikp-status: przerwy i awarie logowania do IKP',
    description: 'Planowane przerwy i trwające awarie usług potrzebnych do logowania do Internetowego Konta Pacjenta',
    ttlSeconds: 15 * 60,
  });
  for (const w of windows) {
    const what = w.components.map((c) => names.get(c) ?? c).join(', ');
    const label = w.kind === 'maintenance' ? 'Przerwa techniczna' : 'Awaria';
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${w.id}@ikp-status`);
    event.addPropertyWithValue('sequence', w.revision);
    event.addPropertyWithValue('dtstamp', utc(now));
    event.addPropertyWithValue('last-modified', utc(Date.parse(w.updatedAt)));
    event.addPropertyWithValue('dtstart', utc(Date.parse(w.start)));
    event.addPropertyWithValue('dtend', utc(Date.parse(w.end ?? w.effectiveEnd)));
    event.addPropertyWithValue('summary', `${label}: ${what}`);
    event.addPropertyWithValue('description', [w.title, w.text, w.end === null ? 'Koniec nie został podany.' : ''].filter(Boolean).join('\n\n'));
    event.addPropertyWithValue('url', w.link ?? `${baseUrl}/api/v1/maintenance`);
    cal.addSubcomponent(event);
  }
  return serialize(cal);
}
