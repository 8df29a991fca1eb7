import ical, { ICalCalendarMethod } from 'ical-generator';
import type { WindowView } from './window-view.ts';

/**
 * Builds the iCalendar feed of active and upcoming windows. Times are written in UTC:
 * that is unambiguous without a VTIMEZONE block, and calendars show them in local
 * time; X-WR-TIMEZONE tells clients the calendar is meant for Europe/Warsaw.
 */
export function maintenanceCalendar(windows: WindowView[], names: Map<string, string>, baseUrl: string): string {
  const cal = ical({
    name: 'ikp-status: przerwy i awarie logowania do IKP',
    description: 'Planowane przerwy i trwające awarie usług potrzebnych do logowania do Internetowego Konta Pacjenta',
    x: [{ key: 'X-WR-TIMEZONE', value: 'Europe/Warsaw' }],
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'ikp-status', product: 'ikp-status', language: 'PL' },
    ttl: 15 * 60,
  });
  for (const w of windows) {
    const what = w.components.map((c) => names.get(c) ?? c).join(', ');
    const label = w.kind === 'maintenance' ? 'Przerwa techniczna' : 'Awaria';
    cal.createEvent({
      id: `${w.id}@ikp-status`,
      start: new Date(w.start),
      end: new Date(w.end ?? w.effectiveEnd),
      summary: `${label}: ${what}`,
      description: [w.title, w.text, w.end === null ? 'Koniec nie został podany.' : ''].filter(Boolean).join('\n\n'),
      url: w.link ?? `${baseUrl}/api/v1/maintenance`,
      lastModified: new Date(w.updatedAt),
    });
  }
  return cal.toString();
}
