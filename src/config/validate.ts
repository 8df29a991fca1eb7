import type { ComponentConfig, Config, LoginMethodConfig, ProbeConfig } from './schema.ts';
import { intervalToCron } from './duration.ts';
import { describeItem, formatDuration, type ItemKind } from './format-errors.ts';
import { validateOperatorConfig } from './validate-operator.ts';

const BANK_PREFIX = 'bank:';
/** The login-path token that stands for each bank listed in `banks`. */
const BANK_TOKEN = 'bank';

/**
 * Checks what the schema cannot: references between items, duplicate ids, dependency cycles and
 * timing relations. Returns every problem found (empty when the config is sound), each naming its item.
 */
export function validateConfig(config: Config): string[] {
  const componentIds = new Set(config.components.map((c) => c.id));
  return [
    ...duplicateIds('component', config.components),
    ...duplicateIds('probe', config.probes),
    ...duplicateIds('login method', config.loginMethods),
    ...config.components.flatMap((c) => checkComponent(c, componentIds)),
    ...dependencyCycles(config.components, componentIds),
    ...config.probes.flatMap((p) => checkProbe(p, componentIds)),
    ...config.loginMethods.flatMap((m) => checkLoginMethod(m, componentIds)),
    ...prefixed('engine.evaluateEvery', intervalProblem(config.engine.evaluateEvery)),
    ...schedulerProblems(config.scheduler),
    ...validateOperatorConfig(config),
  ];
}

/** The adaptive limit starts at `concurrency` and grows up to `maxConcurrency`, so the ceiling cannot be below the start. */
function schedulerProblems(s: Config['scheduler']): string[] {
  if (s.maxConcurrency >= s.concurrency) return [];
  return [`scheduler.maxConcurrency must be >= scheduler.concurrency (maxConcurrency ${s.maxConcurrency}, concurrency ${s.concurrency})`];
}

function prefixed(item: string, problem: string | null): string[] {
  return problem === null ? [] : [`${item}: ${problem}`];
}

function duplicateIds(kind: ItemKind, items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) reported.add(id);
    seen.add(id);
  }
  return [...reported].map((id) => `${describeItem(kind, id)}: duplicate id`);
}

function checkComponent(c: ComponentConfig, ids: ReadonlySet<string>): string[] {
  const name = describeItem('component', c.id);
  const problems: string[] = [];
  const prefixed = c.id.startsWith(BANK_PREFIX);
  if (prefixed && c.kind !== 'bank') problems.push(`${name}: an id starting with "bank:" needs kind: bank`);
  if (!prefixed && c.kind === 'bank') problems.push(`${name}: kind bank needs an id like "bank:<id>"`);
  for (const dep of c.dependsOn) {
    if (dep === c.id) problems.push(`${name}: dependsOn: a component cannot depend on itself`);
    else if (!ids.has(dep)) problems.push(`${name}: dependsOn: unknown component ${JSON.stringify(dep)}`);
  }
  return problems;
}

/** Finds each dependency cycle once (self-dependencies and unknown ids are reported elsewhere). */
function dependencyCycles(components: readonly ComponentConfig[], ids: ReadonlySet<string>): string[] {
  const edges = new Map<string, string[]>();
  for (const c of components) {
    if (!edges.has(c.id)) edges.set(c.id, c.dependsOn.filter((d) => d !== c.id && ids.has(d)));
  }
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found = new Map<string, string[]>();

  const visit = (id: string): void => {
    stack.push(id);
    onStack.add(id);
    for (const next of edges.get(id) ?? []) {
      if (onStack.has(next)) {
        const cycle = stack.slice(stack.indexOf(next));
        const key = canonicalCycleKey(cycle);
        if (!found.has(key)) found.set(key, [...cycle, next]);
      } else if (!done.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(id);
    done.add(id);
  };
  for (const id of edges.keys()) if (!done.has(id)) visit(id);

  return [...found.values()].map(
    (cycle) => `${describeItem('component', cycle[0] ?? '')}: dependency cycle ${cycle.join(' → ')}`,
  );
}

/** The same cycle found from a different starting node yields the same key. */
function canonicalCycleKey(cycle: readonly string[]): string {
  let best = 0;
  cycle.forEach((id, i) => {
    if (id < (cycle[best] ?? '')) best = i;
  });
  return [...cycle.slice(best), ...cycle.slice(0, best)].join('\u0000');
}

/** Why an interval cannot be scheduled by cron, or null when it can. */
export function intervalProblem(ms: number): string | null {
  if (intervalToCron(ms) !== null) return null;
  const text = formatDuration(ms);
  if (ms < 1000 || ms % 1000 !== 0) return `interval ${text} must be a whole number of seconds`;
  if (ms < 60_000) return `interval ${text} does not divide a minute evenly`;
  if (ms < 3_600_000) return `interval ${text} does not divide an hour evenly`;
  if (ms <= 86_400_000) return `interval ${text} does not divide a day evenly`;
  return `interval ${text} is longer than a day`;
}

function checkProbe(p: ProbeConfig, ids: ReadonlySet<string>): string[] {
  const name = describeItem('probe', p.id);
  const problems: string[] = [];
  const vs = (a: string, aMs: number, b: string, bMs: number) => `(${a} ${formatDuration(aMs)}, ${b} ${formatDuration(bMs)})`;
  if (p.timeout >= p.interval) {
    problems.push(`${name}: timeout must be < interval ${vs('timeout', p.timeout, 'interval', p.interval)}`);
  }
  const cron = intervalProblem(p.interval);
  if (cron !== null) problems.push(`${name}: ${cron}`);
  if (p.kind === 'notices') return [...problems, ...checkNoticesProbe(p, name, ids)];
  if (p.kind === 'journey') return [...problems, ...checkJourneyProbe(p, name, ids)];
  if (p.canary && p.component !== undefined) problems.push(`${name}: a canary probe must not have a component`);
  if (!p.canary && p.component === undefined) problems.push(`${name}: needs a component (or canary: true)`);
  if (p.component !== undefined && !ids.has(p.component)) {
    problems.push(`${name}: component: unknown component ${JSON.stringify(p.component)}`);
  }
  const { degradedAfter, connectTimeout } = p.http;
  if (degradedAfter !== undefined && degradedAfter >= p.timeout) {
    problems.push(`${name}: http.degradedAfter must be < timeout ${vs('degradedAfter', degradedAfter, 'timeout', p.timeout)}`);
  }
  if (connectTimeout !== undefined && connectTimeout > p.timeout) {
    problems.push(`${name}: http.connectTimeout must be <= timeout ${vs('connectTimeout', connectTimeout, 'timeout', p.timeout)}`);
  }
  return problems;
}

/** A notice source speaks for components through `notices.components`; it measures none and is no canary. */
function checkNoticesProbe(p: Extract<ProbeConfig, { kind: 'notices' }>, name: string, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (p.component !== undefined) problems.push(`${name}: a notices probe has no component (use notices.components)`);
  if (p.canary) problems.push(`${name}: a notices probe cannot be a canary`);
  for (const c of p.notices.components) {
    if (!ids.has(c)) problems.push(`${name}: notices.components: unknown component ${JSON.stringify(c)}`);
  }
  if (p.notices.connectTimeout !== undefined && p.notices.connectTimeout > p.timeout) {
    problems.push(`${name}: notices.connectTimeout must be <= timeout`);
  }
  return problems;
}

/** A journey proves one component works; each step may blame another one, which must exist. */
function checkJourneyProbe(p: Extract<ProbeConfig, { kind: 'journey' }>, name: string, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (p.canary) problems.push(`${name}: a journey probe cannot be a canary`);
  if (p.component === undefined) problems.push(`${name}: needs a component (the one the journey proves works)`);
  else if (!ids.has(p.component)) problems.push(`${name}: component: unknown component ${JSON.stringify(p.component)}`);
  p.journey.steps.forEach((s, i) => {
    if (s.component !== undefined && !ids.has(s.component)) {
      problems.push(`${name}: journey.steps[${i}] (${s.id}): component: unknown component ${JSON.stringify(s.component)}`);
    }
    for (const v of s.via ?? []) {
      if (!ids.has(v.component)) problems.push(`${name}: journey.steps[${i}] (${s.id}): via: unknown component ${JSON.stringify(v.component)}`);
    }
    if ((s.timeout ?? p.journey.stepTimeout) > p.timeout) {
      problems.push(`${name}: journey.steps[${i}] (${s.id}): step timeout must be <= the probe's timeout`);
    }
  });
  if (p.journey.connectTimeout !== undefined && p.journey.connectTimeout > p.journey.stepTimeout) {
    problems.push(`${name}: journey.connectTimeout must be <= journey.stepTimeout`);
  }
  return problems;
}

function checkLoginMethod(m: LoginMethodConfig, ids: ReadonlySet<string>): string[] {
  const name = describeItem('login method', m.id);
  const problems: string[] = [];
  for (const step of m.path) {
    if (step !== BANK_TOKEN && !ids.has(step)) problems.push(`${name}: path: unknown component ${JSON.stringify(step)}`);
  }
  const hasToken = m.path.includes(BANK_TOKEN);
  if (hasToken && (m.banks === undefined || m.banks.length === 0)) {
    problems.push(`${name}: path has "bank" but banks is missing or empty`);
  }
  if (!hasToken && m.banks !== undefined) problems.push(`${name}: banks is set but path has no "bank" step`);
  for (const bank of m.banks ?? []) {
    if (!ids.has(`${BANK_PREFIX}${bank}`)) {
      problems.push(`${name}: banks: unknown bank ${JSON.stringify(bank)} (no component "${BANK_PREFIX}${bank}")`);
    }
  }
  return problems;
}
