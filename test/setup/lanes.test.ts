import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { covers, INTEGRATION, INTEGRATION_IN_PROCESS, INTEGRATION_REDIS, SYSTEM } from './lanes.ts';
import { needsOf, type Need } from './uses.ts';

// This file writes fixtures that name every helper the check looks for, so it is the one file
// the check does not scan (it uses nothing but the file system itself).
const SELF = 'test/setup/lanes.test.ts';

const testFiles = (readdirSync('test', { recursive: true }) as string[])
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/${f.split(path.sep).join('/')}`)
  .filter((f) => f !== SELF)
  .sort();
const inLane = (entries: readonly string[]) => (f: string): boolean => entries.some((e) => covers(e, f));
const isIntegration = inLane(INTEGRATION);
const isSystem = inLane(SYSTEM);
const describeNeeds = (f: string, needs: Map<Need, string>, allowed: Need[]): string[] =>
  [...needs].filter(([n]) => !allowed.includes(n)).map(([n, where]) => `${f} needs ${n} (seen in ${where})`);

describe('test lanes', () => {
  it('when a file is in the unit lane, then it uses no Redis, browser, spawned process or Debian package', () => {
    const wrong = testFiles.filter((f) => !isIntegration(f) && !isSystem(f)).flatMap((f) => describeNeeds(f, needsOf(f), []));
    // Each line names a file to add to INTEGRATION (Redis only) or SYSTEM (anything else) in test/setup/lanes.ts.
    expect(wrong).toEqual([]);
  });

  it('when a file is in the integration lane, then it needs nothing only the system lane provides', () => {
    expect(testFiles.filter(isIntegration).flatMap((f) => describeNeeds(f, needsOf(f), ['redis']))).toEqual([]);
  });

  it('when a file is listed in the integration lane for Redis, then it uses Redis, and a file listed for its load does not', () => {
    const redis = testFiles.filter(inLane(INTEGRATION_REDIS));
    expect(redis.filter((f) => !needsOf(f).has('redis')).map((f) => `${f} does not use Redis: list it in INTEGRATION_IN_PROCESS, or in the unit lane if it is quick`)).toEqual([]);
    const load = testFiles.filter(inLane(INTEGRATION_IN_PROCESS));
    expect(load.filter((f) => needsOf(f).has('redis')).map((f) => `${f} uses Redis: list it in INTEGRATION_REDIS`)).toEqual([]);
  });

  it('when a file is listed by name in the system lane, then it starts a process, a browser or a Debian tool', () => {
    const named = testFiles.filter((f) => SYSTEM.some((e) => !e.endsWith('/**') && covers(e, f)));
    const idle = named.filter((f) => !['process', 'browser', 'debian'].some((n) => needsOf(f).has(n as Need)));
    expect(idle.map((f) => `${f} starts nothing: it belongs in the unit or integration lane`)).toEqual([]);
  });

  it('when lanes are listed, then every entry matches a test file and no file is in two lanes', () => {
    const stale = [...INTEGRATION, ...SYSTEM].filter((e) => !testFiles.some((f) => covers(e, f)));
    expect(stale).toEqual([]);
    expect(testFiles.filter((f) => isIntegration(f) && isSystem(f))).toEqual([]);
  });
});

describe('what a test file uses', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'lanes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const tree = (files: Record<string, string>): void => {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
  };

  it('when a file reaches a spawned app through a local harness, then it needs a process, named where it was seen', () => {
    tree({
      'test/a/harness.ts': "import { spawnApp } from '../helpers/spawn-app.ts';\nexport const go = () => spawnApp({});\n",
      'test/a/one.test.ts': "import { go } from './harness.ts';\ngo();\n",
    });
    expect([...needsOf('test/a/one.test.ts', root)]).toEqual([['process', 'test/a/harness.ts']]);
  });

  it('when a file imports only the memory side of a helper that also opens Redis, then it needs nothing', () => {
    tree({
      'test/helpers/stores.ts': "export const memoryStores = 1;\nexport const redisStores = (u: string) => u;\n",
      'test/b/one.test.ts': "import { memoryStores } from '../helpers/stores.ts';\nvoid memoryStores;\n",
    });
    expect(needsOf('test/b/one.test.ts', root).size).toBe(0);
  });

  it('when a file uses the Redis URL, Chromium or a Debian install, then each is a need of its own', () => {
    tree({
      'test/c/one.test.ts': [
        "import { testRedisUrl } from '../helpers/redis.ts';",
        "import { launchChromium } from '../helpers/chromium.ts';",
        "import { ensureDebianBinary } from '../helpers/debian.ts';",
        'void [testRedisUrl, launchChromium, ensureDebianBinary];',
      ].join('\n'),
    });
    expect([...needsOf('test/c/one.test.ts', root).keys()].sort()).toEqual(['browser', 'debian', 'redis']);
  });

  it('when a helper is only named in a comment, then it is not a need', () => {
    tree({ 'test/d/one.test.ts': '// unlike the spawnApp tests, this one stays in-process\n/* testRedisUrl */\nexport {};\n' });
    expect(needsOf('test/d/one.test.ts', root).size).toBe(0);
  });
});
