import type { ComponentState, ProbeResult, ProbeState } from '../../domain/types.ts';
import type { ResultsPort } from '../ports.ts';
import { execChecked, readFields, readHash, type RedisContext } from './context.ts';

/** Probe results (a trimmed LIST per probe) and probe/component states (one HASH each) on Redis. */
export class RedisResults implements ResultsPort {
  constructor(private readonly ctx: RedisContext) {}

  async appendResult(result: ProbeResult, keep: number): Promise<void> {
    const key = this.ctx.keys.results(result.probeId);
    // LTRIM 0 -1 would keep everything, so "keep none" is a delete.
    if (keep <= 0) {
      await this.ctx.redis.del(key);
      return;
    }
    await this.ctx.redis.multi().lpush(key, JSON.stringify(result)).ltrim(key, 0, keep - 1).exec();
  }

  async recentResults(probeId: string, limit: number): Promise<ProbeResult[]> {
    if (limit <= 0) return [];
    const key = this.ctx.keys.results(probeId);
    const raw = await this.ctx.redis.lrange(key, 0, limit - 1);
    return raw.flatMap((json) => this.ctx.parse<ProbeResult>(json, key));
  }

  async recordRun(result: ProbeResult, state: ProbeState, keep: number): Promise<void> {
    const { redis, keys } = this.ctx;
    const key = keys.results(result.probeId);
    // One MULTI: the result and the state it led to land together, in one round trip.
    const tx = redis.multi();
    if (keep <= 0) tx.del(key);
    else tx.lpush(key, JSON.stringify(result)).ltrim(key, 0, keep - 1);
    await execChecked(tx.hset(keys.probeStates, state.probeId, JSON.stringify(state)));
  }

  getProbeStates(): Promise<Map<string, ProbeState>> {
    return readHash<ProbeState>(this.ctx, this.ctx.keys.probeStates);
  }

  getProbeStatesOf(ids: readonly string[]): Promise<Map<string, ProbeState>> {
    return readFields<ProbeState>(this.ctx, this.ctx.keys.probeStates, ids);
  }

  async getProbeState(id: string): Promise<ProbeState | null> {
    return (await this.getProbeStatesOf([id])).get(id) ?? null;
  }

  async setProbeState(state: ProbeState): Promise<void> {
    await this.ctx.redis.hset(this.ctx.keys.probeStates, state.probeId, JSON.stringify(state));
  }

  getComponentStates(): Promise<Map<string, ComponentState>> {
    return readHash<ComponentState>(this.ctx, this.ctx.keys.componentStates);
  }

  getComponentStatesOf(ids: readonly string[]): Promise<Map<string, ComponentState>> {
    return readFields<ComponentState>(this.ctx, this.ctx.keys.componentStates, ids);
  }

  async setComponentStates(states: ComponentState[]): Promise<void> {
    if (states.length === 0) return;
    await this.ctx.redis.hset(this.ctx.keys.componentStates, Object.fromEntries(states.map((s) => [s.id, JSON.stringify(s)])));
  }
}
