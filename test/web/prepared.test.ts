import { describe, expect, it } from 'vitest';
import { chooseCoding, PreparedBody } from '../../src/web/page/prepared.ts';
import { PreparedCache, type SnapshotState } from '../../src/web/page/prepared-cache.ts';

describe('chooseCoding', () => {
  const BIG = 4096;
  it.each([
    [undefined, BIG, 'identity'],
    ['', BIG, 'identity'],
    ['gzip', BIG, 'gzip'],
    ['gzip, deflate, br', BIG, 'gzip'],
    ['br;q=1.0, gzip;q=0.8', BIG, 'gzip'],
    ['gzip;q=0', BIG, 'identity'],
    ['identity', BIG, 'identity'],
    ['*', BIG, 'gzip'],
    ['deflate, GZIP', BIG, 'gzip'],
    ['*;q=0, gzip', BIG, 'gzip'],
    ['*;q=0, gzip', 10, 'gzip'],
    ['gzip', 10, 'identity'],
    ['identity;q=0, gzip', 10, 'gzip'],
    ['identity;q=0', BIG, null],
    ['*;q=0', BIG, null],
    ['br', BIG, 'identity'],
  ] as const)('when Accept-Encoding is %s for %i bytes, then the coding is %s', (header, size, expected) => {
    expect(chooseCoding(header, size)).toBe(expected);
  });
});

describe('PreparedBody', () => {
  it('when two bodies differ, then their strong ETags differ, and the gzip variant has its own', () => {
    const a = new PreparedBody('text/plain', 'a'.repeat(2000));
    const b = new PreparedBody('text/plain', 'b'.repeat(2000));
    expect(a.etag).not.toBe(b.etag);
    expect(a.etag).toMatch(/^"[^"]+"$/);
    expect(a.gzip().etag).toBe(a.gzipEtag);
    expect(a.gzip().body.length).toBeLessThan(a.body.length);
  });
});

describe('PreparedCache', () => {
  const make = () => {
    let version = 1;
    let now = 1_000;
    let builds = 0;
    const snapshot = { current: () => ({ version }) as unknown as SnapshotState };
    const cache = new PreparedCache(snapshot, () => now, { maxAgeMs: 30_000, maxEntries: 3 });
    const get = (key: string) => cache.get(key, () => new PreparedBody('text/plain', `${key}:${(builds += 1)}`));
    return { get, bump: () => (version += 1), advance: (ms: number) => (now += ms), builds: () => builds };
  };

  it('when the same key is asked within one version, then it is built once', () => {
    const c = make();
    expect(c.get('page:pl')).toBe(c.get('page:pl'));
    expect(c.builds()).toBe(1);
  });

  it('when the snapshot version changes, then the body is rebuilt', () => {
    const c = make();
    const first = c.get('page:pl');
    c.bump();
    expect(c.get('page:pl')).not.toBe(first);
    expect(c.builds()).toBe(2);
  });

  it('when the body is older than maxAge, then it is rebuilt so relative times stay true', () => {
    const c = make();
    const first = c.get('page:pl');
    c.advance(29_999);
    expect(c.get('page:pl')).toBe(first);
    c.advance(1);
    expect(c.get('page:pl')).not.toBe(first);
  });

  it('when more keys than the limit are used, then the oldest goes and the rest stay', () => {
    const c = make();
    const kept = c.get('a');
    c.get('b');
    c.get('c');
    c.get('d');
    expect(c.builds()).toBe(4);
    c.get('c');
    expect(c.builds()).toBe(4);
    expect(c.get('a')).not.toBe(kept);
  });
});
