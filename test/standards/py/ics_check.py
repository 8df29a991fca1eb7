"""Reads an iCalendar file on stdin with python3-icalendar and prints what the tests assert as JSON."""
import datetime
import json
import sys

from icalendar import Calendar

raw = sys.stdin.buffer.read()
cal = Calendar.from_ical(raw)


def kind(value):
    v = value.dt
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            return "floating"
        return "utc" if v.utcoffset() == datetime.timedelta(0) and v.tzname() == "UTC" else "zoned"
    return "date"


events = []
for ev in cal.walk("VEVENT"):
    events.append({
        "uid": str(ev.get("UID")),
        "sequence": int(ev.get("SEQUENCE", 0)),
        "dtstamp": kind(ev.get("DTSTAMP")),
        "dtstart": kind(ev.get("DTSTART")),
        "dtend": kind(ev.get("DTEND")) if ev.get("DTEND") is not None else None,
        "summary": str(ev.get("SUMMARY")),
        "status": str(ev.get("STATUS")) if ev.get("STATUS") is not None else None,
        "last_modified": ev.get("LAST-MODIFIED").dt.isoformat() if ev.get("LAST-MODIFIED") is not None else None,
        "url": str(ev.get("URL")) if ev.get("URL") is not None else None,
        "alarms": len(ev.walk("VALARM")),
    })
print(json.dumps({
    "errors": [str(e) for c in cal.walk() for e in getattr(c, "errors", [])],
    "timezones": [str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")],
    "x_wr_timezone": str(cal.get("X-WR-TIMEZONE")) if cal.get("X-WR-TIMEZONE") is not None else None,
    "events": events,
}))
