import type { Config } from '../config/schema.ts';
import type { ComponentState, MaintenanceWindow } from '../domain/types.ts';
import { publicState } from '../status/public-state.ts';
import { effectiveEnd, isActive } from '../domain/windows.ts';
import type { StorePorts } from '../store/ports.ts';
import type { StatusView } from '../status/status-view.ts';
import type { TriageWorld, WorldWindow } from './types.ts';

/** Questions about the last minute are answered from the in-process snapshot: no store call. */
export const LIVE_TOLERANCE_MS = 60_000;

/** Where the world at some instant comes from. */
export interface WorldSources {
  config: Config;
  stores: Pick<StorePorts, 'history' | 'windows'>;
  /** The current read model (StatusSnapshot.current().view). */
  view: () => StatusView;
}

/**
 * Whether a stored window counted at `t`. An announced window counts while in force. A withdrawn
 * window counts if it was in force at `t` and still announced then (`t` before `updatedAt`, the
 * moment the withdrawal was seen): sources often remove a notice once the work is over, and that
 * must not erase the past. `firstSeenAt` is deliberately not required: a notice published after
 * the fact ("from 10:00 there was an outage") is still evidence for 10:30. A window cancelled by
 * an operator never counts: the operator has said it was wrong. A pending suggestion never counts.
 */
export function windowInForce(w: MaintenanceWindow, t: number): boolean {
  // A pending suggestion never counted: nobody confirmed it.
  if (w.state === 'cancelled' || w.state === 'pending' || t < w.start || t >= effectiveEnd(w)) return false;
  return w.state === 'announced' || t < w.updatedAt;
}

function toWorldWindow(w: Pick<MaintenanceWindow, 'id' | 'kind' | 'components' | 'start' | 'end' | 'title' | 'link'> & { firstSeenAt?: number }): WorldWindow {
  return { id: w.id, kind: w.kind, components: [...w.components], start: w.start, end: w.end, title: w.title, link: w.link, ...(w.firstSeenAt === undefined ? {} : { firstSeenAt: w.firstSeenAt }) };
}

function unknownState(id: string): ComponentState {
  return { id, status: 'unknown', since: 0, lastCheckedAt: null, reason: 'no_data', rootCause: null };
}

/** The world now: the very public state every face shows, and the announced windows in force at `at`. */
export function liveWorld(view: StatusView, at: number): TriageWorld {
  const windows = view.windows
    .map((w) => ({ ...w, start: Date.parse(w.start), end: w.end === null ? null : Date.parse(w.end) }))
    .filter((w) => isActive(w, at))
    .map((w) => toWorldWindow(w));
  return { at, basis: 'live', public: view.public, windows, blind: view.public.blind };
}

/**
 * The world at a past instant: the state each component held at `at` (its last stored transition)
 * and the windows that counted then, put through the same `publicState()` as the page, so a past
 * answer uses the same meanings, root causes, login rows and alternatives as a live one.
 */
export async function historicWorld(config: Config, stores: WorldSources['stores'], at: number): Promise<TriageWorld> {
  const [histories, stored] = await Promise.all([
    Promise.all(config.components.map((c) => stores.history.getTransitions(c.id, at, at))),
    stores.windows.getWindows(),
  ]);
  const states = new Map<string, ComponentState>();
  config.components.forEach((c, i) => {
    const held = (histories[i] ?? []).filter((t) => t.at <= at).at(-1);
    // No entry at or before `at` (retention, or the monitor was not running): say so, never guess.
    // A held state stood until the next transition, so it speaks for `at` (checked "then").
    states.set(c.id, held ? { id: c.id, status: held.status, since: held.at, lastCheckedAt: at, reason: held.reason, rootCause: held.rootCause } : unknownState(c.id));
  });
  const inForce = stored.filter((w) => windowInForce(w, at));
  const state = publicState({
    now: at,
    components: config.components,
    loginMethods: config.loginMethods,
    states,
    // Windows that counted then are announced as far as that instant goes (a later withdrawal does not erase the past).
    windows: inForce.map((w) => ({ id: w.id, kind: w.kind, state: 'announced', components: w.components, start: w.start, end: w.end })),
    // Incidents and overrides are not kept per instant: the stored transitions already carry what they changed.
    incidents: [],
    overrides: [],
    // Freshness is about "now"; a past state held until its next transition.
    freshForMs: () => Number.POSITIVE_INFINITY,
    staleAfterMs: Number.POSITIVE_INFINITY,
  });
  // The guard marks every non-maintenance component monitor_offline at once; no stored history at all is "no data", not blindness.
  const blind = [...states.values()].some((s) => s.reason === 'monitor_offline');
  return { at, basis: 'history', public: state, windows: inForce.map(toWorldWindow), blind };
}

/** The world at `at`: live for the last minute, history before that. */
export async function worldAt(sources: WorldSources, at: number, now: number): Promise<TriageWorld> {
  return now - at <= LIVE_TOLERANCE_MS ? liveWorld(sources.view(), at) : historicWorld(sources.config, sources.stores, at);
}
