import ICAL from 'ical.js';
import { newCalendar, serialize, utc } from '../ical/calendar.ts';
import { timeFormat } from '../i18n/format.ts';
import { translator } from '../i18n/index.ts';
import type { WindowView } from '../status/window-view.ts';

/**
 * Builds the iCalendar feed of active and upcoming windows, and of called-off windows whose time
 * is not over yet. Times are written in UTC: that is unambiguous without a VTIMEZONE block, and
 * calendars show them in local time; X-WR-TIMEZONE tells clients the calendar is meant for
 * Europe/Warsaw. SEQUENCE is the window's revision and the UID never changes, so a rescheduled
 * window replaces the copy a client holds, and a called-off one (STATUS:CANCELLED, RFC 5545
 * §3.8.1.11) removes it.
 */
export function maintenanceCalendar(windows: WindowView[], names: Map<string, string>, baseUrl: string, now: number): string {
  const cal = newCalendar({
    name: 'ikp-status: przerwy i awarie logowania do IKP',
    description: 'Planowane przerwy i trwające awarie usług potrzebnych do logowania do Internetowego Konta Pacjenta',
    ttlSeconds: 15 * 60,
  });
  const fmt = timeFormat(translator('pl'), now);
  for (const w of windows) {
    const what = w.components.map((c) => names.get(c) ?? c).join(', ');
    const label = w.kind === 'maintenance' ? 'Przerwa techniczna' : 'Awaria';
    const off = w.calledOff;
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${w.id}@ikp-status`);
    event.addPropertyWithValue('sequence', w.revision);
    event.addPropertyWithValue('dtstamp', utc(now));
    event.addPropertyWithValue('last-modified', utc(Date.parse(w.updatedAt)));
    event.addPropertyWithValue('dtstart', utc(Date.parse(w.start)));
    event.addPropertyWithValue('dtend', utc(Date.parse(w.end ?? w.effectiveEnd)));
    // Clients that keep showing a cancelled event (struck through, or not at all) still read the truth in its summary.
    event.addPropertyWithValue('summary', off ? `${CALLED_OFF[off.how][w.kind]}: ${what}` : `${label}: ${what}`);
    event.addPropertyWithValue('status', off ? 'CANCELLED' : 'CONFIRMED');
    const note = off ? `${CALLED_OFF_AT[off.how]} ${fmt.at(Date.parse(off.at))}.` : '';
    event.addPropertyWithValue('description', [note, w.title, w.text, w.end === null ? 'Koniec nie został podany.' : ''].filter(Boolean).join('\n\n'));
    event.addPropertyWithValue('url', w.link ?? `${baseUrl}/api/v1/maintenance`);
    cal.addSubcomponent(event);
  }
  return serialize(cal);
}

const CALLED_OFF: Record<'cancelled' | 'withdrawn', Record<WindowView['kind'], string>> = {
  cancelled: { maintenance: 'Odwołana przerwa techniczna', outage: 'Odwołany komunikat o awarii' },
  withdrawn: { maintenance: 'Wycofana zapowiedź przerwy technicznej', outage: 'Wycofany komunikat o awarii' },
};

const CALLED_OFF_AT: Record<'cancelled' | 'withdrawn', string> = {
  cancelled: 'Odwołano',
  withdrawn: 'Źródło wycofało zapowiedź',
};
