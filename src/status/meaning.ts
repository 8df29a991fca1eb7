/** What a status means to a patient, and how a period in it is booked: one table each, read by the public state and history. */
import type { Meaning, PublicReason } from '../domain/public-state.ts';
import { UNVERIFIED_REASONS } from '../domain/public-state.ts';
import type { ComponentStatus, UptimeClass } from '../domain/types.ts';

/**
 * The engine's status and reason as the public is told them: the meaning decides the words, and
 * the status is brought in line with it so no face can say more than the meaning. A blocked or
 * changed check is "we cannot check" (status unknown), never slowness; a certificate that expires
 * soon does not stop anyone logging in.
 */
export function publicMeaning(status: ComponentStatus, reason: PublicReason): { status: ComponentStatus; meaning: Meaning } {
  if (UNVERIFIED_REASONS.includes(reason) && status !== 'outage' && status !== 'maintenance') return { status: 'unknown', meaning: 'unverified' };
  switch (status) {
    case 'operational':
      return { status, meaning: 'works' };
    case 'degraded':
      if (reason === 'tls_expiring') return { status: 'operational', meaning: 'works' };
      return { status, meaning: reason === 'slow' ? 'slow' : 'partial' };
    case 'unknown':
      return { status, meaning: 'unknown' };
    default:
      return { status, meaning: status };
  }
}

// A period is booked by what it meant, so history keeps slowness, partial failure and blocked checks apart.
const UPTIME_CLASS: Record<Meaning, UptimeClass> = {
  works: 'operational',
  slow: 'degraded',
  partial: 'partial',
  unverified: 'unverified',
  maintenance: 'maintenance',
  outage: 'outage',
  unknown: 'unknown',
};

/** How a period in this engine state is booked in the daily uptime buckets. */
export function uptimeClass(status: ComponentStatus, reason: PublicReason): UptimeClass {
  return UPTIME_CLASS[publicMeaning(status, reason).meaning];
}

