// The drizzle store on better-sqlite3 passes the Store contract, and never binds more than 100
// parameters in one statement (D1's limit), whatever the size of the write.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/entry/node.ts';
import { storeContract } from './contract.ts';

let maxParams = 0;
const logger = {
  logQuery(_query: string, params: unknown[]) {
    maxParams = Math.max(maxParams, params.length);
  },
};

storeContract('drizzle on better-sqlite3', () => openDatabase(':memory:', { logger }));

describe('drizzle on better-sqlite3: D1 limits', () => {
  afterAll(() => {
    maxParams = 0;
  });
  it('bound at most 100 parameters per statement during the contract suite', () => {
    expect(maxParams).toBeGreaterThan(50);
    expect(maxParams).toBeLessThanOrEqual(100);
  });
});
