// The one way the store writes several statements at once: all of them or none. A synchronous
// transaction on better-sqlite3; on D1, `db.batch()` (drizzle's async transaction() does not work there).
import type { BatchItem } from 'drizzle-orm/batch';

export type Statement = BatchItem<'sqlite'> & { run(): unknown };
export type Atomic = (statements: Statement[]) => Promise<void>;

/** For a synchronous driver (better-sqlite3): `transaction` is drizzle's, its callback runs the statements. */
export function transactionAtomic(db: { transaction<T>(fn: () => T): T }): Atomic {
  return async (statements) => {
    db.transaction(() => {
      for (const statement of statements) statement.run();
    });
  };
}

/** For D1: one batch is one implicit transaction. */
export function batchAtomic(db: {
  batch(statements: readonly [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]): Promise<unknown>;
}): Atomic {
  return async (statements) => {
    const [first, ...rest] = statements;
    if (first) await db.batch([first, ...rest]);
  };
}

export const MAX_PARAMS = 100;

/** Splits rows of `columns` bound values each so that one insert binds at most 100 parameters (D1). */
export function chunkRows<T>(rows: T[], columns: number): T[][] {
  return chunk(rows, Math.max(1, Math.floor(MAX_PARAMS / columns)));
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The columns a UNIQUE or PRIMARY KEY constraint failure names, from the driver's message; else null. */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const match = /UNIQUE constraint failed: ([\w., ]+)/.exec(e.message);
    if (match) return match[1]!.trim();
  }
  return null;
}
