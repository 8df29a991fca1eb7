import { describe, expect, it } from 'vitest';
import type { Reclassification } from '../../../src/domain/reclassification.ts';
import { audit, incident, outboxEntry, override, T0, type StoreFixture } from './fixture.ts';

/** OperatorPort scenarios: incidents, overrides, reclassifications, audit, webhook outbox, and their survival of a restart. */
export function operatorContract(fixture: () => StoreFixture): void {
  describe('incidents', () => {
    it('when an incident is saved new and then by its version, then each save lands and a stale version is refused', async () => {
      const { stores } = fixture();
      expect(await stores.operator.saveIncident(incident('i1'), 0)).toBe(true);
      expect(await stores.operator.saveIncident(incident('i1', { title: { pl: 'duplikat' } }), 0)).toBe(false);
      const v2 = incident('i1', { version: 2, state: 'identified' });
      expect(await stores.operator.saveIncident(v2, 1)).toBe(true);
      expect(await stores.operator.saveIncident(incident('i1', { version: 2, state: 'monitoring' }), 1)).toBe(false);
      expect(await stores.operator.getIncident('i1')).toEqual(v2);
      expect(await stores.operator.getIncident('nope')).toBeNull();
    });

    it('when two replicas save the same version concurrently, then exactly one wins', async () => {
      const f = fixture();
      const peer = await f.makePeer();
      await f.stores.operator.saveIncident(incident('i1'), 0);
      const results = await Promise.all([
        f.stores.operator.saveIncident(incident('i1', { version: 2, state: 'identified' }), 1),
        peer.operator.saveIncident(incident('i1', { version: 2, state: 'monitoring' }), 1),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('when resolved incidents are pruned, then only those resolved before the cutoff go', async () => {
      const { stores } = fixture();
      await stores.operator.saveIncident(incident('old', { state: 'resolved', resolvedAt: T0 - 10 }), 0);
      await stores.operator.saveIncident(incident('recent', { state: 'resolved', resolvedAt: T0 + 10 }), 0);
      await stores.operator.saveIncident(incident('open'), 0);
      await stores.operator.pruneIncidents(T0);
      expect((await stores.operator.getIncidents()).map((i) => i.id).sort()).toEqual(['open', 'recent']);
    });
  });

  describe('overrides', () => {
    it('when overrides are put, replaced, deleted and pruned, then one per component remains as expected', async () => {
      const { stores } = fixture();
      await stores.operator.putOverride(override('ikp'));
      await stores.operator.putOverride(override('ikp', { status: 'outage', reason: 'replaced' }));
      await stores.operator.putOverride(override('bank:pko', { expiresAt: T0 + 10 }));
      await stores.operator.putOverride(override('mojeid'));
      expect((await stores.operator.getOverrides()).find((o) => o.component === 'ikp')).toEqual(override('ikp', { status: 'outage', reason: 'replaced' }));
      expect(await stores.operator.deleteOverride('mojeid')).toBe(true);
      expect(await stores.operator.deleteOverride('mojeid')).toBe(false);
      await stores.operator.pruneOverrides(T0 + 10);
      expect((await stores.operator.getOverrides()).map((o) => o.component)).toEqual(['ikp']);
    });
  });

  describe('reclassifications', () => {
    it('when reclassifications are added, then they come back with every field', async () => {
      const { stores } = fixture();
      const r: Reclassification = { id: 'r1', component: 'ikp', from: T0, to: T0 + 60_000, reason: 'planned', createdBy: 'alice', createdAt: T0 + 1, movedSeconds: 60, transitionsWritten: 2 };
      await stores.operator.addReclassification(r);
      expect(await stores.operator.getReclassifications()).toEqual([r]);
    });
  });

  describe('audit', () => {
    it('when more entries than `keep` are appended, then the newest are kept, newest first, and pages follow the offset', async () => {
      const { stores } = fixture();
      for (let i = 1; i <= 5; i++) await stores.operator.appendAudit(audit(`a${i}`, T0 + i), 4);
      expect((await stores.operator.getAudit(10)).map((e) => e.id)).toEqual(['a5', 'a4', 'a3', 'a2']);
      expect((await stores.operator.getAudit(2, 1)).map((e) => e.id)).toEqual(['a4', 'a3']);
      expect(await stores.operator.getAudit(0)).toEqual([]);
      expect((await stores.operator.getAudit(1))[0]).toEqual(audit('a5', T0 + 5));
    });
  });

  describe('webhook outbox', () => {
    it('when entries are put, replaced and deleted, then one per delivery id remains with every field', async () => {
      const { stores } = fixture();
      await stores.operator.putOutbox(outboxEntry('d1'));
      await stores.operator.putOutbox(outboxEntry('d2'));
      const retried = outboxEntry('d1', { attempts: 2, nextAttemptAt: T0 + 5_000, claimedUntil: T0 + 200_000 });
      await stores.operator.putOutbox(retried);
      expect((await stores.operator.getOutbox()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([retried, outboxEntry('d2')]);
      await stores.operator.deleteOutbox('d2');
      await stores.operator.deleteOutbox('missing');
      expect(await stores.operator.getOutbox()).toEqual([retried]);
    });

    it('when one replica writes an entry, then another replica sees it and can delete it', async () => {
      const f = fixture();
      const peer = await f.makePeer();
      await f.stores.operator.putOutbox(outboxEntry('d1'));
      expect(await peer.operator.getOutbox()).toEqual([outboxEntry('d1')]);
      await peer.operator.deleteOutbox('d1');
      expect(await f.stores.operator.getOutbox()).toEqual([]);
    });
  });

  describe('restart', () => {
    it('when the store is reopened, then incidents, overrides, reclassifications, the audit trail and the webhook outbox survive', async () => {
      const f = fixture();
      await f.stores.operator.saveIncident(incident('i1'), 0);
      await f.stores.operator.putOverride(override('ikp'));
      await f.stores.operator.appendAudit(audit('a1', T0), 10);
      await f.stores.operator.addReclassification({ id: 'r1', component: 'ikp', from: T0, to: T0 + 1, reason: 'x', createdBy: 'a', createdAt: T0, movedSeconds: 0, transitionsWritten: 0 });
      await f.stores.operator.putOutbox(outboxEntry('d1', { attempts: 1 }));
      const reopened = await f.reopen();
      expect(await reopened.operator.getIncident('i1')).toEqual(incident('i1'));
      expect(await reopened.operator.getOverrides()).toEqual([override('ikp')]);
      expect((await reopened.operator.getAudit(10)).map((e) => e.id)).toEqual(['a1']);
      expect((await reopened.operator.getReclassifications()).map((r) => r.id)).toEqual(['r1']);
      expect(await reopened.operator.getOutbox()).toEqual([outboxEntry('d1', { attempts: 1 })]);
    });
  });

}
