import type { ProbeResult, ProbeState } from '../domain/types.ts';
import type { Store } from '../store/store.ts';
// TEMP until the store ports land.
export async function recordRun(store: Store, result: ProbeResult, state: ProbeState, keep: number): Promise<void> {
  await store.appendResult(result, keep);
  await store.setProbeState(state);
}
export async function getProbeStatesOf(store: Store, ids: string[]): Promise<Map<string, ProbeState>> {
  const m = await store.getProbeStates();
  return new Map(ids.flatMap((id) => (m.has(id) ? [[id, m.get(id)!] as const] : [])));
}
