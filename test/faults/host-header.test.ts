import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreparedCache } from '../../src/web/page/prepared-cache.ts';
import { faultApp, type FaultApp } from './harness.ts';

const PATHS = ['/feed.atom', '/api/v2/summary.json'];

/** Counts how many bodies the render cache builds (a build on a hit would mean the entry was evicted). */
function countBuilds(): { builds: () => number } {
  let builds = 0;
  const original = PreparedCache.prototype.get;
  vi.spyOn(PreparedCache.prototype, 'get').mockImplementation(function (this: PreparedCache, key, build) {
    return original.call(this, key, (s, now) => {
      builds++;
      return build(s, now);
    });
  });
  return { builds: () => builds };
}

describe('attacker-controlled Host headers (issue 10 item 11)', () => {
  let h: FaultApp | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h?.close();
    h = null;
  });

  it.each(PATHS)('when server.publicUrl is set and %s is asked with 300 random Host headers, then links use the public URL and the body is built once', async (path) => {
    h = await faultApp({ config: { server: { publicUrl: 'https://status.example' } } });
    const { builds } = countBuilds();
    for (let i = 0; i < 300; i++) {
      const res = await request(h.app).get(path).set('host', `evil-${i}.example`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('evil-');
      if (i === 0) expect(res.text).toContain('https://status.example');
    }
    expect(builds()).toBe(1);
  });

  it.each(PATHS)('when no public URL is set and %s is asked with 300 random Host headers, then the first hosts stay cached and are never evicted', async (path) => {
    h = await faultApp();
    await request(h.app).get(path).set('host', 'status.example').expect(200);
    for (let i = 0; i < 300; i++) await request(h.app).get(path).set('host', `evil-${i}.example`).expect(200);
    const { builds } = countBuilds();
    const res = await request(h.app).get(path).set('host', 'status.example').expect(200);
    expect(res.text).toContain('http://status.example');
    expect(builds()).toBe(0);
  });
});
