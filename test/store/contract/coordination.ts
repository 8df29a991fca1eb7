import type { Options, Store as RateLimitStore } from 'express-rate-limit';
import type { StorePorts } from '../../../src/store/ports.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreFixture } from './fixture.ts';

/** CoordinationPort scenarios: leases, the "changed" signal and rate-limit counters. */
export function coordinationContract(fixture: () => StoreFixture): void {
  let f: StoreFixture;
  beforeEach(() => {
    f = fixture();
  });

  describe('leases', () => {
    it('when a lease is held and its TTL has not passed, then nobody else gets it, while other keys stay free', async () => {
      const peer = await f.makePeer();
      expect(await f.stores.coordination.acquireLease('probe:a', 60_000)).toBe(true);
      f.clock.advance(59_000);
      expect(await f.stores.coordination.acquireLease('probe:a', 60_000)).toBe(false);
      expect(await peer.coordination.acquireLease('probe:a', 60_000)).toBe(false);
      expect(await peer.coordination.acquireLease('probe:b', 60_000)).toBe(true);
    });

    it('when the TTL passes, then the lease can be taken again', async () => {
      expect(await f.stores.coordination.acquireLease('probe:a', 150)).toBe(true);
      await vi.waitFor(
        async () => {
          f.clock.advance(50);
          expect(await f.stores.coordination.acquireLease('probe:a', 150)).toBe(true);
        },
        { timeout: 10_000, interval: 50 },
      );
    });
  });

  describe('lease owners', () => {
    it('when the owner claims its lease again, then it gets true, and any other owner or an anonymous caller gets false', async () => {
      const peer = await f.makePeer();
      expect(await f.stores.coordination.acquireLease('webhook:ops:e1', 60_000, 'delivery-a')).toBe(true);
      expect(await f.stores.coordination.acquireLease('webhook:ops:e1', 60_000, 'delivery-a')).toBe(true);
      expect(await peer.coordination.acquireLease('webhook:ops:e1', 60_000, 'delivery-a')).toBe(true);
      expect(await peer.coordination.acquireLease('webhook:ops:e1', 60_000, 'delivery-b')).toBe(false);
      expect(await f.stores.coordination.acquireLease('webhook:ops:e1', 60_000)).toBe(false);
    });
  });

  describe('lease release', () => {
    it('when a lease is released, then the next caller can take it at once', async () => {
      const { stores } = fixture();
      expect(await stores.coordination.acquireLease('lock', 60_000)).toBe(true);
      expect(await stores.coordination.acquireLease('lock', 60_000)).toBe(false);
      await stores.coordination.releaseLease('lock');
      expect(await stores.coordination.acquireLease('lock', 60_000)).toBe(true);
    });
  });

  describe('changed pub/sub', () => {
    it('when one handle publishes, then subscribers on another handle are called, except unsubscribed ones', async () => {
      const peer = await f.makePeer();
      const calls = { kept: 0, dropped: 0 };
      await peer.coordination.subscribeChanged(() => void calls.kept++);
      const unsubscribe = await peer.coordination.subscribeChanged(() => void calls.dropped++);
      await peer.coordination.subscribeChanged(() => {
        throw new Error('a broken listener');
      });
      await f.stores.coordination.publishChanged();
      await vi.waitFor(() => expect(calls).toEqual({ kept: 1, dropped: 1 }), { timeout: 10_000 });
      await unsubscribe();
      await f.stores.coordination.publishChanged();
      await vi.waitFor(() => expect(calls.kept).toBe(2), { timeout: 10_000 });
      expect(calls.dropped).toBe(1);
    });
  });

  describe('rate-limit counters', () => {
    const opened: RateLimitStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.shutdown?.()));
    });
    const limiterOf = (ports: StorePorts, name: string): RateLimitStore => {
      const store = ports.coordination.rateLimitStore(name);
      store.init?.({ windowMs: 60_000 } as Options);
      opened.push(store);
      return store;
    };

    it('when a client is counted, then hits add up, a decrement takes one back and a reset starts over', async () => {
      const limiter = limiterOf(f.stores, 'contract');
      expect((await limiter.increment('10.0.0.1')).totalHits).toBe(1);
      expect((await limiter.increment('10.0.0.1')).totalHits).toBe(2);
      expect((await limiter.increment('10.0.0.2')).totalHits).toBe(1);
      await limiter.decrement('10.0.0.1');
      expect((await limiter.increment('10.0.0.1')).totalHits).toBe(2);
      await limiter.resetKey('10.0.0.1');
      expect((await limiter.increment('10.0.0.1')).totalHits).toBe(1);
    });

    it('when two limiters have different names, then their budgets are separate', async () => {
      const [a, b] = [limiterOf(f.stores, 'first'), limiterOf(f.stores, 'second')];
      await a.increment('10.0.0.1');
      await a.increment('10.0.0.1');
      expect((await b.increment('10.0.0.1')).totalHits).toBe(1);
    });
  });

}
