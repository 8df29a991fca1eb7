import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, checkConfigFile, loadConfig, parseConfigText } from '../../src/config/load.ts';

const minimalPath = fileURLToPath(new URL('../fixtures/config/valid-minimal.yaml', import.meta.url));
const minimal = readFileSync(minimalPath, 'utf8');
const withServer = `server:\n  port: 3000\n  host: 127.0.0.1\nstore:\n  redisUrl: redis://file:6379\n${minimal}`;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText env overrides', () => {
  it.each([
    { name: 'no env', text: minimal, env: {}, port: 8080, redisUrl: null, level: 'info' },
    { name: 'PORT', text: minimal, env: { PORT: '9090' }, port: 9090, redisUrl: null, level: 'info' },
    { name: 'PORT 0', text: withServer, env: { PORT: '0' }, port: 0, redisUrl: 'redis://file:6379', level: 'info' },
    { name: 'REDIS_URL', text: minimal, env: { REDIS_URL: 'redis://127.0.0.1:6379/2' }, port: 8080, redisUrl: 'redis://127.0.0.1:6379/2', level: 'info' },
    { name: 'REDIS_URL over the file', text: withServer, env: { REDIS_URL: 'redis://env:6379' }, port: 3000, redisUrl: 'redis://env:6379', level: 'info' },
    { name: 'empty REDIS_URL', text: withServer, env: { REDIS_URL: '' }, port: 3000, redisUrl: 'redis://file:6379', level: 'info' },
    { name: 'LOG_LEVEL', text: minimal, env: { LOG_LEVEL: 'debug' }, port: 8080, redisUrl: null, level: 'debug' },
    { name: 'all three', text: withServer, env: { PORT: '65535', REDIS_URL: 'redis://x', LOG_LEVEL: 'warn' }, port: 65535, redisUrl: 'redis://x', level: 'warn' },
  ])('when the env has $name, then port, redisUrl and level are $port, $redisUrl, $level', ({ text, env, port, redisUrl, level }) => {
    const config = parseConfigText(text, 'test.yaml', env);
    expect(config.server.port).toBe(port);
    expect(config.store.redisUrl).toBe(redisUrl);
    expect(config.log.level).toBe(level);
  });

  it('when PORT overrides a server section, then its other keys are kept', () => {
    expect(parseConfigText(withServer, 'test.yaml', { PORT: '1234' }).server).toEqual({ port: 1234, host: '127.0.0.1', trustProxy: false, hsts: 'auto', sse: { perClient: 32, total: null, fdReserve: 256, retryAfter: 30_000 } });
  });

  it.each(['abc', '70000', '80.5', '-1', '', '0x50'])('when PORT is %j, then the only problem names env PORT', (port) => {
    expect(problemsOf(() => parseConfigText(minimal, 'test.yaml', { PORT: port }))).toEqual(['env PORT: must be an integer 0-65535']);
  });

  it('when LOG_LEVEL is not a level, then the problem names the variable and the path', () => {
    const problems = problemsOf(() => parseConfigText(minimal, 'test.yaml', { LOG_LEVEL: 'loud' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^env LOG_LEVEL \(log\.level\): /);
  });

  it('when PORT is invalid and the file has a mistake too, then both are reported', () => {
    const text = minimal.replace('timeout: 10s', 'timeout: 2m');
    expect(problemsOf(() => parseConfigText(text, 'test.yaml', { PORT: 'x' }))).toEqual([
      'env PORT: must be an integer 0-65535',
      'probe "ikp-home": timeout must be < interval (timeout 2m, interval 1m)',
    ]);
  });

  it('when the env has unrelated variables, then the config is unaffected', () => {
    // HOST is no longer unrelated: it is honoured like PORT (test/config/host-env.test.ts).
    const config = parseConfigText(minimal, 'test.yaml', { SERVER_HOST: '1.2.3.4', SERVER_PORT: '1', CONFIG: 'x.yaml' });
    expect(config.server).toEqual({ port: 8080, host: '0.0.0.0', trustProxy: false, hsts: 'auto', sse: { perClient: 32, total: null, fdReserve: 256, retryAfter: 30_000 } });
  });
});

describe('ConfigError', () => {
  it('when thrown, then it has a stable code and its message lists the source and every problem', () => {
    let caught: unknown;
    try {
      parseConfigText('components: []\nfoo: 1\n', 'my.yaml', {});
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.problems).toEqual(['components: Too small: expected array to have >=1 items', 'config: unknown key "foo"']);
    expect(error.message).toBe(`my.yaml is invalid:\n  - ${error.problems[0]}\n  - ${error.problems[1]}`);
  });
});

describe('loadConfig', () => {
  it('when given a file, then it loads that file', () => {
    expect(loadConfig({ file: minimalPath, env: {} }).components.map((c) => c.id)).toEqual(['login-gov', 'ikp', 'bank:pko-bp']);
  });

  it('when no file is given, then env CONFIG picks the file and env overrides apply', () => {
    const config = loadConfig({ env: { CONFIG: minimalPath, PORT: '7070' } });
    expect(config.components).toHaveLength(3);
    expect(config.server.port).toBe(7070);
  });

  it('when neither file nor CONFIG is given, then config/default.yaml is loaded from the cwd', () => {
    expect(loadConfig({ env: {} }).components.some((c) => c.id === 'ikp')).toBe(true);
  });

  it('when the file does not exist, then a ConfigError names the missing file', () => {
    const problems = problemsOf(() => loadConfig({ file: '/nonexistent/ikp.yaml', env: {} }));
    expect(problems).toEqual(['config file not found: /nonexistent/ikp.yaml']);
  });
});

describe('checkConfigFile', () => {
  it('when the file does not exist, then it returns one problem instead of throwing', () => {
    expect(checkConfigFile('/nonexistent/ikp.yaml')).toEqual(['config file not found: /nonexistent/ikp.yaml']);
  });

  it('when the path is a directory, then it says so', () => {
    const dir = fileURLToPath(new URL('../fixtures/config/', import.meta.url));
    expect(checkConfigFile(dir)[0]).toMatch(/^config path is a directory/);
  });

  it('when an env is passed, then its overrides are checked too', () => {
    expect(checkConfigFile(minimalPath, { PORT: 'nope' })).toEqual(['env PORT: must be an integer 0-65535']);
  });
});

describe('store.snapshotFile', () => {
  it.each([
    ['absent', '', 'data/state.json'],
    ['empty', 'store:\n  snapshotFile: ""\n', null],
    ['null', 'store:\n  snapshotFile: null\n', null],
    ['a path', 'store:\n  snapshotFile: /var/lib/ikp/state.json\n', '/var/lib/ikp/state.json'],
  ])('when the file gives it %s, then the embedded store persists to %s', (_name, prefix, expected) => {
    expect(parseConfigText(`${prefix}${minimal}`, 'test.yaml', {}).store.snapshotFile).toBe(expected);
  });
});
