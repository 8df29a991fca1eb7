import type { ComponentConfig, ProbeConfig } from '../config/schema.ts';
import { componentGraph, type ComponentGraph } from './evaluate.ts';
import { reportedComponents } from './probe-components.ts';

/** What evaluating a set of components reads. */
export interface EvaluationInputs {
  /** Probes whose states the verdicts use: the components' own, their journey groups' and every canary. */
  probes: ProbeConfig[];
  /** Components whose stored states are needed: the evaluated ones plus those root-cause walks reach. */
  components: string[];
}

/**
 * Who depends on whom, derived once from the config, so that a probe result re-evaluates only the
 * components it can change instead of all of them (issue 14).
 *
 * A result of probe P can change:
 * - the components P reports on: its own and, for a journey, every hop's component;
 * - every component of P's journey group. Journeys judge a hop together (a failure one journey sees
 *   at a hop that another journey passes is only "degraded" there and moves to the first journey's
 *   own component), so journeys sharing a component form one group, judged as a whole;
 * - every component that depends on those through `dependsOn`, transitively (root causes).
 * A canary result can change every component (the blind-monitor guard), and so can a notice source
 * (its windows may name any component): for those `affectedBy` answers null, meaning "all".
 */
export class DependencyIndex {
  private readonly probesById = new Map<string, ProbeConfig>();
  private readonly ownProbes = new Map<string, ProbeConfig[]>();
  /** Component → the journey group (components and journeys) it belongs to; absent when no journey touches it. */
  private readonly groups = new Map<string, { components: Set<string>; journeys: ProbeConfig[] }>();
  private readonly dependants = new Map<string, string[]>();
  /** The canary probes (the blind-monitor guard reads them on every evaluation). */
  readonly canaries: readonly ProbeConfig[];
  /** Positions and dependsOn of every component, for evaluation passes (built once, not per pass). */
  readonly graph: ComponentGraph;

  constructor(components: readonly ComponentConfig[], probes: readonly ProbeConfig[]) {
    for (const p of probes) {
      this.probesById.set(p.id, p);
      if (p.component !== undefined) push(this.ownProbes, p.component, p);
    }
    for (const c of components) {
      for (const d of c.dependsOn) push(this.dependants, d, c.id);
    }
    this.canaries = probes.filter((p) => p.canary);
    this.graph = componentGraph(components);
    this.buildGroups(probes.filter((p) => p.kind === 'journey'));
  }

  /** The components a batch of results from these probes can change, or null when it can change any. */
  affectedBy(probeIds: Iterable<string>): Set<string> | null {
    const direct = new Set<string>();
    for (const id of probeIds) {
      const p = this.probesById.get(id);
      if (p === undefined) continue;
      if (p.canary || p.kind === 'notices') return null;
      for (const c of reportedComponents(p)) {
        const group = this.groups.get(c);
        if (group) for (const g of group.components) direct.add(g);
        else direct.add(c);
      }
    }
    return this.closeOver(direct, this.dependants);
  }

  /** The probe states and stored component states that evaluating `components` reads. */
  inputsOf(components: ReadonlySet<string>): EvaluationInputs {
    const probes = new Set<ProbeConfig>(this.canaries);
    for (const c of components) {
      for (const p of this.ownProbes.get(c) ?? []) probes.add(p);
      for (const j of this.groups.get(c)?.journeys ?? []) probes.add(j);
    }
    return { probes: [...probes], components: [...this.closeOver(new Set(components), this.graph.dependencies)] };
  }

  /** `start` plus everything reachable from it along `edges`. */
  private closeOver(start: Set<string>, edges: ReadonlyMap<string, string[]>): Set<string> {
    const out = new Set(start);
    const todo = [...start];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      for (const next of edges.get(id) ?? []) {
        if (out.has(next)) continue;
        out.add(next);
        todo.push(next);
      }
    }
    return out;
  }

  /** Joins journeys that share a component (union-find over components). */
  private buildGroups(journeys: ProbeConfig[]): void {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root) ?? root;
      parent.set(x, root);
      return root;
    };
    for (const j of journeys) {
      const cs = reportedComponents(j);
      for (const c of cs) if (!parent.has(c)) parent.set(c, c);
      for (const c of cs.slice(1)) parent.set(find(c), find(cs[0]!));
    }
    const byRoot = new Map<string, { components: Set<string>; journeys: ProbeConfig[] }>();
    for (const c of parent.keys()) {
      const root = find(c);
      const group = byRoot.get(root) ?? { components: new Set<string>(), journeys: [] };
      byRoot.set(root, group);
      group.components.add(c);
      this.groups.set(c, group);
    }
    for (const j of journeys) {
      const first = reportedComponents(j)[0];
      if (first !== undefined) byRoot.get(find(first))?.journeys.push(j);
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
