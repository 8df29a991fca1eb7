import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { configSchema, type Config } from './schema.ts';
import { formatIssues } from './format-errors.ts';
import { validateConfig } from './validate.ts';

/** The config file used when neither `file` nor `CONFIG` is given. */
export const DEFAULT_CONFIG_FILE = 'config/default.yaml';

/** A config that cannot be used; `problems` lists every mistake found, each naming its item. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly problems: string[],
    readonly source?: string,
  ) {
    super(`${source === undefined ? 'config' : source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Raw = Record<string, unknown>;

const isMapping = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Sets `section.key` on the raw config unless the section is present but not a mapping (zod reports that). */
function setIn(raw: Raw, section: string, key: string, value: unknown): void {
  const current = raw[section];
  if (current === undefined) raw[section] = { [key]: value };
  else if (isMapping(current)) current[key] = value;
}

// A DNS name (labels of letters, digits and dashes) or an IP literal: what `server.listen` accepts as a host.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Applies the only supported environment overrides: PORT, HOST, REDIS_URL (empty means unset) and LOG_LEVEL.
 * Returns problems with the variables themselves and which config paths came from which variable.
 */
function applyEnv(raw: Raw, env: NodeJS.ProcessEnv): { problems: string[]; envPaths: Record<string, string> } {
  const problems: string[] = [];
  const envPaths: Record<string, string> = {};
  const port = env.PORT;
  if (port !== undefined) {
    const n = Number(port);
    if (/^\d+$/.test(port.trim()) && n <= 65535) setIn(raw, 'server', 'port', n);
    else problems.push('env PORT: must be an integer 0-65535');
  }
  const host = env.HOST;
  if (host !== undefined && host !== '') {
    if (isIP(host) !== 0 || HOST_NAME.test(host)) setIn(raw, 'server', 'host', host);
    else problems.push('env HOST: must be a host name or an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0 or ::)');
  }
  if (env.REDIS_URL !== undefined && env.REDIS_URL !== '') {
    setIn(raw, 'store', 'redisUrl', env.REDIS_URL);
    envPaths['store.redisUrl'] = 'REDIS_URL';
  }
  if (env.LOG_LEVEL !== undefined) {
    setIn(raw, 'log', 'level', env.LOG_LEVEL);
    envPaths['log.level'] = 'LOG_LEVEL';
  }
  return { problems, envPaths };
}

/** Parses YAML; YAML errors come back as problems that carry line and column. */
function parseYaml(yamlText: string): { value: unknown; problems: string[] } {
  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => `YAML syntax error: ${(e.message.split('\n')[0] ?? '').replace(/:$/, '')}`);
    return { value: undefined, problems };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }), problems: [] };
  } catch (err) {
    // Unresolved or excessive aliases only surface when converting to plain values.
    return { value: undefined, problems: [`YAML error: ${err instanceof Error ? err.message : String(err)}`] };
  }
}

/** Parses, overrides from `env`, and validates a config; throws ConfigError listing every problem. */
export function parseConfigText(yamlText: string, source: string, env: NodeJS.ProcessEnv = {}): Config {
  const parsed = parseYaml(yamlText);
  if (parsed.problems.length > 0) throw new ConfigError(parsed.problems, source);
  const raw = parsed.value;
  const { problems, envPaths } = isMapping(raw) ? applyEnv(raw, env) : { problems: [], envPaths: {} };
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError([...problems, ...formatIssues(result.error.issues, raw, { envPaths })], source);
  }
  problems.push(...validateConfig(result.data));
  if (problems.length > 0) throw new ConfigError(problems, source);
  return result.data;
}

function readConfigFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError([`config file not found: ${path}`], path);
    if (code === 'EISDIR') throw new ConfigError([`config path is a directory, not a file: ${path}`], path);
    throw new ConfigError([`cannot read config file ${path}: ${code ?? String(err)}`], path);
  }
}

/** Loads the config from `file`, else `env.CONFIG`, else config/default.yaml (relative to the cwd). */
export function loadConfig(opts: { file?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const env = opts.env ?? process.env;
  const path = resolve(process.cwd(), opts.file ?? (env.CONFIG || DEFAULT_CONFIG_FILE));
  return parseConfigText(readConfigFile(path), path, env);
}

/**
 * Lists every problem in a config file ([] when valid), for `ikp-status check-config`.
 * The file is checked as written: environment overrides apply only when `env` is passed.
 */
export function checkConfigFile(file: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseConfigText(readConfigFile(resolve(process.cwd(), file)), file, env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}
