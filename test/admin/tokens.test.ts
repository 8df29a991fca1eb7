import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { generateToken, hashToken, parseTokenHash, tokenMatches } from '../../src/domain/token-hash.ts';
import { TokenVerifier } from '../../src/auth/verifier.ts';
import { tokenCommand } from '../../src/cli/token.ts';
import { configSchema } from '../../src/config/schema.ts';
import { parse } from 'yaml';

const run = promisify(execFile);
const SALT = Buffer.alloc(16, 7).toString('base64url');
const HASH = Buffer.alloc(32, 9).toString('base64url');

describe('token hashes', () => {
  it('when a token is hashed, then the hash verifies it and no other token', async () => {
    const token = generateToken();
    const parsed = parseTokenHash(await hashToken(token));
    if ('problem' in parsed) throw new Error(parsed.problem);
    expect(parsed.params).toEqual({ N: 16_384, r: 8, p: 1 });
    expect(await tokenMatches(token, parsed)).toBe(true);
    expect(await tokenMatches(`${token}x`, parsed)).toBe(false);
  });

  it('when the same token is hashed twice, then the salts differ', async () => {
    const token = generateToken();
    expect(await hashToken(token)).not.toBe(await hashToken(token));
  });

  it.each([
    { text: `bcrypt$16384$8$1$${SALT}$${HASH}`, problem: /must look like scrypt\$N\$r\$p\$salt\$hash/ },
    { text: `scrypt$16384$8$1$${SALT}`, problem: /must look like/ },
    { text: `scrypt$1000$8$1$${SALT}$${HASH}`, problem: /N must be a power of two >= 16384/ },
    { text: `scrypt$20000$8$1$${SALT}$${HASH}`, problem: /N must be a power of two/ },
    { text: `scrypt$1048576$8$1$${SALT}$${HASH}`, problem: /r must be >= 1 with N·r <= 1048576/ },
    { text: `scrypt$16384$8$99$${SALT}$${HASH}`, problem: /p must be 1-16/ },
    { text: `scrypt$16384$8$1$c2hvcnQ$${HASH}`, problem: /salt must be at least 16 bytes/ },
    { text: `scrypt$16384$8$1$${SALT}$not+base64url`, problem: /hash must be 16-64 bytes/ },
  ])('when the hash is $text, then it is rejected with $problem', ({ text, problem }) => {
    const parsed = parseTokenHash(text);
    expect('problem' in parsed ? parsed.problem : '').toMatch(problem);
  });

  it('when a verifier holds several tokens, then each maps to its name and role and unknown tokens to null', async () => {
    const [a, b] = [generateToken(), generateToken()];
    const verifier = new TokenVerifier([
      { name: 'alice', role: 'operator', hash: await hashToken(a) },
      { name: 'helpdesk', role: 'viewer', hash: await hashToken(b) },
    ]);
    expect(await verifier.verify(b)).toEqual({ name: 'helpdesk', role: 'viewer' });
    expect(await verifier.verify(a)).toEqual({ name: 'alice', role: 'operator' });
    expect(await verifier.verify(a)).toEqual({ name: 'alice', role: 'operator' });
    expect(await verifier.verify('ikp_wrong')).toBeNull();
    expect(await verifier.verify('x'.repeat(300))).toBeNull();
    expect(new TokenVerifier([]).enabled).toBe(false);
  });
});

describe('ikp-status token create', () => {
  it('when run, then it prints a token once and a YAML snippet whose hash verifies that token', async () => {
    const { stdout } = await run(process.execPath, [path.resolve('bin/ikp-status.js'), 'token', 'create', 'helpdesk-bot', '--role', 'viewer']);
    const token = /^\s+(ikp_[A-Za-z0-9_-]{43})$/m.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const snippet = parse(stdout.slice(stdout.indexOf('admin:'))) as { admin: { tokens: { name: string; role: string; hash: string }[] } };
    expect(snippet.admin.tokens).toEqual([{ name: 'helpdesk-bot', role: 'viewer', hash: expect.stringMatching(/^scrypt\$16384\$8\$1\$/) }]);
    const config = configSchema.parse({ components: [{ id: 'ikp', name: { pl: 'IKP', en: 'IKP' } }], ...snippet });
    expect(await new TokenVerifier(config.admin.tokens).verify(token!)).toEqual({ name: 'helpdesk-bot', role: 'viewer' });
    expect(stdout.split(token!).length).toBe(2);
  });

  it.each([
    { args: [], stderr: /usage: ikp-status token create/ },
    { args: ['create'], stderr: /NAME must be/ },
    { args: ['create', 'Alice'], stderr: /NAME must be/ },
    { args: ['create', 'alice', 'bob'], stderr: /NAME must be/ },
    { args: ['create', 'alice', '--role', 'admin'], stderr: /--role must be one of: operator, viewer/ },
    { args: ['create', 'alice', '--rola', 'viewer'], stderr: /Unknown option '--rola'/ },
  ])('when run as token $args, then it exits 2 with a hint and prints no token', async ({ args, stderr }) => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await tokenCommand(args)).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(stderr);
      expect(out).not.toHaveBeenCalled();
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});
