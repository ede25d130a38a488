// Every aggregate's Store contract, for one backend: test/store/sqlite.test.ts runs them on better-sqlite3,
// test/workers/d1-store.test.ts on D1.
import type { Store } from '../../src/store/store.ts';
import { accountContract } from './account-contract.ts';
import { meetingContract } from './meeting-contract.ts';
import { organisationContract } from './organisation-contract.ts';

/** A fresh, empty store and the function that closes it. */
export type OpenStore = () => { store: Store; close: () => void };

export function storeContracts(name: string, open: OpenStore): void {
  accountContract(name, open);
  organisationContract(name, open);
  meetingContract(name, open);
}
