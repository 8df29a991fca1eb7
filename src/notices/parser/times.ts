/** Times of day and their conversion to real instants in a zone, DST rules included. */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { addDays, type LocalDate } from './dates.ts';

/** A wall-clock time; hour 24 (only with minute 0) means midnight at the end of the day. */
export interface TimeOfDay {
  hour: number;
  minute: number;
  /**
   * A time annotated "czasu zimowego" / "czasu letniego" is read in that offset (the zone's
   * standard or daylight offset that year), whatever offset is in force on the day.
   */
  season?: 'winter' | 'summer';
}

/** True for 0:00-23:59 and 24:00. */
export function isValidTime(hour: number, minute: number): boolean {
  return Number.isInteger(hour) && Number.isInteger(minute) && hour >= 0 && minute >= 0 && minute < 60 && (hour < 24 || (hour === 24 && minute === 0));
}

/**
 * The instant of a wall time on a date in `zone`.
 * - 24:00 is 00:00 of the next day.
 * - A wall time inside the spring-forward gap (02:30 on 29 March 2026 in Europe/Warsaw)
 *   does not exist; luxon moves it forward by the gap (03:30+02:00) and so do we.
 * - A wall time in the autumn overlap (02:30 on 25 October 2026) happens twice. Unannotated,
 *   we take the earlier instant (02:30+02:00): the notice was written while summer time was in
 *   force, and the window then never starts later than announced. "czasu zimowego" gives the
 *   later one (02:30+01:00).
 * - An annotated time ("3 w nocy (czasu zimowego)") uses the named offset: on the spring night
 *   03:00 winter time is 04:00+02:00.
 */
export function zonedInstant(date: LocalDate, time: TimeOfDay, zone: string): DateTime {
  const day = time.hour === 24 ? addDays(date, 1) : date;
  const hour = time.hour === 24 ? 0 : time.hour;
  const wall = { year: day.year, month: day.month, day: day.day, hour, minute: time.minute };
  if (time.season) return DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(seasonOffset(day.year, time.season, zone)) }).setZone(zone);
  const luxonChoice = DateTime.fromObject(wall, { zone });
  const matches = sameWallInstants(wall, zone);
  if (matches.length === 0) return luxonChoice;
  return matches[0] ?? luxonChoice;
}

// Standard (winter) and daylight (summer) offsets of a zone in a year, in minutes.
function seasonOffset(year: number, season: 'winter' | 'summer', zone: string): number {
  const january = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).offset;
  const july = DateTime.fromObject({ year, month: 7, day: 1 }, { zone }).offset;
  return season === 'winter' ? Math.min(january, july) : Math.max(january, july);
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Every instant whose local wall time in `zone` equals `wall`, earliest first. Offsets are taken
// from a day either side, which covers every real zone's transitions.
function sameWallInstants(wall: Wall, zone: string): DateTime[] {
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const dayMs = 86_400_000;
  const offsets = new Set(
    [-dayMs, 0, dayMs].map((shift) => DateTime.fromMillis(wallAsUtc + shift, { zone }).offset),
  );
  const found = new Map<number, DateTime>();
  for (const offset of offsets) {
    const candidate = DateTime.fromMillis(wallAsUtc - offset * 60_000, { zone });
    if (
      candidate.year === wall.year &&
      candidate.month === wall.month &&
      candidate.day === wall.day &&
      candidate.hour === wall.hour &&
      candidate.minute === wall.minute
    ) {
      found.set(candidate.toMillis(), candidate);
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, dt]) => dt);
}

/**
 * zonedInstant for one parse, memoized: a long page repeats the same days and hours, and each
 * zone lookup costs an Intl call. Created per parse, so nothing is shared between parses.
 */
export class ZoneClock {
  private readonly instants = new Map<string, DateTime>();
  private readonly offsets = new Map<number, number>();
  private readonly iana: IANAZone | null;

  constructor(readonly zone: string) {
    this.iana = IANAZone.isValidZone(zone) ? IANAZone.create(zone) : null;
  }

  /** The instant of a wall time on a date, as zonedInstant() defines it. */
  instant(date: LocalDate, time: TimeOfDay): DateTime {
    const key = `${date.year}-${date.month}-${date.day} ${time.hour}:${time.minute} ${time.season ?? ''}`;
    let found = this.instants.get(key);
    if (found === undefined) {
      found = this.iana && !time.season ? this.fastInstant(date, time) : zonedInstant(date, time, this.zone);
      this.instants.set(key, found);
    }
    return found;
  }

  // Same rules as zonedInstant (earliest of repeated wall times, gap times moved forward) with
  // offsets memoized per quarter hour, the granularity of every real zone transition.
  private fastInstant(date: LocalDate, time: TimeOfDay): DateTime {
    const day = time.hour === 24 ? addDays(date, 1) : date;
    const hour = time.hour === 24 ? 0 : time.hour;
    const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day, hour, time.minute);
    const dayMs = 86_400_000;
    const offsets = [...new Set([-dayMs, 0, dayMs].map((shift) => this.offsetAt(wallAsUtc + shift)))].sort((a, b) => b - a);
    // The largest offset gives the earliest instant; keep the first whose offset matches.
    for (const offset of offsets) {
      const candidate = wallAsUtc - offset * 60_000;
      if (this.offsetAt(candidate) === offset) return DateTime.fromMillis(candidate, { zone: this.zone });
    }
    return zonedInstant(date, time, this.zone);
  }

  private offsetAt(ms: number): number {
    const bucket = Math.floor(ms / 900_000);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.iana?.offset(bucket * 900_000) ?? 0;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}
