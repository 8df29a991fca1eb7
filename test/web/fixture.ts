import { DateTime } from 'luxon';
import type { Express } from 'express';
import type { Config } from '../../src/config/schema.ts';
import { loadDemoConfig } from '../../src/demo/demo-config.ts';
import { FakeClock } from '../../src/domain/clock.ts';
import type { ComponentState, ComponentStatus, MaintenanceWindow } from '../../src/domain/types.ts';
import type { Incident } from '../../src/incidents/types.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports.ts';
import type { StatusSnapshot } from '../../src/status/snapshot.ts';
import { webAppOver } from '../helpers/web-app.ts';

/** 27 January 2026, 21:30 in Warsaw: inside the maintenance window of the `maintenance` scene. */
export const T0 = Date.parse('2026-01-27T20:30:00Z');
/** Untrusted scraped text that must never execute or break markup. */
export const HOSTILE_TITLE = '<script>alert("x")</script><img src=x onerror=alert(1)> Przerwa ]]> & "cudzysłów"';
export const HOSTILE_LINK = 'javascript:alert(1)';

/** Page states the web tests render. */
export type Scene = 'ok' | 'outage' | 'maintenance' | 'blind';
export const SCENES: Scene[] = ['ok', 'outage', 'maintenance', 'blind'];

/** An app over a memory store seeded with one scene. */
export interface WebFixture {
  config: Config;
  stores: Stores;
  clock: FakeClock;
  snapshot: StatusSnapshot;
  app: Express;
  close(): Promise<void>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The demo config (banks, login methods, probes) with upstreams on an unused local port. */
export function fixtureConfig(): Config {
  return loadDemoConfig('http://127.0.0.1:9', {});
}

function state(id: string, status: ComponentStatus, reason: ComponentState['reason'], now: number, extra: Partial<ComponentState> = {}): ComponentState {
  // Checked 10 s ago: fresh under the demo's 5-s probes (stale after 3 × 5 s), as a running monitor's data is.
  return { id, status, reason, rootCause: null, since: now - 3 * DAY, lastCheckedAt: now - 10_000, ...extra };
}

/** Windows of the scenes: one active (maintenance scene only) and one upcoming with hostile text. */
export function sceneWindows(scene: Scene, now: number): MaintenanceWindow[] {
  const base = { source: 'notices-pz', kind: 'maintenance' as const, publishedAt: now - DAY, firstSeenAt: now - DAY, lastSeenAt: now, updatedAt: now - HOUR, state: 'announced' as const };
  const upcoming: MaintenanceWindow = {
    ...base,
    id: 'https://example.gov.pl/komunikat-2#0',
    noticeKey: 'https://example.gov.pl/komunikat-2',
    components: ['mojeid'],
    start: now + 2 * DAY,
    end: now + 2 * DAY + 2 * HOUR,
    title: HOSTILE_TITLE,
    text: `W nocy planujemy prace. ${HOSTILE_TITLE}`,
    link: HOSTILE_LINK,
  };
  if (scene !== 'maintenance') return [upcoming];
  const active: MaintenanceWindow = {
    ...base,
    id: 'https://example.gov.pl/komunikat-1#0',
    noticeKey: 'https://example.gov.pl/komunikat-1',
    components: ['login-gov'],
    start: now - 30 * MIN,
    end: now + 90 * MIN,
    title: 'Przerwa techniczna w działaniu login.gov.pl',
    text: 'W dniu 27 stycznia w godz. 21:00–23:00 login.gov.pl będzie niedostępny.',
    link: 'https://example.gov.pl/komunikat-1',
  };
  return [active, upcoming];
}

/** Component states of a scene, in the shape the engine would write them. */
export function sceneStates(config: Config, scene: Scene, now: number): ComponentState[] {
  return config.components.map((c) => {
    const dependsOnPz = c.dependsOn.includes('profil-zaufany');
    if (scene === 'blind') return state(c.id, 'unknown', 'monitor_offline', now, { since: now - 10 * MIN, lastCheckedAt: now - 12 * MIN });
    if (scene === 'outage' && c.id === 'profil-zaufany') return state(c.id, 'outage', 'http_status', now, { since: now - 25 * MIN });
    if (scene === 'outage' && dependsOnPz) return state(c.id, 'operational', 'ok', now, { rootCause: 'profil-zaufany' });
    if (scene === 'maintenance' && c.id === 'login-gov') return state(c.id, 'maintenance', 'maintenance', now, { since: now - 30 * MIN });
    if (scene === 'maintenance') return state(c.id, 'operational', 'ok', now, { rootCause: 'login-gov' });
    if (scene === 'outage' && c.id === 'bank:mbank') return state(c.id, 'degraded', 'slow', now, { since: now - 5 * MIN });
    return state(c.id, 'operational', 'ok', now);
  });
}

/** Incidents of the outage scene: one open (with hostile operator text) and one resolved. */
export function sceneIncidents(scene: Scene, now: number): Incident[] {
  if (scene !== 'outage') return [];
  const base = { version: 1, automatic: false, draft: false, createdBy: 'dyzurny' };
  return [
    {
      ...base,
      id: 'inc-pz',
      title: { pl: 'Nie działa logowanie Profilem Zaufanym', en: 'Trusted Profile login fails' },
      impact: 'major',
      state: 'identified',
      components: ['profil-zaufany'],
      createdAt: now - 20 * MIN,
      updatedAt: now - 5 * MIN,
      resolvedAt: null,
      updates: [
        { id: 'u1', at: now - 20 * MIN, state: 'investigating', body: { pl: 'Badamy zgłoszenia.' }, by: 'dyzurny' },
        { id: 'u2', at: now - 5 * MIN, state: 'identified', body: { pl: `Przyczyna po stronie pz.gov.pl. ${HOSTILE_TITLE}`, en: 'The cause is at pz.gov.pl.' }, by: 'dyzurny' },
      ],
    },
    {
      ...base,
      id: 'inc-old',
      title: { pl: 'Wolne logowanie przez mBank' },
      impact: 'minor',
      state: 'resolved',
      components: ['bank:mbank'],
      createdAt: now - 3 * DAY,
      updatedAt: now - 3 * DAY + HOUR,
      resolvedAt: now - 3 * DAY + HOUR,
      updates: [{ id: 'u1', at: now - 3 * DAY + HOUR, state: 'resolved', body: { pl: 'Działa.' }, by: 'dyzurny' }],
    },
  ];
}

/** 90 days of uptime (the oldest 20 without data, some outage, maintenance and slow days) and 30 recent results per probe. */
export async function seedHistory(store: Stores, config: Config, now: number): Promise<void> {
  const today = DateTime.fromMillis(now, { zone: 'Europe/Warsaw' }).startOf('day');
  const writes: Promise<void>[] = [];
  config.components.forEach((c, ci) => {
    for (let back = 0; back < 70; back += 1) {
      const day = today.minus({ days: back }).toISODate()!;
      const seconds = back === 0 ? 21 * 3600 : 86_400;
      const outage = (back + ci) % 23 === 5 ? 2 * 3600 : 0;
      const maintenance = c.id === 'login-gov' && back % 14 === 3 ? 3 * 3600 : 0;
      const degraded = (back + ci) % 17 === 8 ? 4 * 3600 : 0;
      const add = (s: ComponentStatus, n: number): void => void (n > 0 && writes.push(store.history.addUptime(c.id, day, s, n, 100)));
      add('operational', seconds - outage - maintenance - degraded);
      add('outage', outage);
      add('maintenance', maintenance);
      add('degraded', degraded);
    }
  });
  await Promise.all(writes);
  for (const [pi, p] of config.probes.entries()) {
    for (let i = 29; i >= 0; i -= 1) {
      const ok = (i + pi) % 11 !== 4;
      const durationMs = 180 + ((i * 37 + pi * 53) % 400) + (ok ? 0 : 2500);
      await store.results.appendResult({ probeId: p.id, component: p.component ?? null, at: now - i * 5_000, ok, degraded: false, reason: ok ? 'ok' : 'timeout', durationMs }, 100);
    }
  }
}

/** Seeds a memory store with a scene and builds the app over it (not listening). */
export async function webFixture(scene: Scene, config = fixtureConfig()): Promise<WebFixture> {
  const clock = new FakeClock(T0);
  const store = await createStore({ redisUrl: null, keyPrefix: 'ikp:', snapshotFile: null, clock });
  await seedHistory(store, config, T0);
  await store.results.setComponentStates(sceneStates(config, scene, T0));
  await store.windows.putWindows(sceneWindows(scene, T0));
  for (const incident of sceneIncidents(scene, T0)) await store.operator.saveIncident(incident, 0);
  const { snapshot, app, close } = await webAppOver(store, config, clock);
  return {
    config,
    stores: store,
    clock,
    snapshot,
    app,
    close,
  };
}
