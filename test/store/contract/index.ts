import { afterEach, beforeEach, describe } from 'vitest';
import { coordinationContract } from './coordination.ts';
import type { StoreFixture } from './fixture.ts';
import { historyContract } from './history.ts';
import { lifecycleContract } from './lifecycle.ts';
import { operatorContract } from './operator.ts';
import { resultsContract } from './results.ts';
import { windowsContract } from './windows.ts';

export type { StoreFixture } from './fixture.ts';

/** Every port's scenarios over one backend (after Gatus's store_test.go): each test gets a fresh, isolated store. */
export function storeContract(name: string, make: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let f: StoreFixture;
    beforeEach(async () => {
      f = await make();
    });
    afterEach(async () => {
      await f.cleanup();
    });
    const fixture = (): StoreFixture => f;
    describe('ResultsPort', () => resultsContract(fixture));
    describe('HistoryPort', () => historyContract(fixture));
    describe('WindowsPort', () => windowsContract(fixture));
    describe('OperatorPort', () => operatorContract(fixture));
    describe('CoordinationPort', () => coordinationContract(fixture));
    describe('LifecyclePort', () => lifecycleContract(fixture));
  });
}
