import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/incidents.ts';
import type { StorePorts } from '../../../src/store/ports.ts';
import { pollUntil } from '../../helpers/poll.ts';
import { incident } from './fixture.ts';

/** One valid and one malformed record of a kind, as they would be stored raw. */
export interface Planted {
  valid: Incident;
  /** An incident without a title (the case). */
  malformed: Record<string, unknown>;
  /** A component state with an unknown status. */
  badState: Record<string, unknown>;
}

/** A store opened over records written raw into its backing storage (a real Redis, or the snapshot file). */
export interface QuarantineFixture {
  /** Writes the planted records raw, then opens a store over them; `warnings` collects its log lines. */
  open(planted: Planted): Promise<{ store: StorePorts; warnings: string[] }>;
  /** Closes the store and opens a new one over the same storage. */
  reopen(): Promise<StorePorts>;
  cleanup(): Promise<void>;
}

export const PLANTED: Planted = {
  valid: incident('good'),
  malformed: (({ title: _t, ...rest }) => ({ ...rest, id: 'bad' }))(incident('bad')),
  badState: { id: 'ikp', status: 'exploded', since: 1, lastCheckedAt: 1, reason: 'ok', rootCause: null },
};

/** The same quarantine scenarios over every store (Gatus style: one suite, many backends). */
export function quarantineContract(name: string, make: () => Promise<QuarantineFixture>): void {
  describe(`${name}: malformed records are quarantined (issue 10 item 9)`, () => {
    let f: QuarantineFixture | null = null;
    afterEach(async () => {
      await f?.cleanup();
      f = null;
    });

    // Quarantining is written in the background: wait until `n` records are there (a condition, not a time).
    const settle = async (store: StorePorts, n: number): Promise<void> => {
      await pollUntil(`${n} quarantined records`, async () => ((await store.operator.getQuarantine()).length >= n ? true : undefined), 30_000, 10);
    };

    it('when an incident without a title is stored, then reads return only the valid incident and the bad one is quarantined', async () => {
      f = await make();
      const { store } = await f.open(PLANTED);
      expect((await store.operator.getIncidents()).map((i) => i.id)).toEqual(['good']);
      expect(await store.operator.getIncident('bad')).toBeNull();
      await settle(store, 1);
      const [q] = (await store.operator.getQuarantine()).filter((r) => r.kind === 'incident');
      expect(q).toMatchObject({ kind: 'incident' });
      expect(q!.problems.join(' ')).toContain('title');
      expect(JSON.parse(q!.raw)).toMatchObject({ id: 'bad' });
    });

    it('when a component state has an unknown status, then the other states load and it is quarantined', async () => {
      f = await make();
      const { store } = await f.open(PLANTED);
      expect((await store.results.getComponentStates()).has('ikp')).toBe(false);
      await settle(store, 1);
      expect((await store.operator.getQuarantine()).map((q) => q.kind)).toContain('componentState');
    });

    it('when the same malformed record is read many times, then it is quarantined and logged once', async () => {
      f = await make();
      const { store, warnings } = await f.open(PLANTED);
      for (let i = 0; i < 5; i++) await store.operator.getIncidents();
      await store.results.getComponentStates();
      await settle(store, 2);
      await new Promise((r) => setTimeout(r, 50));
      expect((await store.operator.getQuarantine()).length).toBe(2);
      expect(warnings.filter((w) => w.includes('quarantined'))).toHaveLength(2);
    });

    it('when a quarantined record is deleted, then it is gone for good and deleting it again says false', async () => {
      f = await make();
      const { store } = await f.open(PLANTED);
      await store.operator.getIncidents();
      await store.results.getComponentStates();
      await settle(store, 2);
      const id = (await store.operator.getQuarantine()).find((q) => q.kind === 'incident')!.id;
      expect(await store.operator.deleteQuarantined(id)).toBe(true);
      expect(await store.operator.deleteQuarantined(id)).toBe(false);
      expect((await store.operator.getQuarantine()).map((q) => q.kind)).toEqual(['componentState']);
      const reopened = await f.reopen();
      expect((await reopened.operator.getQuarantine()).map((q) => q.kind)).toEqual(['componentState']);
      expect((await reopened.operator.getIncidents()).map((i) => i.id)).toEqual(['good']);
    });

    it('when the store is reopened, then the quarantined record stays quarantined and never comes back in reads', async () => {
      f = await make();
      const { store } = await f.open(PLANTED);
      await store.operator.getIncidents();
      await settle(store, 1);
      const reopened = await f.reopen();
      expect((await reopened.operator.getIncidents()).map((i) => i.id)).toEqual(['good']);
      expect((await reopened.operator.getQuarantine()).filter((q) => q.kind === 'incident')).toHaveLength(1);
    });
  });
}
