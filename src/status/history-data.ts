import { DateTime } from 'luxon';
import type { Config } from '../config/schema.ts';
import type { StatusTransition, UptimeBucket } from '../domain/types.ts';
import type { StorePorts } from '../store/ports.ts';
import { inBatches } from '../domain/in-batches.ts';
import { judgeFailure, type CanaryRun } from '../engine/sight.ts';

/** How many days of uptime bars the page shows. */
export const HISTORY_DAYS = 90;
/** How many recent results feed the response-time chart. */
export const LATENCY_POINTS = 30;
// Past days are final once the day is over; re-read them hourly anyway, in case the store was restored.
const PAST_REFRESH_MS = 3_600_000;

/** One probe run on the response-time chart. */
export interface LatencyPoint {
  at: number;
  ms: number;
  ok: boolean;
  /**
   * Taken while the monitor itself could not see the internet (the canaries around it failed, as
   * the sight guard judges it): not a measurement of the service, so the chart shows a gap.
   */
  blind: boolean;
}

/** What the history section needs, read from the store once per snapshot rebuild. */
export interface HistoryData {
  /** The days shown (YYYY-MM-DD, Europe/Warsaw), oldest first, ending today. */
  days: string[];
  /** Per component: the buckets that exist within `days`, oldest first. */
  uptime: Record<string, UptimeBucket[]>;
  /** Per component: its first probe's recent runs, oldest first. */
  latency: Record<string, LatencyPoint[]>;
  /** Per component: its status changes over the shown days, oldest first (Statuspage old_status and created_at). */
  transitions?: Record<string, StatusTransition[]>;
}

/** History before anything has been read. */
export const EMPTY_HISTORY: HistoryData = { days: [], uptime: {}, latency: {}, transitions: {} };

/** The `count` Warsaw days ending with the day of `now`, oldest first. */
export function warsawDays(now: number, count: number): string[] {
  const today = DateTime.fromMillis(now, { zone: 'Europe/Warsaw' }).startOf('day');
  return Array.from({ length: count }, (_, i) => today.minus({ days: count - 1 - i }).toISODate() ?? '');
}

/**
 * Reads uptime buckets and recent latencies with a bounded number of store calls:
 * past days once per day (they no longer change unless an operator reclassifies a period),
 * then only today's bucket per component, one `recentResults` per component probe and the
 * reclassification list on each rebuild.
 */
export class HistoryLoader {
  private past: { today: string; readAt: number; reclassified: number; uptime: Map<string, UptimeBucket[]> } | null = null;
  private recent: { readAt: number; data: HistoryData } | null = null;
  /** Each component's first probe (the one its latency chart shows), found once. */
  private readonly chartProbe: Map<string, string>;
  /** The canaries, whose stored runs tell which failures were taken blind. */
  private readonly canaries: string[];

  /** `maxAgeMs`: a load within this long of the previous one answers from it (bars and charts need not follow every result). */
  constructor(private readonly deps: { config: Config; stores: Pick<StorePorts, 'results' | 'history' | 'operator'>; maxAgeMs?: number }) {
    this.chartProbe = new Map();
    for (const p of deps.config.probes) if (p.component !== undefined && !this.chartProbe.has(p.component)) this.chartProbe.set(p.component, p.id);
    this.canaries = deps.config.probes.filter((p) => p.canary).map((p) => p.id);
  }

  async load(now: number): Promise<HistoryData> {
    const r = this.recent;
    if (r && now >= r.readAt && now - r.readAt < (this.deps.maxAgeMs ?? 0)) return r.data;
    const data = await this.read(now);
    this.recent = { readAt: now, data };
    return data;
  }

  private async read(now: number): Promise<HistoryData> {
    const { config, stores } = this.deps;
    const days = warsawDays(now, HISTORY_DAYS);
    const today = days[days.length - 1] ?? '';
    const from = days[0] ?? today;
    // A reclassification rewrites past buckets, so a new one invalidates the cached past days.
    const reclassified = (await stores.operator.getReclassifications()).length;
    const past = await this.pastDays(now, today, from, days[days.length - 2] ?? from, reclassified);
    const ids = config.components.map((c) => c.id);
    const probes = ids.map((id) => this.chartProbe.get(id) ?? null);
    const since = now - HISTORY_DAYS * 86_400_000;
    const [todays, recents, changes, canaryRuns] = await Promise.all([
      inBatches(ids, READS_IN_FLIGHT, (id) => stores.history.getUptime(id, today, today)),
      inBatches(probes, READS_IN_FLIGHT, (p) => (p ? stores.results.recentResults(p, LATENCY_POINTS) : Promise.resolve([]))),
      inBatches(ids, READS_IN_FLIGHT, (id) => stores.history.getTransitions(id, since, now)),
      // Every kept run of each canary (canaries are few), so the oldest point on a chart is judged too.
      inBatches(this.canaries, READS_IN_FLIGHT, (c) => stores.results.recentResults(c, config.store.resultsPerProbe)),
    ]);
    const canaries = new Map<string, CanaryRun[]>(this.canaries.map((c, i) => [c, (canaryRuns[i] ?? []).map((r) => ({ at: r.at, ok: r.ok }))]));
    const uptime: Record<string, UptimeBucket[]> = {};
    const latency: Record<string, LatencyPoint[]> = {};
    const transitions: Record<string, StatusTransition[]> = {};
    ids.forEach((id, i) => {
      transitions[id] = [...(changes[i] ?? [])].sort((a, b) => a.at - b.at);
      uptime[id] = [...(past.get(id) ?? []), ...(todays[i] ?? [])];
      // The same judgement the sight guard makes before a failure may count toward a status.
      latency[id] = (recents[i] ?? []).map((r) => ({ at: r.at, ms: r.durationMs, ok: r.ok, blind: !r.ok && judgeFailure(r.at, canaries) === 'discard' })).reverse();
    });
    return { days, uptime, latency, transitions };
  }

  private async pastDays(now: number, today: string, from: string, yesterday: string, reclassified: number): Promise<Map<string, UptimeBucket[]>> {
    const p = this.past;
    if (p && p.today === today && p.reclassified === reclassified && now - p.readAt < PAST_REFRESH_MS) return p.uptime;
    const ids = this.deps.config.components.map((c) => c.id);
    const buckets = await inBatches(ids, READS_IN_FLIGHT, (id) => this.deps.stores.history.getUptime(id, from, yesterday));
    const uptime = new Map(ids.map((id, i) => [id, buckets[i] ?? []]));
    this.past = { today, readAt: now, reclassified, uptime };
    return uptime;
  }
}

/** How many components' history reads are in flight at once (see inBatches). */
const READS_IN_FLIGHT = 64;
