import { DateTime } from 'luxon';
import type { AuditEntry } from '../../../src/domain/audit.ts';
import type { FakeClock } from '../../../src/domain/clock.ts';
import type { Incident } from '../../../src/domain/incidents.ts';
import type { Override } from '../../../src/domain/overrides.ts';
import type { ComponentState, ComponentStatus, MaintenanceWindow, ProbeResult, ProbeState, StatusTransition, UptimeClass } from '../../../src/domain/types.ts';
import type { OutboxEntry } from '../../../src/domain/webhook-events.ts';
import type { StorePorts } from '../../../src/store/ports.ts';

/** What each backend's test file hands the contract: a fresh store over empty, isolated data. */
export interface StoreFixture {
  stores: StorePorts;
  /** Drives stores that read an injected clock (leases); real-time stores ignore it. */
  clock: FakeClock;
  /** Another handle on the same backing data, like a second replica (may be `stores` itself for in-process stores). */
  makePeer: () => Promise<StorePorts>;
  /** Closes `stores` and opens a new one over the same data, like a clean restart. */
  reopen: () => Promise<StorePorts>;
  /** Closes everything the fixture opened and removes its data. */
  cleanup: () => Promise<void>;
}

/** Real UTC day `offset` days from today, so time-based expiry (Redis) and newest-day retention (memory) agree. */
export function dayFromToday(offset: number): string {
  return DateTime.utc().startOf('day').plus({ days: offset }).toFormat('yyyy-MM-dd');
}

export function result(probeId: string, at: number, extra: Partial<ProbeResult> = {}): ProbeResult {
  return { probeId, component: 'login-gov', at, ok: true, degraded: false, reason: 'ok', durationMs: 120, ...extra };
}

export function probeState(probeId: string, extra: Partial<ProbeState> = {}): ProbeState {
  return {
    probeId,
    status: 'up',
    consecutiveFailures: 0,
    consecutiveSuccesses: 3,
    consecutiveSlow: 0,
    consecutiveFast: 3,
    lastOk: true,
    lastReason: 'ok',
    lastCheckedAt: 1_700_000_000_000,
    since: 1_690_000_000_000,
    ...extra,
  };
}

export function componentState(id: string, status: ComponentStatus, extra: Partial<ComponentState> = {}): ComponentState {
  return { id, status, since: 1_700_000_000_000, lastCheckedAt: 1_700_000_060_000, reason: 'ok', rootCause: null, ...extra };
}

export function seconds(partial: Partial<Record<UptimeClass, number>>): Record<UptimeClass, number> {
  return { operational: 0, degraded: 0, partial: 0, unverified: 0, maintenance: 0, outage: 0, unknown: 0, ...partial };
}

export const DAY_MS = 86_400_000;
/** A fixed instant for history tests: stores must not compare history with the wall clock. */
export const T0 = 1_700_000_000_000;

/** A status transition with sensible defaults. */
export function transition(component: string, at: number, status: ComponentStatus, extra: Partial<StatusTransition> = {}): StatusTransition {
  return { component, at, status, reason: status === 'operational' ? 'ok' : 'timeout', rootCause: null, ...extra };
}

/** A fully populated maintenance window. */
export function maintenanceWindow(id: string, extra: Partial<MaintenanceWindow> = {}): MaintenanceWindow {
  return {
    id,
    source: 'notices-pz',
    noticeKey: 'https://pz.gov.pl/komunikat/1',
    kind: 'maintenance',
    components: ['profil-zaufany', 'login-gov'],
    start: T0,
    end: T0 + 3_600_000,
    title: 'Prace serwisowe <b>',
    text: 'W nocy z 27 na 28 & dalej',
    link: 'https://pz.gov.pl/komunikat/1',
    publishedAt: T0 - DAY_MS,
    firstSeenAt: T0 - DAY_MS,
    lastSeenAt: T0 - 60_000,
    updatedAt: T0 - 120_000,
    state: 'announced',
    ...extra,
  };
}

/** Windows sorted by id, since getWindows promises no order. */
export function byId(windows: MaintenanceWindow[]): MaintenanceWindow[] {
  return [...windows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A fully populated incident. */
export function incident(id: string, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    version: 1,
    title: { pl: 'Awaria <e-recept>', en: 'E-prescription outage' },
    impact: 'major',
    state: 'investigating',
    components: ['ikp', 'bank:pko'],
    automatic: false,
    draft: false,
    createdAt: T0,
    createdBy: 'alice',
    updatedAt: T0,
    resolvedAt: null,
    updates: [{ id: 'u1', at: T0, state: 'investigating', body: { pl: 'Trwa awaria & pracujemy' }, by: 'alice' }],
    ...extra,
  };
}

export function override(component: string, extra: Partial<Override> = {}): Override {
  return { component, status: 'operational', reason: 'probe is wrong', createdBy: 'alice', createdAt: T0, expiresAt: T0 + 3_600_000, ...extra };
}

export function audit(id: string, at: number): AuditEntry {
  return { id, at, actor: 'alice', role: 'operator', action: 'incident.create', target: { kind: 'incident', id: 'i1' }, before: null, after: { x: 1 } };
}

export function outboxEntry(id: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  const event: OutboxEntry['event'] = { id: `incident:i1:v1`, type: 'incident.created', at: T0, data: { incident: incident('i1') } };
  return { id, webhookId: 'ops', event, attempts: 0, nextAttemptAt: T0, claimedUntil: T0 + 120_000, ...extra };
}

/** Today as a UTC day (Redis expires uptime buckets by real time). */
export const today = (): string => DateTime.utc().toFormat('yyyy-MM-dd');
