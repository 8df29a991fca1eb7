import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/config/load.ts';

const minimal = readFileSync(fileURLToPath(new URL('../fixtures/config/valid-minimal.yaml', import.meta.url)), 'utf8');
const withHost = `server:\n  port: 3000\n  host: 127.0.0.1\n${minimal}`;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('HOST env override', () => {
  it.each([
    { name: 'no HOST', text: minimal, env: {}, host: '0.0.0.0' },
    { name: 'HOST', text: minimal, env: { HOST: '127.0.0.1' }, host: '127.0.0.1' },
    { name: 'HOST over the file', text: withHost, env: { HOST: '0.0.0.0' }, host: '0.0.0.0' },
    { name: 'an IPv6 HOST', text: withHost, env: { HOST: '::1' }, host: '::1' },
    { name: 'a host name', text: minimal, env: { HOST: 'status-1.internal' }, host: 'status-1.internal' },
    { name: 'an empty HOST', text: withHost, env: { HOST: '' }, host: '127.0.0.1' },
  ])('when the env has $name, then the server listens on $host, like PORT sets its port', ({ text, env, host }) => {
    expect(parseConfigText(text, 'test.yaml', env).server.host).toBe(host);
  });

  it.each(['not a host', 'http://127.0.0.1', '-bad.example'])('when HOST is %j, then the config error names env HOST', (HOST) => {
    expect(problemsOf(() => parseConfigText(minimal, 'test.yaml', { HOST }))).toContain('env HOST: must be a host name or an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0 or ::)');
  });
});
