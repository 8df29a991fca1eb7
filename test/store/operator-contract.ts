import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/types.ts';
import type { Incident } from '../../src/incidents/types.ts';
import type { Override } from '../../src/overrides/types.ts';
import type { Reclassification } from '../../src/reclassify/types.ts';
import type { OutboxEntry } from '../../src/webhooks/types.ts';
import type { StoreFixture } from './contract.ts';
import { T0 } from './history-contract.ts';

/** A fully populated incident. */
export function incident(id: string, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    version: 1,
    title: { pl: 'Awaria <e-recept>', en: 'E-prescription outage' },
    impact: 'major',
    state: 'investigating',
    components: ['ikp', 'bank:pko'],
    automatic: false,
    draft: false,
    createdAt: T0,
    createdBy: 'alice',
    updatedAt: T0,
    resolvedAt: null,
    updates: [{ id: 'u1', at: T0, state: 'investigating', body: { pl: 'Trwa awaria & pracujemy' }, by: 'alice' }],
    ...extra,
  };
}

function override(component: string, extra: Partial<Override> = {}): Override {
  return { component, status: 'operational', reason: 'probe is wrong', createdBy: 'alice', createdAt: T0, expiresAt: T0 + 3_600_000, ...extra };
}

function audit(id: string, at: number): AuditEntry {
  return { id, at, actor: 'alice', role: 'operator', action: 'incident.create', target: { kind: 'incident', id: 'i1' }, before: null, after: { x: 1 } };
}

function outboxEntry(id: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  const event: OutboxEntry['event'] = { id: `incident:i1:v1`, type: 'incident.created', at: T0, data: { incident: incident('i1') } };
  return { id, webhookId: 'ops', event, attempts: 0, nextAttemptAt: T0, claimedUntil: T0 + 120_000, ...extra };
}

const today = (): string => DateTime.utc().toFormat('yyyy-MM-dd');

/** Operator-data scenarios of the store contract (incidents, overrides, reclassifications, audit, uptime moves, lease release). */
export function operatorContract(fixture: () => StoreFixture): void {
  describe('incidents', () => {
    it('when an incident is saved new and then by its version, then each save lands and a stale version is refused', async () => {
      const { store } = fixture();
      expect(await store.saveIncident(incident('i1'), 0)).toBe(true);
      expect(await store.saveIncident(incident('i1', { title: { pl: 'duplikat' } }), 0)).toBe(false);
      const v2 = incident('i1', { version: 2, state: 'identified' });
      expect(await store.saveIncident(v2, 1)).toBe(true);
      expect(await store.saveIncident(incident('i1', { version: 2, state: 'monitoring' }), 1)).toBe(false);
      expect(await store.getIncident('i1')).toEqual(v2);
      expect(await store.getIncident('nope')).toBeNull();
    });

    it('when two replicas save the same version concurrently, then exactly one wins', async () => {
      const f = fixture();
      const peer = await f.makePeer();
      await f.store.saveIncident(incident('i1'), 0);
      const results = await Promise.all([
        f.store.saveIncident(incident('i1', { version: 2, state: 'identified' }), 1),
        peer.saveIncident(incident('i1', { version: 2, state: 'monitoring' }), 1),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('when resolved incidents are pruned, then only those resolved before the cutoff go', async () => {
      const { store } = fixture();
      await store.saveIncident(incident('old', { state: 'resolved', resolvedAt: T0 - 10 }), 0);
      await store.saveIncident(incident('recent', { state: 'resolved', resolvedAt: T0 + 10 }), 0);
      await store.saveIncident(incident('open'), 0);
      await store.pruneIncidents(T0);
      expect((await store.getIncidents()).map((i) => i.id).sort()).toEqual(['open', 'recent']);
    });
  });

  describe('overrides', () => {
    it('when overrides are put, replaced, deleted and pruned, then one per component remains as expected', async () => {
      const { store } = fixture();
      await store.putOverride(override('ikp'));
      await store.putOverride(override('ikp', { status: 'outage', reason: 'replaced' }));
      await store.putOverride(override('bank:pko', { expiresAt: T0 + 10 }));
      await store.putOverride(override('mojeid'));
      expect((await store.getOverrides()).find((o) => o.component === 'ikp')).toEqual(override('ikp', { status: 'outage', reason: 'replaced' }));
      expect(await store.deleteOverride('mojeid')).toBe(true);
      expect(await store.deleteOverride('mojeid')).toBe(false);
      await store.pruneOverrides(T0 + 10);
      expect((await store.getOverrides()).map((o) => o.component)).toEqual(['ikp']);
    });
  });

  describe('reclassifications', () => {
    it('when reclassifications are added, then they come back with every field', async () => {
      const { store } = fixture();
      const r: Reclassification = { id: 'r1', component: 'ikp', from: T0, to: T0 + 60_000, reason: 'planned', createdBy: 'alice', createdAt: T0 + 1, movedSeconds: 60, transitionsWritten: 2 };
      await store.addReclassification(r);
      expect(await store.getReclassifications()).toEqual([r]);
    });
  });

  describe('audit', () => {
    it('when more entries than `keep` are appended, then the newest are kept, newest first, and pages follow the offset', async () => {
      const { store } = fixture();
      for (let i = 1; i <= 5; i++) await store.appendAudit(audit(`a${i}`, T0 + i), 4);
      expect((await store.getAudit(10)).map((e) => e.id)).toEqual(['a5', 'a4', 'a3', 'a2']);
      expect((await store.getAudit(2, 1)).map((e) => e.id)).toEqual(['a4', 'a3']);
      expect(await store.getAudit(0)).toEqual([]);
      expect((await store.getAudit(1))[0]).toEqual(audit('a5', T0 + 5));
    });
  });

  describe('uptime moves', () => {
    it.each([
      { name: 'less than the bucket holds', move: 20, moved: 20, outage: 30, maintenance: 25 },
      { name: 'more than the bucket holds', move: 80, moved: 50, outage: 0, maintenance: 55 },
      { name: 'nothing', move: 0, moved: 0, outage: 50, maintenance: 5 },
    ])('when moving $name from outage to maintenance, then the bucket never goes below zero', async ({ move, moved, outage, maintenance }) => {
      const { store } = fixture();
      const day = today();
      await store.addUptime('ikp', day, 'outage', 50, 90);
      await store.addUptime('ikp', day, 'maintenance', 5, 90);
      expect(await store.moveUptime('ikp', day, 'outage', 'maintenance', move)).toBeCloseTo(moved, 6);
      const [bucket] = await store.getUptime('ikp', day, day);
      expect(bucket?.seconds.outage).toBeCloseTo(outage, 6);
      expect(bucket?.seconds.maintenance).toBeCloseTo(maintenance, 6);
    });

    it('when the bucket does not exist, then nothing is moved or created', async () => {
      const { store } = fixture();
      expect(await store.moveUptime('ikp', today(), 'outage', 'maintenance', 10)).toBe(0);
      expect(await store.getUptime('ikp', today(), today())).toEqual([]);
    });
  });

  describe('webhook outbox', () => {
    it('when entries are put, replaced and deleted, then one per delivery id remains with every field', async () => {
      const { store } = fixture();
      await store.putOutbox(outboxEntry('d1'));
      await store.putOutbox(outboxEntry('d2'));
      const retried = outboxEntry('d1', { attempts: 2, nextAttemptAt: T0 + 5_000, claimedUntil: T0 + 200_000 });
      await store.putOutbox(retried);
      expect((await store.getOutbox()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([retried, outboxEntry('d2')]);
      await store.deleteOutbox('d2');
      await store.deleteOutbox('missing');
      expect(await store.getOutbox()).toEqual([retried]);
    });

    it('when one replica writes an entry, then another replica sees it and can delete it', async () => {
      const f = fixture();
      const peer = await f.makePeer();
      await f.store.putOutbox(outboxEntry('d1'));
      expect(await peer.getOutbox()).toEqual([outboxEntry('d1')]);
      await peer.deleteOutbox('d1');
      expect(await f.store.getOutbox()).toEqual([]);
    });
  });

  describe('lease release', () => {
    it('when a lease is released, then the next caller can take it at once', async () => {
      const { store } = fixture();
      expect(await store.acquireLease('lock', 60_000)).toBe(true);
      expect(await store.acquireLease('lock', 60_000)).toBe(false);
      await store.releaseLease('lock');
      expect(await store.acquireLease('lock', 60_000)).toBe(true);
    });
  });

  describe('restart', () => {
    it('when the store is reopened, then incidents, overrides, reclassifications, the audit trail and the webhook outbox survive', async () => {
      const f = fixture();
      await f.store.saveIncident(incident('i1'), 0);
      await f.store.putOverride(override('ikp'));
      await f.store.appendAudit(audit('a1', T0), 10);
      await f.store.addReclassification({ id: 'r1', component: 'ikp', from: T0, to: T0 + 1, reason: 'x', createdBy: 'a', createdAt: T0, movedSeconds: 0, transitionsWritten: 0 });
      await f.store.putOutbox(outboxEntry('d1', { attempts: 1 }));
      const reopened = await f.reopen();
      expect(await reopened.getIncident('i1')).toEqual(incident('i1'));
      expect(await reopened.getOverrides()).toEqual([override('ikp')]);
      expect((await reopened.getAudit(10)).map((e) => e.id)).toEqual(['a1']);
      expect((await reopened.getReclassifications()).map((r) => r.id)).toEqual(['r1']);
      expect(await reopened.getOutbox()).toEqual([outboxEntry('d1', { attempts: 1 })]);
    });
  });
}
