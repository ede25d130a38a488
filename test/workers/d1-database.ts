// The app tests' database on D1. In the Workers project vitest.config.ts resolves the Node entry to this
// file, so the same tests (test/app/) drive the same app over the drizzle store on the D1 binding. Storage
// is per test file; closing empties the database for the next test.
import { applyD1Migrations, env, reset } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { batchAtomic } from '../../src/store/atomic.ts';
import { createDrizzleStore, type Db } from '../../src/store/drizzle-store.ts';
import * as schema from '../../src/store/schema.ts';
import type { Store } from '../../src/store/store.ts';

export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}

export function openDatabase(_file = ':memory:'): { store: Store; close: () => Promise<void> } {
  const db = drizzle(env.DB, { schema });
  const store = createDrizzleStore(db as unknown as Db, batchAtomic(db));
  return {
    store,
    close: async () => {
      await reset();
      await migrate();
    },
  };
}
