// Migration 0002 (the tree after QĐ 294) on SQLite: a database made by the earlier migrations, with a
// meeting, a decision and accounts in it, keeps them all and takes the new node kinds.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { expect, it } from 'vitest';
import { migrationsFolder } from '../../src/entry/node.ts';
import { transactionAtomic } from '../../src/store/atomic.ts';
import { createDrizzleStore, type Db } from '../../src/store/drizzle-store.ts';
import * as schema from '../../src/store/schema.ts';
import { BEFORE, expectMigrated, OLD_ROWS } from './tree-migration.ts';

/** A copy of the migrations folder that stops before the migration under test. */
function earlierMigrations(): string {
  const folder = mkdtempSync(join(tmpdir(), 'phieukin-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, BEFORE);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

it('migrates a tree made before QĐ 294 without losing meetings, decisions or accounts', async () => {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: earlierMigrations() });
  for (const statement of OLD_ROWS) sqlite.exec(statement);
  migrate(db, { migrationsFolder });
  const store = createDrizzleStore(db as unknown as Db, transactionAtomic(db));
  await expectMigrated(store);
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  sqlite.close();
});
