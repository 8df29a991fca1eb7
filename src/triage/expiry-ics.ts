import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { expiringSoonAdvice } from './advice.ts';
import { humanDates } from './human-dates.ts';
import { ZONE } from './profile-expiry.ts';

/**
 * An iCalendar file with one all-day reminder 30 days before the trusted profile's last valid
 * day (with an alarm at 9:00 that day). The UID derives from the date only: no personal data.
 */
export function expiryReminderCalendar(lastValidDay: string, reminderDay: string, pageUrl: string): string {
  const cal = ical({
    name: 'Profil Zaufany: przypomnienie o ważności',
    timezone: ZONE,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'ikp-status', product: 'ikp-status', language: 'PL' },
  });
  const day = DateTime.fromISO(reminderDay, { zone: ZONE });
  const expires = { pl: humanDates('pl').day(lastValidDay), en: humanDates('en').day(lastValidDay) };
  const advice = expiringSoonAdvice(expires);
  const event = cal.createEvent({
    id: `pz-expiry-${lastValidDay}@ikp-status`,
    // Luxon values keep the Warsaw calendar date whatever the process time zone is.
    start: day,
    end: day.plus({ days: 1 }),
    allDay: true,
    timezone: ZONE,
    summary: `Profil Zaufany wygasa ${expires.pl}: przedłuż go / Trusted Profile expires ${expires.en}: extend it`,
    description: `${advice.pl}\n\n${advice.en}`,
    url: pageUrl,
  });
  // 9:00 on the reminder day in the reader's zone: after the all-day start (ical-generator reads a negative trigger as "after").
  event.createAlarm({ type: ICalAlarmType.display, trigger: -9 * 3_600, description: event.summary() }).relatesTo(ICalAlarmRelatesTo.start);
  return cal.toString();
}
