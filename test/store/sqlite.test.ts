// The drizzle store on better-sqlite3 passes every aggregate's Store contract, and never binds more than 100
// parameters in one statement (D1's limit), whatever the size of the write.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/entry/node.ts';
import { storeContracts } from './contracts.ts';
import { keyFor } from './meeting-contract.ts';

storeContracts('drizzle on better-sqlite3', () => openDatabase(':memory:'));

describe('drizzle on better-sqlite3: D1 limits', () => {
  it('binds at most 100 parameters per statement in bulk writes and reads', async () => {
    let maxParams = 0;
    const logger = {
      logQuery(_query: string, params: unknown[]) {
        maxParams = Math.max(maxParams, params.length);
      },
    };
    const { store, close } = openDatabase(':memory:', { logger });
    await store.ensureBranch({ id: 'b', name: 'Chi bộ' }, 0);
    await store.replaceRoster(
      'b',
      Array.from({ length: 300 }, (_, i) => ({
        id: `m${i}`,
        name: `Đảng viên ${i}`,
        status: 'official' as const,
        role: 'member',
        proposedLevel: null,
        exclusion: null,
        facts: [],
      })),
    );
    const at = await store.createMeeting({
      id: 'm',
      branchId: 'b',
      title: 'Họp',
      kind: 'motion',
      ruleSet: 'none',
      trustees: { n: 1, k: 1 },
      manifest: '{}',
      manifestHash: 'h',
      createdAt: 0,
    });
    const serials = Array.from({ length: 500 }, (_, i) => i + 1);
    await store.addCards(
      'm',
      serials.map((serial) => ({ serial, pk: keyFor(serial) })),
    );
    expect(await store.cards('m', { serials })).toHaveLength(500);
    await store.activateCards('m', at, serials, [{ type: 'credentials-activated', payload: '{}' }]);
    expect((await store.counts('m')).activated).toBe(500);
    expect(await store.roster('b')).toHaveLength(300);
    expect(maxParams).toBeGreaterThan(90);
    expect(maxParams).toBeLessThanOrEqual(100);
    close();
  });
});
