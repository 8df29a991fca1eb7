import ICAL from 'ical.js';

/** The zone every calendar we publish is meant for (X-WR-TIMEZONE); all times are written in UTC or as dates. */
export const CALENDAR_ZONE = 'Europe/Warsaw';

/** Calendar-level fields of a published iCalendar file. */
export interface CalendarHead {
  name: string;
  description?: string;
  /** Suggested refresh interval for subscribed feeds, in seconds. */
  ttlSeconds?: number;
}

/**
 * A VCALENDAR with METHOD:PUBLISH. ical.js writes every property before any subcomponent, so
 * X-WR-TIMEZONE precedes the VEVENTs and an event's URL precedes its VALARM.
 */
export function newCalendar(head: CalendarHead): ICAL.Component {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', '-//ikp-status//ikp-status//PL');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('name', head.name);
  cal.addPropertyWithValue('x-wr-calname', head.name);
  if (head.description) cal.addPropertyWithValue('x-wr-caldesc', head.description);
  // No VTIMEZONE is needed: times are UTC (or dates); this only tells clients which zone to show.
  cal.addPropertyWithValue('x-wr-timezone', CALENDAR_ZONE);
  if (head.ttlSeconds) {
    const ttl = ICAL.Duration.fromSeconds(head.ttlSeconds);
    cal.addPropertyWithValue('refresh-interval', ttl).setParameter('value', 'DURATION');
    cal.addPropertyWithValue('x-published-ttl', ttl.toString());
  }
  return cal;
}

/** A UTC DATE-TIME value (RFC 5545 FORM #2) from epoch ms. */
export function utc(ms: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(Math.floor(ms / 1000) * 1000), true);
}

/** A DATE value from `YYYY-MM-DD`. */
export function date(isoDay: string): ICAL.Time {
  return ICAL.Time.fromDateString(isoDay);
}

/** The file's text: CRLF line ends, folded lines, and a CRLF after END:VCALENDAR as RFC 5545 requires. */
export function serialize(cal: ICAL.Component): string {
  return `${cal.toString()}\r\n`;
}
