import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { date, newCalendar, serialize, utc } from '../ical/calendar.ts';
import { expiringSoonAdvice } from './advice.ts';
import { humanDates } from './human-dates.ts';
import { ZONE } from './profile-expiry.ts';

/**
 * An iCalendar file with one all-day reminder 30 days before the trusted profile's last valid
 * day (with an alarm at 9:00 that day). The UID derives from the date only: no personal data.
 * All-day events are DATE values, which need no time zone; DTSTAMP is UTC.
 */
export function expiryReminderCalendar(lastValidDay: string, reminderDay: string, pageUrl: string, now: number): string {
  const cal = newCalendar({ name: 'Profil Zaufany: przypomnienie o ważności' });
  const day = DateTime.fromISO(reminderDay, { zone: ZONE });
  const expires = { pl: humanDates('pl').day(lastValidDay), en: humanDates('en').day(lastValidDay) };
  const advice = expiringSoonAdvice(expires);
  // The last day counts in full (art. 112 k.c.): "ważny do … (włącznie)", never "wygasa <last day>".
  const summary = `Profil Zaufany jest ważny do ${expires.pl} (włącznie): przedłuż go / Trusted Profile valid through ${expires.en}: extend it`;
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', `pz-expiry-${lastValidDay}@ikp-status`);
  event.addPropertyWithValue('sequence', 0);
  event.addPropertyWithValue('dtstamp', utc(now));
  event.addPropertyWithValue('dtstart', date(day.toISODate()!));
  event.addPropertyWithValue('dtend', date(day.plus({ days: 1 }).toISODate()!));
  event.addPropertyWithValue('summary', summary);
  event.addPropertyWithValue('description', `${advice.pl}\n\n${advice.en}`);
  event.addPropertyWithValue('url', pageUrl);
  event.addPropertyWithValue('transp', 'TRANSPARENT');
  // 9:00 on the reminder day in the reader's zone: a positive offset from the all-day start.
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(9 * 3_600)).setParameter('related', 'START');
  alarm.addPropertyWithValue('description', summary);
  event.addSubcomponent(alarm);
  cal.addSubcomponent(event);
  return serialize(cal);
}
