import type { ComponentState, ComponentStatus, MaintenanceWindow, ProbeResult, ProbeState, StatusTransition } from '../domain/types.ts';
import type { Incident } from '../incidents/types.ts';
import type { Override } from '../overrides/types.ts';
import type { Store } from './store.ts';

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
  private readonly uptime = new Map<string, { component: string; day: string; status: ComponentStatus; seconds: number; retainDays: number }>();
  private readonly dirtyProbes = new Set<string>();
  private readonly dirtyComponents = new Set<string>();
  /** Writes dropped since start because the buffer was full. */
  lost = 0;

  constructor(
    private readonly limit: number,
    private readonly onDrop: (kind: string, count: number) => void,
  ) {}

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
      case 'getWindows':
        this.windows = value as MaintenanceWindow[];
        break;
      case 'getOverrides':
        this.overrides = value as Override[];
        break;
      case 'getIncidents':
        this.incidents = value as Incident[];
        break;
      case 'setProbeState':
        this.probeStates.set((args[0] as ProbeState).probeId, args[0] as ProbeState);
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
      case 'setComponentStates':
        this.remember(name, args, undefined);
        for (const s of args[0] as ComponentState[]) this.dirtyComponents.add(s.id);
        break;
      case 'addTransitions':
        for (const t of args[0] as StatusTransition[]) this.transitions.push({ transition: t, retainDays: args[1] as number });
        this.trim(this.transitions, 'transition');
        break;
      case 'addUptime': {
        const [component, day, status, seconds, retainDays] = args as [string, string, ComponentStatus, number, number];
        const key = `${component}\u0000${day}\u0000${status}`;
        const prev = this.uptime.get(key);
        this.uptime.set(key, { component, day, status, seconds: (prev?.seconds ?? 0) + seconds, retainDays });
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
    }
    if (this.transitions.length > 0) {
      const batch = this.transitions.map((t) => t.transition);
      await store.addTransitions(batch, Math.max(...this.transitions.map((t) => t.retainDays)));
      this.transitions.length = 0;
      written += batch.length;
    }
    for (const [key, u] of [...this.uptime]) {
      await store.addUptime(u.component, u.day, u.status, u.seconds, u.retainDays);
      this.uptime.delete(key);
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

  /** Writes this replica's copy of the state into an emptied store. */
  async reseed(store: Store): Promise<{ probeStates: number; componentStates: number; windows: number; overrides: number; incidents: number }> {
    for (const s of this.probeStates.values()) await store.setProbeState(s);
    await store.setComponentStates([...this.componentStates.values()]);
    if (this.windows.length > 0) await store.putWindows(this.windows);
    for (const o of this.overrides) await store.putOverride(o);
    for (const i of this.incidents) await store.saveIncident(i, 0);
    return {
      probeStates: this.probeStates.size,
      componentStates: this.componentStates.size,
      windows: this.windows.length,
      overrides: this.overrides.length,
      incidents: this.incidents.length,
    };
  }

  private trim(buffer: unknown[], kind: string): void {
    const over = buffer.length - this.limit;
    if (over <= 0) return;
    buffer.splice(0, over);
    this.lost += over;
    this.onDrop(kind, over);
  }
}
