import { valueAt } from '../domain/object-path.ts';

/** The subset of a zod 4 issue that formatting needs (kept structural so zod internals can change). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: SchemaIssue[][];
}

/** Kinds of configured items that carry an `id`, as named in problems. */
export type ItemKind = 'component' | 'probe' | 'login method' | 'admin token' | 'webhook';

/** Arrays of identified items: where they sit, what they are called and which key names each. */
const ITEM_ARRAYS: { path: string[]; kind: ItemKind; key: string }[] = [
  { path: ['components'], kind: 'component', key: 'id' },
  { path: ['probes'], kind: 'probe', key: 'id' },
  { path: ['loginMethods'], kind: 'login method', key: 'id' },
  { path: ['webhooks'], kind: 'webhook', key: 'id' },
  { path: ['admin', 'tokens'], kind: 'admin token', key: 'name' },
];

/** Names an item the way every problem does: `probe "pz-login"`. */
export function describeItem(kind: ItemKind, id: string): string {
  return `${kind} ${JSON.stringify(id)}`;
}

/** Renders a path like `http.expectStatus[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** Renders milliseconds back into the shortest exact duration string (`90s`, `5m`, `1500ms`). */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]];
  for (const [unit, size] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}


/** Splits a path into the item it goes through (by id or name, else `probes[3]`) and the rest. */
function locate(root: unknown, path: readonly PropertyKey[]): { label: string | null; rest: PropertyKey[] } {
  for (const item of ITEM_ARRAYS) {
    const index = path[item.path.length];
    if (typeof index !== 'number' || !item.path.every((seg, i) => path[i] === seg)) continue;
    const id = valueAt(root, [...item.path, index, item.key]);
    const label = typeof id === 'string' && id.trim() !== '' ? describeItem(item.kind, id) : `${formatPath(item.path)}[${index}]`;
    return { label, rest: path.slice(item.path.length + 1) };
  }
  return { label: null, rest: [...path] };
}

function describeIssue(issue: SchemaIssue, root: unknown): string[] {
  if (issue.code === 'unrecognized_keys') return (issue.keys ?? []).map((k) => `unknown key ${JSON.stringify(k)}`);
  if (issue.code === 'invalid_type') {
    const value = valueAt(root, issue.path);
    if (issue.path.length === 0) return ['must be a YAML mapping of settings'];
    if (value === undefined) return ['is required'];
  }
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    const branches = [...new Set(issue.errors.map((b) => b[0]?.message).filter((m): m is string => m !== undefined))];
    if (branches.length > 0) return [branches.join(' or ')];
  }
  return [issue.message];
}

/** Options for {@link formatIssues}. */
export interface FormatOptions {
  /** Dotted config paths that were set from an environment variable, mapped to its name. */
  envPaths?: Readonly<Record<string, string>>;
}

/**
 * Maps zod issues to one line per problem, each naming the item it belongs to:
 * `probe "pz-login": http.url: Invalid URL`, `server.port: …`, `config: unknown key "x"`.
 * `input` is the raw (pre-validation) object, used to look up item ids.
 */
export function formatIssues(issues: readonly SchemaIssue[], input: unknown, opts: FormatOptions = {}): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const { label, rest } = locate(input, issue.path);
    const dotted = formatPath(issue.path);
    const env = opts.envPaths?.[dotted];
    const restText = formatPath(rest);
    let where: string;
    if (env !== undefined) where = `env ${env} (${dotted})`;
    else if (label !== null) where = restText === '' ? label : `${label}: ${restText}`;
    else where = restText === '' ? 'config' : restText;
    for (const text of describeIssue(issue, input)) out.push(`${where}: ${text}`);
  }
  return out;
}
