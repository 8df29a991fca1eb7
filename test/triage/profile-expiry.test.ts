import { describe, expect, it } from 'vitest';
import { judgeProfile, profileExpiry, termLastDay } from '../../src/triage/profile-expiry.ts';

describe('art. 112 k.c. term of a trusted profile', () => {
  it.each([
    ['2024-02-29', '2027-02-28'],
    ['2023-02-28', '2026-02-28'],
    ['2025-02-28', '2028-02-28'],
    ['2021-02-28', '2024-02-28'],
    ['2023-01-31', '2026-01-31'],
    ['2023-03-29', '2026-03-29'],
    ['2023-10-25', '2026-10-25'],
    ['2023-12-31', '2026-12-31'],
    ['2020-10-31', '2023-10-31'],
  ])('when the term starts on %s, then its last day is %s', (start, last) => {
    expect(termLastDay(start)).toBe(last);
  });

  it('when a 1-year term starts on 29 Feb, then it ends on 28 Feb of the next year', () => {
    expect(termLastDay('2024-02-29', 1)).toBe('2025-02-28');
  });

  it.each([
    [{ confirmedAt: '2024-02-29' }, 'confirmedAt', '2027-02-28', '2027-02-28T23:59:59.999+01:00', '2027-02-28T23:00:00.000Z'],
    [{ confirmedAt: '2023-06-15' }, 'confirmedAt', '2026-06-15', '2026-06-15T23:59:59.999+02:00', '2026-06-15T22:00:00.000Z'],
    [{ confirmedAt: '2023-03-29' }, 'confirmedAt', '2026-03-29', '2026-03-29T23:59:59.999+02:00', '2026-03-29T22:00:00.000Z'],
    [{ confirmedAt: '2023-10-25' }, 'confirmedAt', '2026-10-25', '2026-10-25T23:59:59.999+01:00', '2026-10-25T23:00:00.000Z'],
    [{ confirmedAt: '2020-05-01', extendedAt: '2023-05-01' }, 'extendedAt', '2026-05-01', '2026-05-01T23:59:59.999+02:00', '2026-05-01T22:00:00.000Z'],
    [{ confirmedAt: '2018-01-01', extendedAt: '2021-01-01', validUntil: '2027-06-30' }, 'validUntil', '2027-06-30', '2027-06-30T23:59:59.999+02:00', '2027-06-30T22:00:00.000Z'],
  ] as const)('when the dates are %j, then the basis is %s and the profile is valid through %s', (dates, basis, last, through, expires) => {
    const e = profileExpiry(dates);
    expect(e).toMatchObject({ basis, lastValidDay: last, validThrough: through });
    expect(new Date(e!.expiresAt).toISOString()).toBe(expires);
  });

  it('when no date is given, then there is no expiry', () => {
    expect(profileExpiry({})).toBeNull();
  });

  it('when the extension came after the day asked about, then the confirmation is the basis', () => {
    expect(profileExpiry({ confirmedAt: '2020-05-01', extendedAt: '2023-07-01' }, '2023-06-01')).toMatchObject({ basis: 'confirmedAt', lastValidDay: '2023-05-01' });
  });

  const e = profileExpiry({ confirmedAt: '2024-02-29' })!;
  it.each([
    ['2027-02-28T22:59:59.999Z', 'expiring-soon', 0],
    ['2027-02-28T23:00:00.000Z', 'expired', -1],
    ['2027-01-29T23:00:00.000Z', 'expiring-soon', 29],
    ['2027-01-28T22:59:59.000Z', 'valid', 31],
    ['2026-11-22T10:00:00.000Z', 'valid', 98],
    ['2030-01-01T10:00:00.000Z', 'expired', -1038],
  ] as const)('when judged at %s, then the profile is %s with %i days left', (when, status, daysLeft) => {
    expect(judgeProfile(e, Date.parse(when))).toMatchObject({ status, daysLeft });
  });
});
