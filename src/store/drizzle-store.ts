// The one Store implementation, written for both better-sqlite3 and D1: every query is awaited, every
// multi-statement write goes through `atomic`, bulk inserts are chunked to at most 100 bound parameters,
// and uniqueness (a card spent once, one event per height) is left to the database's constraints.
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Atomic } from './atomic.ts';
import { accountStore } from './drizzle/accounts.ts';
import { meetingStore } from './drizzle/meetings.ts';
import { organisationStore } from './drizzle/organisations.ts';
import type * as schema from './schema.ts';
import type { Store } from './store.ts';

export type Db = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

/** The three aggregates on one database: each file of drizzle/ writes only its own tables. */
export function createDrizzleStore(db: Db, atomic: Atomic): Store {
  return { ...accountStore(db, atomic), ...organisationStore(db, atomic), ...meetingStore(db, atomic) };
}
