import type { ComponentState, ProbeResult, ProbeState } from '../../domain/types.ts';
import type { ResultsPort } from '../ports.ts';
import type { Admit } from './ops.ts';
import type { RawSnapshot } from './snapshot-file.ts';

/** Probe results and probe/component states of the embedded store (saved in the snapshot, not journaled). */
export class MemoryResults implements ResultsPort {
  private readonly results = new Map<string, ProbeResult[]>();
  private readonly probeStates = new Map<string, ProbeState>();
  private readonly componentStates = new Map<string, ComponentState>();

  async appendResult(result: ProbeResult, keep: number): Promise<void> {
    const list = this.results.get(result.probeId) ?? [];
    list.unshift(structuredClone(result));
    list.length = Math.min(list.length, Math.max(keep, 0));
    this.results.set(result.probeId, list);
  }

  async recentResults(probeId: string, limit: number): Promise<ProbeResult[]> {
    return (this.results.get(probeId) ?? []).slice(0, Math.max(limit, 0)).map((r) => structuredClone(r));
  }

  async recordRun(result: ProbeResult, state: ProbeState, keep: number): Promise<void> {
    await this.appendResult(result, keep);
    await this.setProbeState(state);
  }

  async getProbeStates(): Promise<Map<string, ProbeState>> {
    return new Map(this.probeStates);
  }

  async getProbeStatesOf(ids: readonly string[]): Promise<Map<string, ProbeState>> {
    return pick(this.probeStates, ids);
  }

  async getProbeState(id: string): Promise<ProbeState | null> {
    return this.probeStates.get(id) ?? null;
  }

  async setProbeState(state: ProbeState): Promise<void> {
    this.probeStates.set(state.probeId, frozenCopy(state));
  }

  async getComponentStates(): Promise<Map<string, ComponentState>> {
    return new Map(this.componentStates);
  }

  async getComponentStatesOf(ids: readonly string[]): Promise<Map<string, ComponentState>> {
    return pick(this.componentStates, ids);
  }

  async setComponentStates(states: ComponentState[]): Promise<void> {
    for (const s of states) this.componentStates.set(s.id, frozenCopy(s));
  }

  snapshot(): { results: Record<string, ProbeResult[]>; probeStates: ProbeState[]; componentStates: ComponentState[] } {
    return { results: Object.fromEntries(this.results), probeStates: [...this.probeStates.values()], componentStates: [...this.componentStates.values()] };
  }

  /** Loads a snapshot read from disk, validating each record (a malformed one is quarantined and skipped). */
  load(snapshot: RawSnapshot, file: string, admit: Admit): void {
    for (const [probeId, list] of Object.entries(snapshot.results))
      this.results.set(probeId, list.filter((r) => admit('probeResult', `${file}#results`, r)) as ProbeResult[]);
    for (const s of snapshot.probeStates) if (admit('probeState', `${file}#probeStates`, s)) this.probeStates.set((s as ProbeState).probeId, deepFreeze(s as ProbeState));
    for (const s of snapshot.componentStates) if (admit('componentState', `${file}#componentStates`, s)) this.componentStates.set((s as ComponentState).id, deepFreeze(s as ComponentState));
  }
}

/** The entries of `map` with the given ids (absent ids are left out); the values are frozen, so shared. */
function pick<T>(map: Map<string, T>, ids: readonly string[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const id of ids) {
    const value = map.get(id);
    if (value !== undefined) out.set(id, value);
  }
  return out;
}

/**
 * States are copied once when written and frozen, so reads hand out the stored objects without a
 * copy each (a snapshot rebuild reads every component state; at 5,000 that was 5,000 clones every
 * rebuild). A caller that tried to change one would throw instead of corrupting the store.
 */
function frozenCopy<T extends object>(value: T): Readonly<T> {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
