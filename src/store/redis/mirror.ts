import type { ComponentState, MaintenanceWindow, ProbeResult, ProbeState, StatusTransition, UptimeClass } from '../../domain/types.ts';
import type { Incident } from '../../domain/incidents.ts';
import type { Override } from '../../domain/overrides.ts';
import type { Store, UptimeSlots } from '../ports.ts';

interface VerifiedCopy {
  probeStates: Map<string, ProbeState>;
  componentStates: Map<string, ComponentState>;
  windows: MaintenanceWindow[];
  overrides: Override[];
  incidents: Incident[];
}

/**
 * This replica's memory of the shared store (used by RedisGuard): the last known copy of what the
 * pipeline and snapshot read, plus the pipeline writes made while Redis was unreachable. Results
 * and transitions are bounded: past the limit the oldest are dropped and counted.
 */
export class StoreMirror {
  private probeStates = new Map<string, ProbeState>();
  private componentStates = new Map<string, ComponentState>();
  private windows: MaintenanceWindow[] = [];
  private overrides: Override[] = [];
  private incidents: Incident[] = [];
  private readonly results: { result: ProbeResult; keep: number }[] = [];
  private readonly transitions: { transition: StatusTransition; retainDays: number }[] = [];
  private readonly uptime = new Map<string, { component: string; day: string; status: UptimeClass; seconds: number; retainDays: number }>();
  /**
   * Slots booked during the outage, as runs of consecutive slots per component and day. Written
   * back slot by slot through bookUptime, so a slot another replica also booked counts once.
   */
  private readonly slots = new Map<string, { component: string; day: string; retainDays: number; runs: { status: UptimeClass; slots: UptimeSlots }[] }>();
  private readonly dirtyProbes = new Set<string>();
  private readonly dirtyComponents = new Set<string>();
  /** The copy as of the latest check that found the store intact (what an emptied store is re-seeded from). */
  private verified: VerifiedCopy | null = null;
  /** Writes dropped since start because the buffer was full. */
  lost = 0;
  /** Which operator records this replica has read from the store at least once (until then the copy is not known, merely empty). */
  private readonly recordsRead = new Set<'windows' | 'overrides' | 'incidents'>();

  constructor(
    private readonly limit: number,
    private readonly onDrop: (kind: string, count: number) => void,
    /** Told of each write-back as it lands, so a write-back cut short still counts what it wrote. */
    private readonly onWritten: (count: number) => void = () => undefined,
  ) {}

  /** Whether the windows, overrides and incidents served from memory are a copy read from the store (false: never read since start). */
  get recordsKnown(): boolean {
    return this.recordsRead.size === 3;
  }

  /** Results and transitions waiting for write-back. */
  get buffered(): number {
    return this.results.length + this.transitions.length;
  }

  /** Keeps a copy of what a successful call read or wrote. */
  remember(name: string, args: unknown[], value: unknown): void {
    switch (name) {
      case 'getProbeStates':
        this.probeStates = new Map(value as Map<string, ProbeState>);
        break;
      case 'getComponentStates':
        this.componentStates = new Map(value as Map<string, ComponentState>);
        break;
      // Partial reads refresh what they returned (an absent id is not proof of deletion).
      case 'getProbeStatesOf':
        for (const [id, s] of value as Map<string, ProbeState>) this.probeStates.set(id, s);
        break;
      case 'getProbeState':
        if (value) this.probeStates.set((value as ProbeState).probeId, value as ProbeState);
        break;
      case 'getComponentStatesOf':
        for (const [id, s] of value as Map<string, ComponentState>) this.componentStates.set(id, s);
        break;
      case 'getWindows':
        this.windows = value as MaintenanceWindow[];
        this.recordsRead.add('windows');
        break;
      case 'getOverrides':
        this.overrides = value as Override[];
        this.recordsRead.add('overrides');
        break;
      case 'getIncidents':
        this.incidents = value as Incident[];
        this.recordsRead.add('incidents');
        break;
      case 'setProbeState':
        this.probeStates.set((args[0] as ProbeState).probeId, args[0] as ProbeState);
        break;
      case 'recordRun':
        this.probeStates.set((args[1] as ProbeState).probeId, args[1] as ProbeState);
        break;
      case 'setComponentStates':
        for (const s of args[0] as ComponentState[]) this.componentStates.set(s.id, s);
        break;
    }
  }

  /** Holds a pipeline write made while the store was unreachable. */
  defer(name: string, args: unknown[]): void {
    switch (name) {
      case 'appendResult':
        this.results.push({ result: args[0] as ProbeResult, keep: args[1] as number });
        this.trim(this.results, 'result');
        break;
      case 'setProbeState':
        this.remember(name, args, undefined);
        this.dirtyProbes.add((args[0] as ProbeState).probeId);
        break;
      case 'recordRun':
        this.defer('appendResult', [args[0], args[2]]);
        this.defer('setProbeState', [args[1]]);
        break;
      case 'setComponentStates':
        this.remember(name, args, undefined);
        for (const s of args[0] as ComponentState[]) this.dirtyComponents.add(s.id);
        break;
      case 'addTransitions':
        for (const t of args[0] as StatusTransition[]) this.transitions.push({ transition: t, retainDays: args[1] as number });
        this.trim(this.transitions, 'transition');
        break;
      case 'addUptime': {
        const [component, day, status, seconds, retainDays] = args as [string, string, UptimeClass, number, number];
        const key = `${component}\u0000${day}\u0000${status}`;
        const prev = this.uptime.get(key);
        this.uptime.set(key, { component, day, status, seconds: (prev?.seconds ?? 0) + seconds, retainDays });
        break;
      }
      case 'bookUptime': {
        const [component, day, status, slots, retainDays] = args as [string, string, UptimeClass, UptimeSlots, number];
        const key = `${component}\u0000${day}`;
        const entry = this.slots.get(key) ?? { component, day, retainDays, runs: [] };
        this.slots.set(key, entry);
        const last = entry.runs.at(-1);
        // The next tick of the same status extends the run; anything else starts a new one (overlaps are settled by the store).
        if (last && last.status === status && last.slots.seconds === slots.seconds && slots.from >= last.slots.from && slots.from <= last.slots.to + 1) {
          last.slots = { ...last.slots, to: Math.max(last.slots.to, slots.to) };
        } else entry.runs.push({ status, slots: { ...slots } });
        entry.retainDays = retainDays;
        break;
      }
    }
  }

  /** Serves a read from memory while the store is unreachable. */
  read(name: string, args: unknown[]): unknown {
    switch (name) {
      case 'getProbeStates':
        return new Map(this.probeStates);
      case 'getComponentStates':
        return new Map(this.componentStates);
      case 'getProbeStatesOf':
        return pick(this.probeStates, args[0] as readonly string[]);
      case 'getProbeState':
        return this.probeStates.get(args[0] as string) ?? null;
      case 'getComponentStatesOf':
        return pick(this.componentStates, args[0] as readonly string[]);
      case 'getWindows':
        return [...this.windows];
      case 'getOverrides':
        return [...this.overrides];
      case 'getIncidents':
        return [...this.incidents];
      case 'recentResults': {
        const [probeId, limit] = args as [string, number];
        return this.results.filter((r) => r.result.probeId === probeId).map((r) => r.result).reverse().slice(0, Math.max(0, limit));
      }
    }
    return undefined;
  }

  /** Writes everything held back to the store; what is written leaves the buffer, so a failure midway loses nothing. */
  async writeBack(store: Store): Promise<number> {
    let written = 0;
    while (this.results.length > 0) {
      const { result, keep } = this.results[0]!;
      await store.appendResult(result, keep);
      this.results.shift();
      written += 1;
      this.onWritten(1);
    }
    if (this.transitions.length > 0) {
      const batch = this.transitions.map((t) => t.transition);
      await store.addTransitions(batch, Math.max(...this.transitions.map((t) => t.retainDays)));
      this.transitions.length = 0;
      written += batch.length;
      this.onWritten(batch.length);
    }
    for (const [key, u] of [...this.uptime]) {
      await store.addUptime(u.component, u.day, u.status, u.seconds, u.retainDays);
      this.uptime.delete(key);
    }
    // Run by run, each leaving the buffer once written: a retry after a failure books nothing twice.
    for (const [key, entry] of this.slots) {
      while (entry.runs.length > 0) {
        const run = entry.runs[0]!;
        await store.bookUptime(entry.component, entry.day, run.status, run.slots, entry.retainDays);
        entry.runs.shift();
      }
      this.slots.delete(key);
    }
    if (this.dirtyProbes.size > 0) {
      const stored = await store.getProbeStates();
      for (const id of [...this.dirtyProbes]) {
        const ours = this.probeStates.get(id);
        // Another replica may have probed meanwhile: the newer state wins.
        if (ours && (stored.get(id)?.lastCheckedAt ?? -Infinity) <= (ours.lastCheckedAt ?? -Infinity)) await store.setProbeState(ours);
        this.dirtyProbes.delete(id);
      }
    }
    if (this.dirtyComponents.size > 0) {
      const stored = await store.getComponentStates();
      const newer = [...this.dirtyComponents].flatMap((id) => {
        const ours = this.componentStates.get(id);
        return ours && (stored.get(id)?.lastCheckedAt ?? -Infinity) <= (ours.lastCheckedAt ?? -Infinity) ? [ours] : [];
      });
      await store.setComponentStates(newer);
      this.dirtyComponents.clear();
    }
    return written;
  }

  /**
   * Marks the current copy as read from an intact store. Called right after a check found the
   * epoch: every read that finished before it ran before that check on the same connection, so
   * none of it can be the empty aftermath of a flush.
   */
  verify(): void {
    this.verified = {
      probeStates: new Map(this.probeStates),
      componentStates: new Map(this.componentStates),
      windows: this.windows,
      overrides: this.overrides,
      incidents: this.incidents,
    };
  }

  /**
   * Writes the last verified copy into an emptied store, filling only what is missing or older
   * (the pipeline may already have written newer states since the flush).
   */
  async reseed(store: Store): Promise<{ probeStates: number; componentStates: number; windows: number; overrides: number; incidents: number }> {
    const v: VerifiedCopy = this.verified ?? { probeStates: new Map(), componentStates: new Map(), windows: [], overrides: [], incidents: [] };
    const older = (a: number | null | undefined, b: number | null): boolean => (a ?? -Infinity) < (b ?? -Infinity);
    const storedProbes = await store.getProbeStates();
    const probes = [...v.probeStates.values()].filter((s) => !storedProbes.has(s.probeId) || older(storedProbes.get(s.probeId)!.lastCheckedAt, s.lastCheckedAt));
    for (const s of probes) await store.setProbeState(s);
    const storedComponents = await store.getComponentStates();
    const components = [...v.componentStates.values()].filter((s) => !storedComponents.has(s.id) || older(storedComponents.get(s.id)!.lastCheckedAt, s.lastCheckedAt));
    await store.setComponentStates(components);
    const storedWindows = new Set((await store.getWindows()).map((w) => w.id));
    const windows = v.windows.filter((w) => !storedWindows.has(w.id));
    if (windows.length > 0) await store.putWindows(windows);
    const storedOverrides = new Set((await store.getOverrides()).map((o) => o.component));
    const overrides = v.overrides.filter((o) => !storedOverrides.has(o.component));
    for (const o of overrides) await store.putOverride(o);
    // Saved only where none exists (version 0), so a replica re-seeding second changes nothing.
    let incidents = 0;
    for (const i of v.incidents) if (await store.saveIncident(i, 0)) incidents += 1;
    return { probeStates: probes.length, componentStates: components.length, windows: windows.length, overrides: overrides.length, incidents };
  }

  private trim(buffer: unknown[], kind: string): void {
    const over = buffer.length - this.limit;
    if (over <= 0) return;
    buffer.splice(0, over);
    this.lost += over;
    this.onDrop(kind, over);
  }
}

function pick<T>(map: Map<string, T>, ids: readonly string[]): Map<string, T> {
  return new Map(ids.flatMap((id) => (map.has(id) ? [[id, map.get(id)!] as [string, T]] : [])));
}
