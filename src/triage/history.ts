import type { Config } from '../config/schema.ts';
import type { ComponentState, MaintenanceWindow } from '../domain/types.ts';
import { effectiveEnd } from '../engine/index.ts';
import type { StorePorts } from '../store/ports.ts';
import type { StatusView } from '../web/status-view.ts';
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

// The guard makes every non-maintenance component monitor_offline at once, so one such reason means blind.
const isBlind = (states: Map<string, ComponentState>): boolean => [...states.values()].some((s) => s.reason === 'monitor_offline');

/** The world now: the same public state every face shows (announced windows in force at `at`). */
export function liveWorld(view: StatusView, at: number): TriageWorld {
  const states = new Map<string, ComponentState>(
    view.public.components.map((c) => [
      c.id,
      {
        id: c.id,
        status: c.status,
        since: c.since ?? 0,
        lastCheckedAt: c.lastCheckedAt,
        // `incident` is the public state's own reason; triage evidence carries it as text.
        reason: c.reason as ComponentState['reason'],
        rootCause: c.rootCause,
      },
    ]),
  );
  const windows = view.windows
    .filter((w) => w.state === 'announced' && Date.parse(w.start) <= at && at < Date.parse(w.effectiveEnd))
    .map((w) => toWorldWindow({ ...w, start: Date.parse(w.start), end: w.end === null ? null : Date.parse(w.end) }));
  return { at, basis: 'live', states, windows, blind: view.public.blind };
}

/** The world at a past instant, from stored transitions (the state in force at `at`) and windows. */
export async function historicWorld(config: Config, stores: WorldSources['stores'], at: number): Promise<TriageWorld> {
  const [histories, stored] = await Promise.all([
    Promise.all(config.components.map((c) => stores.history.getTransitions(c.id, at, at))),
    stores.windows.getWindows(),
  ]);
  const states = new Map<string, ComponentState>();
  config.components.forEach((c, i) => {
    const held = (histories[i] ?? []).filter((t) => t.at <= at).at(-1);
    // No entry at or before `at` (retention, or the monitor was not running): say so, never guess.
    states.set(c.id, held ? { id: c.id, status: held.status, since: held.at, lastCheckedAt: null, reason: held.reason, rootCause: held.rootCause } : unknownState(c.id));
  });
  const windows = stored.filter((w) => windowInForce(w, at)).map(toWorldWindow);
  return { at, basis: 'history', states, windows, blind: isBlind(states) };
}

/** The world at `at`: live for the last minute, history before that. */
export async function worldAt(sources: WorldSources, at: number, now: number): Promise<TriageWorld> {
  return now - at <= LIVE_TOLERANCE_MS ? liveWorld(sources.view(), at) : historicWorld(sources.config, sources.stores, at);
}
