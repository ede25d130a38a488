// Migration 0002 (the tree after QĐ 294) on D1: the same database made by the earlier migrations keeps its
// meetings, decisions and accounts and takes the new node kinds.
import { applyD1Migrations, env, reset } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { it } from 'vitest';
import { batchAtomic } from '../../src/store/atomic.ts';
import { createDrizzleStore, type Db } from '../../src/store/drizzle-store.ts';
import * as schema from '../../src/store/schema.ts';
import { BEFORE, expectMigrated, OLD_ROWS } from '../store/tree-migration.ts';

it('migrates a tree made before QĐ 294 without losing meetings, decisions or accounts', async () => {
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS.slice(0, BEFORE));
  for (const statement of OLD_ROWS) await env.DB.prepare(statement).run();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  const db = drizzle(env.DB, { schema });
  await expectMigrated(createDrizzleStore(db as unknown as Db, batchAtomic(db)));
});
