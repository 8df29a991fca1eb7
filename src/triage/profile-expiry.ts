import { DateTime } from 'luxon';
import type { ProfileDates, ProfileVerdict } from './types.ts';

/** Dates are judged on the Polish calendar. */
export const ZONE = 'Europe/Warsaw';
/** A trusted profile is valid for this many years from confirmation or the last extension. */
export const PROFILE_TERM_YEARS = 3;
/** `PZ_EXPIRING_SOON` applies when expiry is at most this many days away. */
export const EXPIRING_SOON_DAYS = 30;

/** When a trusted profile stops being valid, and what that was computed from. */
export interface ProfileExpiry {
  basis: 'validUntil' | 'confirmedAt' | 'extendedAt';
  /** The date the term was counted from (null when `validUntil` was given). */
  start: string | null;
  /** Last Warsaw calendar day on which the profile is valid (YYYY-MM-DD). */
  lastValidDay: string;
  /** End of `lastValidDay` in Warsaw, ISO-8601 with offset. */
  validThrough: string;
  /** Epoch ms of the first instant the profile is no longer valid (start of the next Warsaw day). */
  expiresAt: number;
}

/**
 * Art. 112 k.c.: a term in years ends with the day whose date matches the start day; if that
 * day does not exist in the final month, with that month's last day (29 Feb 2024 + 3 y → 28 Feb 2027).
 */
export function termLastDay(start: string, years = PROFILE_TERM_YEARS): string {
  const from = DateTime.fromISO(start, { zone: ZONE });
  const month = DateTime.fromObject({ year: from.year + years, month: from.month, day: 1 }, { zone: ZONE });
  return month.set({ day: Math.min(from.day, month.daysInMonth!) }).toISODate()!;
}

function expiryOf(basis: ProfileExpiry['basis'], start: string | null, lastValidDay: string): ProfileExpiry {
  const day = DateTime.fromISO(lastValidDay, { zone: ZONE });
  return {
    basis,
    start,
    lastValidDay,
    validThrough: day.endOf('day').toISO()!,
    // Start of the next day, not end-of-day + 1 ms: correct across DST changes too.
    expiresAt: day.plus({ days: 1 }).startOf('day').toMillis(),
  };
}

/**
 * The expiry of a profile as known on `asOfDay`: a given `validUntil` wins; otherwise the later of
 * confirmation and extension that had already happened by then, plus the 3-year term. Null when
 * no usable date is given.
 */
export function profileExpiry(p: ProfileDates, asOfDay?: string): ProfileExpiry | null {
  if (p.validUntil) return expiryOf('validUntil', null, p.validUntil);
  const anchors = (['extendedAt', 'confirmedAt'] as const)
    .map((basis) => ({ basis, day: p[basis] }))
    .filter((a): a is { basis: 'extendedAt' | 'confirmedAt'; day: string } => a.day !== undefined && (asOfDay === undefined || a.day <= asOfDay))
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  const latest = anchors[0];
  return latest ? expiryOf(latest.basis, latest.day, termLastDay(latest.day)) : null;
}

/** Judges a profile's expiry at instant `at`: expired, expiring within 30 days, or valid. */
export function judgeProfile(expiry: ProfileExpiry, at: number): ProfileVerdict {
  const atDay = DateTime.fromMillis(at, { zone: ZONE });
  const daysLeft = Math.round(DateTime.fromISO(expiry.lastValidDay, { zone: ZONE }).diff(atDay.startOf('day'), 'days').days);
  const status =
    at >= expiry.expiresAt ? 'expired' : expiry.expiresAt <= atDay.plus({ days: EXPIRING_SOON_DAYS }).toMillis() ? 'expiring-soon' : 'valid';
  return { basis: expiry.basis, lastValidDay: expiry.lastValidDay, validThrough: expiry.validThrough, status, daysLeft };
}
