import type { StatusTransition, UptimeBucket, UptimeClass } from '../../domain/types.ts';
import type { StoreLogger } from '../logger.ts';
import type { HistoryPort, UptimeSlots } from '../ports.ts';
import { checkSlots, SlotRuns } from '../slot-runs.ts';
import type { Admit } from './ops.ts';
import type { MemorySnapshot, RawSnapshot } from './snapshot-file.ts';
import { emptySeconds, isUptimeDay, retentionCutoff, type DaySeconds } from './uptime-days.ts';

const DAY_MS = 86_400_000;

/** Daily uptime buckets and status-change history of the embedded store (saved in the snapshot). */
export class MemoryHistory implements HistoryPort {
  /** component -> day -> seconds per status. */
  private readonly uptime = new Map<string, Map<string, DaySeconds>>();
  private newestUptimeDay: string | null = null;
  private checkedDay: string | null = null;
  private cutoffMemo: { newest: string; retainDays: number; cutoff: string } | null = null;
  /** Cutoff of the last full prune, so pruning runs once per new day rather than on every write. */
  private prunedBelow: string | null = null;
  /**
   * Slots already booked, per slot length, component and day. Not saved in the snapshot: one
   * process books each slot once anyway (its lease is in-process); this keeps the port's promise.
   */
  private readonly booked = new Map<string, { day: string; runs: SlotRuns }>();
  /** component -> transitions sorted by `at`, at most one per instant. */
  private readonly transitions = new Map<string, StatusTransition[]>();

  constructor(private readonly logger: StoreLogger | undefined) {}

  async addUptime(component: string, day: string, status: UptimeClass, seconds: number, retainDays: number): Promise<void> {
    // A malformed day would sort after every real one and prune all history.
    // Every component is booked for the same day each tick: parse the day and its cutoff once, not per component.
    if (day !== this.checkedDay) {
      if (!isUptimeDay(day)) throw new RangeError(`uptime day must be YYYY-MM-DD, got "${day}"`);
      this.checkedDay = day;
    }
    if (this.newestUptimeDay === null || day > this.newestUptimeDay) this.newestUptimeDay = day;
    const newest = this.newestUptimeDay;
    const memo = this.cutoffMemo;
    const cutoff =
      memo !== null && memo.newest === newest && memo.retainDays === retainDays
        ? memo.cutoff
        : (this.cutoffMemo = { newest, retainDays, cutoff: retentionCutoff(newest, retainDays) }).cutoff;
    if (cutoff !== this.prunedBelow) this.pruneUptime(cutoff);
    if (day < cutoff) return;
    let days = this.uptime.get(component);
    if (!days) {
      days = new Map();
      this.uptime.set(component, days);
    }
    const bucket = days.get(day) ?? emptySeconds();
    bucket[status] += seconds;
    days.set(day, bucket);
  }

  async bookUptime(component: string, day: string, status: UptimeClass, slots: UptimeSlots, retainDays: number): Promise<void> {
    checkSlots(slots);
    if (!isUptimeDay(day)) throw new RangeError(`uptime day must be YYYY-MM-DD, got "${day}"`);
    const key = `${slots.seconds}\u0000${component}\u0000${day}`;
    let entry = this.booked.get(key);
    if (!entry) {
      entry = { day, runs: new SlotRuns() };
      this.booked.set(key, entry);
    }
    const fresh = entry.runs.add(slots.from, slots.to);
    if (fresh > 0) await this.addUptime(component, day, status, fresh * slots.seconds, retainDays);
  }

  async getUptime(component: string, fromDay: string, toDay: string): Promise<UptimeBucket[]> {
    const days = this.uptime.get(component);
    if (!days) return [];
    return [...days]
      .filter(([day]) => day >= fromDay && day <= toDay)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, seconds]) => ({ day, seconds: { ...seconds } }));
  }

  async moveUptime(component: string, day: string, from: UptimeClass, to: UptimeClass, seconds: number): Promise<number> {
    const bucket = this.uptime.get(component)?.get(day);
    const moved = bucket && from !== to ? Math.max(0, Math.min(bucket[from], seconds)) : 0;
    if (bucket && moved > 0) [bucket[from], bucket[to]] = [bucket[from] - moved, bucket[to] + moved];
    return moved;
  }

  async addTransitions(transitions: StatusTransition[], retainDays: number): Promise<void> {
    if (transitions.length === 0) return;
    // Retention counts from the newest entry written, the same rule as the Redis store (which has no clock).
    const cutoff = transitions.reduce((max, t) => Math.max(max, t.at), -Infinity) - retainDays * DAY_MS;
    for (const t of transitions) {
      // One entry per component and instant, as on Redis: a later write at the same instant replaces the earlier one.
      const list = (this.transitions.get(t.component) ?? []).filter((e) => e.at !== t.at);
      list.push(structuredClone(t));
      this.transitions.set(t.component, list);
    }
    for (const component of new Set(transitions.map((t) => t.component))) {
      const kept = (this.transitions.get(component) ?? []).filter((t) => t.at >= cutoff).sort((a, b) => a.at - b.at);
      if (kept.length > 0) this.transitions.set(component, kept);
      else this.transitions.delete(component);
    }
  }

  async getTransitions(component: string, from: number, to: number): Promise<StatusTransition[]> {
    const list = this.transitions.get(component) ?? [];
    const inForce = list.filter((t) => t.at < from).slice(-1);
    const within = list.filter((t) => t.at >= from && t.at <= to);
    return [...inForce, ...within].map((t) => structuredClone(t));
  }

  snapshot(): Pick<MemorySnapshot, 'uptime' | 'transitions'> {
    const uptime: MemorySnapshot['uptime'] = {};
    for (const [component, days] of this.uptime) uptime[component] = Object.fromEntries(days);
    return { uptime, transitions: Object.fromEntries(this.transitions) };
  }

  /** Loads a snapshot read from disk: a bad bucket is dropped and logged, a bad transition quarantined. */
  load(snapshot: RawSnapshot, file: string, admit: Admit): void {
    for (const [component, days] of Object.entries(snapshot.uptime)) {
      const map = new Map<string, DaySeconds>();
      for (const [day, seconds] of Object.entries(days)) {
        // Uptime buckets are plain numbers: a bad one is dropped and logged (nothing to mend by hand).
        if (!isUptimeDay(day) || !isSecondsRecord(seconds)) {
          this.logger?.warn({ component, file }, 'malformed uptime bucket dropped from the snapshot');
          continue;
        }
        map.set(day, { ...emptySeconds(), ...seconds });
        if (this.newestUptimeDay === null || day > this.newestUptimeDay) this.newestUptimeDay = day;
      }
      this.uptime.set(component, map);
    }
    for (const [component, list] of Object.entries(snapshot.transitions)) {
      const valid = list.filter((t) => admit('transition', `${file}#transitions`, t)) as StatusTransition[];
      this.transitions.set(component, valid.sort((a, b) => a.at - b.at));
    }
  }

  private pruneUptime(cutoff: string): void {
    this.prunedBelow = cutoff;
    for (const [component, days] of this.uptime) {
      for (const day of days.keys()) if (day < cutoff) days.delete(day);
      if (days.size === 0) this.uptime.delete(component);
    }
    for (const [key, { day }] of this.booked) if (day < cutoff) this.booked.delete(key);
  }
}

function isSecondsRecord(v: unknown): v is Partial<Record<UptimeClass, number>> {
  return typeof v === 'object' && v !== null && Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n));
}
